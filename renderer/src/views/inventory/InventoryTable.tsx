import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type CellContext, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { RECOMMENDATION_LABELS } from '../../../../shared/present/labels.ts';
import { ReadinessBadge } from '../../components/Badges.tsx';
import { useUi, type InventoryFilters } from '../../state/ui.ts';
import './inventoryTable.css';
import type { InventoryRow } from './inventoryRows.ts';

const ROW_HEIGHT = 36;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Full text on hover (title) and, when the cell is clipped, on keyboard focus of its row (see inventoryTable.css). */
function Clipped({ text }: { text: string }) {
  return <span className="clip" title={text} data-full={text}>{text}</span>;
}
const clipped = (key: keyof InventoryRow) => (c: CellContext<InventoryRow, unknown>) => <Clipped text={String(c.row.original[key])} />;

// Fixed widths (table-layout: fixed): columns keep their width while rows scroll in and out (#17).
function columns(): ColumnDef<InventoryRow>[] {
  return [
    { id: 'select', header: () => <span className="visually-hidden">Selected</span>, enableSorting: false, size: 40 },
    { id: 'name', header: 'Name', accessorKey: 'name', sortingFn: 'text', size: 240 },
    { id: 'localHost', header: 'Local server', accessorKey: 'localHost', cell: clipped('localHost'), size: 190 },
    { id: 'local', header: 'Local', accessorKey: 'local', cell: clipped('local'), size: 150 },
    { id: 'remoteHost', header: 'Remote server', accessorKey: 'remoteHost', cell: clipped('remoteHost'), size: 190 },
    { id: 'remote', header: 'Remote', accessorKey: 'remote', cell: clipped('remote'), size: 150 },
    { id: 'auth', header: 'Local auth (out / in)', accessorFn: (r) => `${r.outgoing} / ${r.incoming}`, cell: (c) => <Clipped text={String(c.getValue())} />, size: 190 },
    { id: 'remoteAuth', header: 'Remote auth (out / in)', accessorKey: 'remoteAuth', cell: clipped('remoteAuth'), size: 200 },
    { id: 'status', header: 'Applinks status', accessorFn: (r) => r.status.label, cell: (c) => <span className={`badge lozenge-${c.row.original.status.tone}`}>{c.row.original.status.label}</span>, size: 160 },
    { id: 'recommendation', header: 'Recommendation', accessorFn: (r) => RECOMMENDATION_LABELS[r.verdict.recommended], cell: (c) => <Clipped text={String(c.getValue())} />, size: 180 },
    { id: 'findings', header: 'Findings', accessorKey: 'findingsRank', cell: (c) => <span className="findings-cell" data-worst={c.row.original.triage.worstOpen ?? 'none'}><Clipped text={c.row.original.findingsText} /></span>, size: 210 },
    { id: 'oauth2', header: 'OAuth 2.0', accessorFn: (r) => r.verdict.oauth2.status, cell: (c) => <ReadinessBadge status={c.row.original.verdict.oauth2.status} />, size: 120 },
    { id: 'checklist', header: 'Checklist', accessorKey: 'checklistText', cell: clipped('checklistText'), size: 110 },
    { id: 'updatedAt', header: 'Last changed', accessorKey: 'updatedAt', cell: (c) => dateFormat.format(new Date(c.row.original.updatedAt)), size: 150 },
  ];
}

/** Marks the clipped texts of a row, so its focus (or hover) can show them whole. */
function markClipped(row: HTMLElement) {
  for (const span of row.querySelectorAll<HTMLElement>('.clip')) span.toggleAttribute('data-clipped', span.scrollWidth > span.clientWidth + 1);
}

/**
 * The inventory grid: sortable by any column, virtualised for 10,000 rows, operable with the keyboard.
 * At 1280×720 it scrolls sideways with the name column held in place (ArrowLeft/ArrowRight on a row too).
 */
