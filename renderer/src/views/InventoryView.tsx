import { useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { RECOMMENDATIONS, type Recommendation } from '../../../shared/guidance/flowcharts.ts';
import { SEVERITIES } from '../../../shared/guidance/rules.ts';
import { productName } from '../../../shared/engine/oauth2Readiness.ts';
import { ANSWER_KEYS, PRODUCTS, type AnswerKey } from '../../../shared/model/vocabulary.ts';
import { ANSWER_QUESTIONS, OAUTH2_LABELS, RECOMMENDATION_LABELS } from '../../../shared/present/labels.ts';
import { ApiError, call } from '../api.ts';
import type { BundlePreview } from '../../../shared/model/bundle.ts';
import { BundleDialog } from '../components/BundleDialog.tsx';
import { ImportDialog } from '../components/ImportDialog.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import type { ImportPreview } from '../../../shared/model/importPreview.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { NO_FILTERS, useUi, type AuthFilter, type InventoryFilters } from '../state/ui.ts';
import { useWorkspace } from '../state/workspace.ts';
import { countBy, filterRows, severityOf, toRow } from './inventory/inventoryRows.ts';
import { InventoryTable } from './inventory/InventoryTable.tsx';
import { filesOfDrop, MAX_DROPPED_FILES } from '../lib/droppedFolders.ts';

const AUTH_FILTERS: Record<AuthFilter, string> = {
  trustedApps: 'Uses Trusted Apps', basic: 'Uses Basic HTTP', oauth: 'Uses OAuth (no impersonation)',
  impersonation: 'Uses OAuth (impersonation)', oauth2: 'Uses OAuth 2.0', none: 'No authentication',
};

/** Every link of the workspace: counts, filters, the grid, bulk actions and "add a link". */
export function InventoryView() {
  const documents = useWorkspace((s) => s.documents);
  const createLink = useWorkspace((s) => s.createLink);
  const filters = useUi((s) => s.filters);
  const setFilters = useUi((s) => s.setFilters);
  const navigate = useUi((s) => s.navigate);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [bundleMessage, setBundleMessage] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ token: string; preview: BundlePreview } | null>(null);
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const [importing, setImporting] = useState<{ token: string; preview: ImportPreview } | null>(null);
  const [dropping, setDropping] = useState(false);
  const [reporting, setReporting] = useState(false);
  const selection = useUi((s) => s.selection);
  const allRows = useMemo(() => documents.map(toRow), [documents]);
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

  // A file the system asked us to open (a double-click on a .bundle or .applinks.json): checked when
  // the inventory shows and whenever the window comes back to the front.
  useEffect(() => {
    let live = true;
    const check = () => {
      void call('launch.pending', {}).then((pending) => {
        if (!live || pending.kind === 'none') return;
        if (pending.kind === 'bundle') setOpened({ token: pending.token, preview: pending.preview });
        else setImporting({ token: pending.token, preview: pending.preview });
      }, (failure: unknown) => live && setBundleMessage(`The file could not be opened: ${failure instanceof Error ? failure.message : String(failure)}`));
    };
    check();
    window.addEventListener('focus', check);
    return () => {
      live = false;
      window.removeEventListener('focus', check);
    };
  }, []);

  async function importBundle() {
    setBundleMessage('Waiting for the file dialog…');
    try {
      await flushSaves();
      const { token, preview } = await call('bundles.open', {});
      setBundleMessage(token && preview ? null : 'No bundle chosen.');
      if (token && preview) setOpened({ token, preview });
    } catch (failure) {
      setBundleMessage(`Not imported: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  async function runImport(read: () => Promise<{ token: string | null; preview: ImportPreview | null }>, what: string) {
    setBundleMessage(what);
    try {
      await flushSaves();
      const { token, preview } = await read();
      setBundleMessage(token && preview ? null : 'No files chosen.');
      if (token && preview) setImporting({ token, preview });
    } catch (failure) {
      setBundleMessage(`Not imported: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  }

  async function dropFolders(entries: FileSystemEntry[]) {
    setBundleMessage('Reading the dropped folder…');
    let found: Awaited<ReturnType<typeof filesOfDrop>>;
    try {
      found = await filesOfDrop(entries);
    } catch (failure) {
      return setBundleMessage(`The dropped folder could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
    const { files, tooMany } = found;
    if (tooMany) return setBundleMessage(`The dropped folders hold more than ${MAX_DROPPED_FILES} export files; import them a folder at a time.`);
    if (files.length === 0) return setBundleMessage('The dropped folder holds no .json or .csv file.');
    const tooBig = files.find((f) => f.file.size > 50 * 1024 * 1024);
    if (tooBig) return setBundleMessage(`${tooBig.file.name} is larger than 50 MB; not an Applinks export.`);
    await runImport(async () => call('import.fromContents', {
      files: await Promise.all(files.map(async ({ file, folder }) => ({ name: file.name, text: await file.text(), ...(folder === undefined ? {} : { folder }) }))),
    }), `Reading ${files.length} file${files.length === 1 ? '' : 's'} of the dropped folder…`);
  }

  async function dropFiles(list: FileList) {
    const files = [...list];
    if (files.length > 500) return setBundleMessage('Drop at most 500 files at a time.');
    const tooBig = files.find((f) => f.size > 50 * 1024 * 1024);
    if (tooBig) return setBundleMessage(`${tooBig.name} is larger than 50 MB; not an Applinks export.`);
    await runImport(async () => call('import.fromContents', { files: await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() }))) }), `Reading ${files.length} dropped file${files.length === 1 ? '' : 's'}…`);
  }

  return (
    <section aria-labelledby="inventory-heading" className={`inventory${dropping ? ' dropping' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDropping(false); }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDropping(false);
        // A dropped folder reaches the page as an unreadable File: its contents are read through its entry
        // instead, and travel as contents like dropped files. Entries must be taken before the event returns.
        const entries = [...e.dataTransfer.items].map((item) => item.webkitGetAsEntry()).filter((entry) => entry !== null);
        if (entries.some((entry) => entry.isDirectory)) return void dropFolders(entries);
        void dropFiles(e.dataTransfer.files);
      }}>
      {dropping && <p className="drop-hint" aria-hidden="true">Drop Applinks exports, inventory files or spreadsheets to import them</p>}
      <header className="view-header">
        <h1 id="inventory-heading">Inventory</h1>
        <p className="muted" role="status">{filtered ? `${rows.length} of ${allRows.length} links shown` : `${allRows.length} ${allRows.length === 1 ? 'link' : 'links'}`}</p>
        <form className="add-link" onSubmit={add}>
          <label htmlFor="new-link-name">New link name</label>
          <input id="new-link-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
          <button type="submit">Add link</button>
          {error && <p role="alert" className="error">{error}</p>}
        </form>
        <div className="bundle-actions">
          <button type="button" onClick={() => void runImport(() => call('import.choose', {}), 'Waiting for the file dialog…')}>Import exports…</button>
          <button type="button" onClick={() => void runImport(() => call('import.choose', { folder: true }), 'Waiting for the folder dialog…')}>Import a folder…</button>
          <button type="button" onClick={() => void importBundle()}>Import bundle…</button>
          {allRows.length > 0 && <button type="button" onClick={() => void exportBundle(null, setBundleMessage)}>Export bundle…</button>}
          {rows.length > 0 && <button type="button" onClick={() => setReporting(true)}>Report…</button>}
        </div>
        {bundleMessage && <p role="status" className="bundle-message">{bundleMessage}</p>}
      </header>
      <BundleDialog opened={opened} onClose={(message) => { setOpened(null); setBundleMessage(message); }} />
      {reporting && <ReportDialog open onClose={() => setReporting(false)}
        ids={selection.size > 0 ? [...selection] : filtered ? rows.map((r) => r.id) : null}
        scope={selection.size > 0 ? `the ${selection.size} selected links` : filtered ? `the ${rows.length} links shown` : `all ${allRows.length} links`} />}
      <ImportDialog opened={importing} onClose={(message) => { setImporting(null); setBundleMessage(message); }} />

      {allRows.length > 0 && (
        <div className="summary" aria-label="Summary">
          <div className="summary-group">
            <h2>By recommendation</h2>
            <ul>
              {RECOMMENDATIONS.filter((r) => byRecommendation.has(r)).map((r) => (
                <li key={r}>
                  <button type="button" className="count-chip" aria-pressed={filters.recommendation === r}
                    onClick={() => setFilters({ recommendation: filters.recommendation === r ? '' : (r as Recommendation) })}>
                    <span className="count">{byRecommendation.get(r)}</span> {RECOMMENDATION_LABELS[r]}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="summary-group">
            <h2>By worst finding</h2>
            <ul>
              {SEVERITIES.filter((s) => bySeverity.has(s)).map((s) => (
                <li key={s}>
                  <button type="button" className={`count-chip severity-chip-${s}`} aria-pressed={filters.severity === s}
                    onClick={() => setFilters({ severity: filters.severity === s ? '' : s })}>
                    <span className="count">{bySeverity.get(s)}</span> {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {allRows.length > 0 && <FilterBar filters={filters} onChange={setFilters} />}
      <BulkActions visibleIds={rows.map((r) => r.id)} />

      {allRows.length === 0 ? (
        <div className="empty">
          <p>No links yet.</p>
          <p>Add a link by name above, then describe both ends and answer the questions: the recommendation appears as you type.</p>
          <p>Or import what your servers already know: <em>Import exports…</em>, or drop the JSON of their Applinks REST answers here.</p>
        </div>
      ) : rows.length === 0 ? (
        <div className="empty">
          <p>No link matches these filters.</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>Clear filters</button>
        </div>
      ) : (
        <InventoryTable rows={rows} />
      )}
    </section>
  );
}

function FilterBar({ filters, onChange }: { filters: InventoryFilters; onChange(f: Partial<InventoryFilters>): void }) {
  const select = <K extends 'product' | 'auth' | 'severity' | 'readiness'>(key: K, label: string, options: Array<[string, string]>) => (
    <div className="filter">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} value={filters[key]} onChange={(e) => onChange({ [key]: e.target.value } as Partial<InventoryFilters>)}>
        <option value="">Any</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );
  return (
    <div className="filters" role="search">
      <div className="filter">
        <label htmlFor="inventory-search">Search</label>
        <input id="inventory-search" type="search" value={filters.text} placeholder="Name, product, URL, notes" onChange={(e) => onChange({ text: e.target.value })} />
      </div>
      {select('product', 'Product', PRODUCTS.map((p) => [p, productName(p)]))}
      {select('auth', 'Authentication', Object.entries(AUTH_FILTERS))}
      {select('severity', 'Worst finding', SEVERITIES.map((s) => [s, s]))}
      {select('readiness', 'OAuth 2.0', Object.entries(OAUTH2_LABELS))}
      <button type="button" onClick={() => onChange(NO_FILTERS)}>Clear filters</button>
    </div>
  );
}

/** Saves the workspace, or the given links, as a portable bundle through the save dialog. */
async function exportBundle(ids: string[] | null, report: (message: string) => void) {
  try {
    await useWorkspace.getState().flushSaves();
    const result = await call('bundles.export', ids ? { ids } : {});
    report(result.saved ? `Wrote ${result.count} links to ${result.path}.` : 'Bundle export cancelled.');
  } catch (error) {
    report(`Bundle export failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function BulkActions({ visibleIds }: { visibleIds: string[] }) {
  const selection = useUi((s) => s.selection);
  const setSelection = useUi((s) => s.setSelection);
  const documents = useWorkspace((s) => s.documents);
  const updateLinks = useWorkspace((s) => s.updateLinks);
  const deleteLinks = useWorkspace((s) => s.deleteLinks);
  const [question, setQuestion] = useState<AnswerKey>('sharedUserBase');
  const [value, setValue] = useState<'true' | 'false' | 'null'>('true');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const selected = documents.filter((d) => selection.has(d.link.id));
  if (selected.length === 0) return <p className="visually-hidden" role="status">{message ?? ''}</p>;

  async function applyAnswer() {
    const answer = value === 'null' ? null : value === 'true';
    await updateLinks(selected.map((d) => ({ ...d.link, answers: { ...d.link.answers, [question]: answer } })), 'Set answer');
    setMessage(`Answer set on ${selected.length} links.`);
  }

  async function exportSelected() {
    const text = `${JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: selected.map((d) => d.link) }, null, 2)}\n`;
    try {
      const result = await call('export.save', { suggestedName: 'applink-inventory.json', format: 'json', text });
      setMessage(result.saved ? `Exported ${selected.length} links to ${result.path}.` : 'Export cancelled.');
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function remove() {
    setConfirming(false);
    const deleted = await deleteLinks(selected.map((d) => d.link.id));
    setSelection([]);
    setMessage(`Deleted ${deleted} links.`);
  }

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong>{selected.length} selected</strong>
      {selected.length < visibleIds.length && <button type="button" onClick={() => setSelection(visibleIds)}>Select all {visibleIds.length} shown</button>}
      <button type="button" onClick={() => setSelection([])}>Clear selection</button>
      <span className="bulk-answer">
        <label htmlFor="bulk-question">Set answer</label>
        <select id="bulk-question" value={question} onChange={(e) => setQuestion(e.target.value as AnswerKey)}>
          {ANSWER_KEYS.map((key) => <option key={key} value={key}>{ANSWER_QUESTIONS[key].question}</option>)}
        </select>
        <label htmlFor="bulk-answer" className="visually-hidden">Answer</label>
        <select id="bulk-answer" value={value} onChange={(e) => setValue(e.target.value as typeof value)}>
            <option value="true">Yes</option>
            <option value="false">No</option>
            <option value="null">Not known</option>
        </select>
        <button type="button" onClick={() => void applyAnswer()}>Apply to {selected.length}</button>
      </span>
      <button type="button" onClick={() => void exportSelected()}>Export…</button>
      <button type="button" onClick={() => void exportBundle(selected.map((d) => d.link.id), setMessage)}>Export bundle…</button>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete…</button>
      {message && <p role="status" className="muted">{message}</p>}
      <ConfirmDialog open={confirming} title={`Delete ${selected.length} links?`} confirmLabel={`Delete ${selected.length} links`} danger
        onConfirm={() => void remove()} onCancel={() => setConfirming(false)}>
        <p>Their assessments are removed from this workspace. A backup is taken first: restore it from Backups to bring them back.</p>
      </ConfirmDialog>
    </div>
  );
}
