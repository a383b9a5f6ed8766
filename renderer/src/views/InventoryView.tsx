import { useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { localDay } from '../../../shared/engine/triage.ts';
import { ApiError, call } from '../api.ts';
import { BundleDialog } from '../components/BundleDialog.tsx';
import { ImportDialog } from '../components/ImportDialog.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import { NO_FILTERS, useUi, type InventoryFilters } from '../state/ui.ts';
import { useWorkspace } from '../state/workspace.ts';
import { countBy, filterRows, rowsOf, severityOf } from './inventory/inventoryRows.ts';
import { InventoryTable } from './inventory/InventoryTable.tsx';
import { BulkActions } from './inventory/BulkActions.tsx';
import { exportBundle } from './inventory/exportBundle.ts';
import { FilterBar } from './inventory/FilterBar.tsx';
import { ServerFilterChip } from './inventory/ServerFilterChip.tsx';
import { SummaryCounts } from './inventory/SummaryCounts.tsx';
import { useFileDrop } from './inventory/useFileDrop.ts';
import { useInventoryImports } from './inventory/useInventoryImports.ts';

/** Every link of the workspace: counts, filters, the grid, bulk actions and "add a link". */
export function InventoryView() {
  const documents = useWorkspace((s) => s.documents);
  const createLink = useWorkspace((s) => s.createLink);
  const filters = useUi((s) => s.filters);
  const setFilters = useUi((s) => s.setFilters);
  const navigate = useUi((s) => s.navigate);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const imports = useInventoryImports();
  const { bundleMessage, setBundleMessage, runImport } = imports;
  const { dropping, handlers } = useFileDrop(runImport, setBundleMessage);
  const [reporting, setReporting] = useState(false);
  const selection = useUi((s) => s.selection);
  const loading = useWorkspace((s) => s.loading);
  const allRows = useMemo(() => rowsOf(documents, localDay(new Date())), [documents]);
  const deferredFilters = useDeferredValue(filters);
  const rows = useMemo(() => filterRows(allRows, deferredFilters), [allRows, deferredFilters]);
  const byRecommendation = useMemo(() => countBy(allRows, (r) => r.verdict.recommended), [allRows]);
  const bySeverity = useMemo(() => countBy(allRows, severityOf), [allRows]);
  const filtered = Object.entries(filters).some(([key, value]) => value !== NO_FILTERS[key as keyof InventoryFilters]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const id = await createLink(name);
      setName('');
      navigate({ view: 'link', id });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  }

  return (
    <section aria-labelledby="inventory-heading" className={`inventory${dropping ? ' dropping' : ''}`} {...handlers}>
      {dropping && <p className="drop-hint" aria-hidden="true">Drop Applinks exports, inventory files or spreadsheets to import them</p>}
      <header className="view-header">
        <h1 id="inventory-heading">Inventory</h1>
        <p className="muted" role="status">
          {loading ? `Loading links… ${loading.loaded.toLocaleString('en-GB')} of ${loading.total.toLocaleString('en-GB')}; ${filtered ? `${rows.length} of the first ${allRows.length}` : `the first ${allRows.length}`} shown`
            : filtered ? `${rows.length} of ${allRows.length} links shown` : `${allRows.length} ${allRows.length === 1 ? 'link' : 'links'}`}
        </p>
        <form className="add-link" onSubmit={add}>
          <label htmlFor="new-link-name">New link name</label>
          <input id="new-link-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
          <button type="submit">Add link</button>
          {error && <p role="alert" className="error">{error}</p>}
        </form>
        <div className="bundle-actions">
          <button type="button" onClick={() => void runImport(() => call('import.choose', {}), 'Waiting for the file dialog…')}>Import exports…</button>
          <button type="button" onClick={() => void runImport(() => call('import.choose', { folder: true }), 'Waiting for the folder dialog…')}>Import a folder…</button>
          <button type="button" onClick={() => void imports.importBundle()}>Import bundle…</button>
          {/* Reports and bundles of "the links shown" wait until every link has arrived. */}
          {allRows.length > 0 && !loading && <button type="button" onClick={() => void exportBundle(null, setBundleMessage)}>Export bundle…</button>}
          {rows.length > 0 && !loading && <button type="button" onClick={() => setReporting(true)}>Report…</button>}
        </div>
        {bundleMessage && <p role="status" className="bundle-message">{bundleMessage}</p>}
      </header>
      <BundleDialog opened={imports.opened} onClose={imports.closeBundle} />
      {reporting && <ReportDialog open onClose={() => setReporting(false)}
        ids={selection.size > 0 ? [...selection] : filtered ? rows.map((r) => r.id) : null}
        scope={selection.size > 0 ? `the ${selection.size} selected links` : filtered ? `the ${rows.length} links shown` : `all ${allRows.length} links`} />}
      <ImportDialog opened={imports.importing} onClose={imports.closeImport} />

      {allRows.length > 0 && <SummaryCounts byRecommendation={byRecommendation} bySeverity={bySeverity} filters={filters} setFilters={setFilters} />}

      {allRows.length > 0 && <FilterBar filters={filters} onChange={setFilters} />}
      <ServerFilterChip server={filters.server} onRemove={() => setFilters({ server: '' })} />
      {!loading && <BulkActions visibleIds={rows.map((r) => r.id)} />}

      {allRows.length === 0 ? (
        <div className="empty">
          <p>No links yet.</p>
          <p>Add a link by name above, then describe both ends and answer the questions: the recommendation appears as you type.</p>
          <p>Or import what your servers already know: <em>Import exports…</em>, or drop the JSON of their Applinks REST answers here.</p>
        </div>
      ) : rows.length === 0 ? (
        <div className="empty">
          <p>{loading ? 'No link loaded so far matches these filters.' : 'No link matches these filters.'}</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear filters</button>
        </div>
      ) : (
        <InventoryTable rows={rows} filters={deferredFilters} />
      )}
    </section>
  );
}
