import { useDeferredValue, useMemo } from 'react';
import { localDay } from '../../../../shared/engine/triage.ts';
import { useUi } from '../../state/ui.ts';
import { useWorkspace } from '../../state/workspace.ts';
import { filterRows, rowsOf, type InventoryRow } from '../inventory/inventoryRows.ts';

/** The workspace's links as inventory rows, and those the inventory's filters keep: what the Servers view and the map draw. */
export function useFilteredRows(): { all: InventoryRow[]; rows: InventoryRow[] } {
  const documents = useWorkspace((s) => s.documents);
  const filters = useDeferredValue(useUi((s) => s.filters));
  const all = useMemo(() => rowsOf(documents, localDay(new Date())), [documents]);
  const rows = useMemo(() => filterRows(all, filters), [all, filters]);
  return { all, rows };
}