// Memoised: a keystroke in the search box re-renders the view at once, the grid only when its (deferred) rows change.
export const InventoryTable = memo(function InventoryTable({ rows, filters }: { rows: InventoryRow[]; filters: InventoryFilters }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const selection = useUi((s) => s.selection);
  const toggleSelected = useUi((s) => s.toggleSelected);
  const setSelection = useUi((s) => s.setSelection);
  const navigate = useUi((s) => s.navigate);
  const columnDefs = useMemo(columns, []);
  const table = useReactTable({
    data: rows, columns: columnDefs, state: { sorting }, onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(), getRowId: (r) => r.id,
  });
  const sortedRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sortedRows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(false);
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const activeIndex = Math.min(active, Math.max(0, sortedRows.length - 1));
  const allSelected = rows.length > 0 && rows.every((r) => selection.has(r.id));

  // A new filter, search or sort starts at the top, the first row right under the sticky header (#17).
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
    setActive(0);
  }, [filters, sorting]);

  useEffect(() => {
    if (!focusWanted) return;
    // A far jump (End, PageDown) renders the row only after the scroll: keep wanting focus until it exists.
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (!row) return;
    row.focus();
    setFocusWanted(false);
  }, [focusWanted, activeIndex, items]);

  function move(to: number) {
    const index = Math.max(0, Math.min(sortedRows.length - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    setFocusWanted(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    const row = sortedRows[activeIndex];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 360) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1), ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page), PageUp: () => move(activeIndex - page),
      Home: () => move(0), End: () => move(sortedRows.length - 1),
      ArrowRight: () => scrollRef.current?.scrollBy({ left: 160 }), ArrowLeft: () => scrollRef.current?.scrollBy({ left: -160 }),
      Enter: () => row && navigate({ view: 'link', id: row.id }),
      ' ': () => row && toggleSelected(row.id),
    };
    const action = keys[event.key];
    if (action && event.target instanceof HTMLTableRowElement) {
      event.preventDefault();
      action();
    }
  }

  return (
    <div className="table-scroll" ref={scrollRef} data-testid="inventory-scroll">
      <table className="grid inventory-grid" aria-rowcount={sortedRows.length + 1} aria-label="Application links" style={{ width: table.getTotalSize() }}>
        <colgroup>{table.getAllLeafColumns().map((column) => <col key={column.id} className={`col-${column.id}`} style={{ width: column.getSize() }} />)}</colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                if (header.column.id === 'select') {
                  return (
                    <th key={header.id} scope="col" className="col-select">
                      <input type="checkbox" aria-label="Select all shown links" checked={allSelected}
                        onChange={() => setSelection(allSelected ? [] : rows.map((r) => r.id))} />
                    </th>
                  );
                }
                return (
                  <th key={header.id} scope="col" className={`col-${header.column.id}`} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden="true" className="sort-mark">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && <tr aria-hidden="true" style={{ height: paddingTop }}><td colSpan={columnDefs.length} /></tr>}
          {items.map((item) => {
            const row = sortedRows[item.index]!;
            const selected = selection.has(row.id);
            return (
              <tr key={row.id} data-index={item.index} data-link-id={row.id} aria-rowindex={item.index + 2} aria-selected={selected}
                tabIndex={item.index === activeIndex ? 0 : -1} className={selected ? 'selected' : undefined}
                onFocus={(event) => { setActive(item.index); markClipped(event.currentTarget); }} onMouseEnter={(event) => markClipped(event.currentTarget)} onDoubleClick={() => navigate({ view: 'link', id: row.id })}>
                {row.getVisibleCells().map((cell) => {
                  if (cell.column.id === 'select') {
                    return (
                      <td key={cell.id} className="col-select">
                        <input type="checkbox" tabIndex={-1} aria-label={`Select ${row.original.name}`} checked={selected} onChange={() => toggleSelected(row.id)} />
                      </td>
                    );
                  }
                  if (cell.column.id === 'name') {
                    return (
                      <td key={cell.id} className="col-name">
                        <button type="button" tabIndex={-1} className="link-button clip" title={row.original.name} data-full={row.original.name} onClick={() => navigate({ view: 'link', id: row.id })}>{row.original.name}</button>
                      </td>
                    );
                  }
                  return <td key={cell.id} className={`col-${cell.column.id}`}>{flexRender(cell.column.columnDef.cell ?? ((c) => String(c.getValue() ?? '')), cell.getContext())}</td>;
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr aria-hidden="true" style={{ height: paddingBottom }}><td colSpan={columnDefs.length} /></tr>}
        </tbody>
      </table>
    </div>
  );
});
