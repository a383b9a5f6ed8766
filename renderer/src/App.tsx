import { useEffect, useState } from 'react';
import { hasBridge } from './api.ts';
import { BackupsDialog } from './components/BackupsDialog.tsx';
import { ConfirmDialog } from './components/ConfirmDialog.tsx';
import { HelpDialog } from './components/HelpDialog.tsx';
import { ShortcutSheet } from './components/ShortcutSheet.tsx';
import { WorkspaceDialog } from './components/WorkspaceDialog.tsx';
import { useGlobalShortcuts } from './lib/useGlobalShortcuts.ts';
import { usePreferences } from './state/preferences.ts';
import { useUi } from './state/ui.ts';
import { overallSaveState, useWorkspace } from './state/workspace.ts';
import { unsavedFieldsMessage, useUnsavedFields } from './state/unsavedFields.ts';
import { ChangesView } from './views/ChangesView.tsx';
import { InventoryView } from './views/InventoryView.tsx';
import { LinkView } from './views/LinkView.tsx';
import { PlanView } from './views/plan/PlanView.tsx';
import { ServersView } from './views/servers/ServersView.tsx';

function SaveIndicator() {
  const saves = useWorkspace((s) => s.saves);
  const retry = useWorkspace((s) => s.retrySaves);
  const documents = useWorkspace((s) => s.documents);
  const unsaved = useUnsavedFields((s) => s.fields);
  const saved = overallSaveState(saves);
  // Text that is not valid is not saved: "All changes saved" would not be true (#17).
  const notSaved = saved.kind === 'saved' ? unsavedFieldsMessage(Object.fromEntries(Object.entries(unsaved).filter(([, f]) => documents.some((d) => d.link.id === f.linkId)))) : null;
  const state = notSaved ? { kind: 'unsaved' as const, message: notSaved } : saved;
  return (
    <span className={`save-state save-${state.kind}`} role="status" data-save-state={state.kind}>
      {state.message}
      {state.kind === 'error' && <button type="button" onClick={retry}>Retry now</button>}
    </span>
  );
}

function OperatorButton() {
  const operator = usePreferences((s) => s.operatorName);
  const setOperator = usePreferences((s) => s.setOperatorName);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  if (editing) {
    return (
      <form className="operator-form" onSubmit={(e) => { e.preventDefault(); void setOperator(name.trim() || null).then(() => setEditing(false)); }}>
        <label htmlFor="operator-name">Operator name</label>
        <input id="operator-name" value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
        <button type="submit">Save</button>
        <button type="button" onClick={() => setEditing(false)}>Cancel</button>
      </form>
    );
  }
  return <button type="button" onClick={() => { setName(operator ?? ''); setEditing(true); }}>Operator: {operator ?? 'not set'}</button>;
}

function DemoBanner() {
  const isDemo = useWorkspace((s) => s.isDemo);
  const startEmpty = useWorkspace((s) => s.startEmpty);
  const [confirming, setConfirming] = useState(false);
  if (!isDemo) return null;
  return (
    <div className="demo-banner" role="region" aria-label="Demo estate">
      <p>You are exploring a <strong>demo estate</strong>: made-up links that show what Applink Advisor finds. Edit them freely.</p>
      <button type="button" onClick={() => setConfirming(true)}>Start an empty workspace…</button>
      <ConfirmDialog open={confirming} title="Start an empty workspace?" confirmLabel="Remove the demo links" danger
        onConfirm={() => { setConfirming(false); void startEmpty(); }} onCancel={() => setConfirming(false)}>
        <p>Every link in this workspace is removed, including any you changed or added.</p>
      </ConfirmDialog>
    </div>
  );
}

export function App() {
  const loadState = useWorkspace((s) => s.loadState);
  const loading = useWorkspace((s) => s.loading);
  const error = useWorkspace((s) => s.error);
  const unreadable = useWorkspace((s) => s.unreadable);
  const readOnly = useWorkspace((s) => s.readOnly);
  const workspacePath = useWorkspace((s) => s.workspacePath);
  const migrated = useWorkspace((s) => s.migrated);
  const open = useWorkspace((s) => s.open);
  const route = useUi((s) => s.route);
  // While a large workspace arrives, a link already here opens at once.
  const linkHere = useWorkspace((s) => route.view === 'link' && s.documents.some((d) => d.link.id === route.id));
  const navigate = useUi((s) => s.navigate);
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [workspaceOpen, setWorkspaceOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useGlobalShortcuts();

  const loadPreferences = usePreferences((s) => s.load);
  useEffect(() => {
    if (hasBridge()) {
      void open();
      void loadPreferences();
    }
  }, [open, loadPreferences]);

  useEffect(() => {
    // Another view starts at its top, not at the scroll position of the one before.
    if (!(route.view === 'link' && route.tab)) document.getElementById('main')?.scrollTo({ top: 0 });
  }, [route]);

  useEffect(() => {
    document.title = `${route.view === 'servers' ? (route.tab === 'map' ? 'Estate map' : 'Servers') : route.view === 'link' ? 'Link' : route.view === 'changes' ? 'What changed' : route.view === 'plan' ? 'Migration plan' : 'Inventory'} — Applink Advisor`;
  }, [route]);

  if (!hasBridge()) {
    return <main className="app"><p role="alert">Applink Advisor must be opened as the desktop application.</p></main>;
  }
  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Applink Advisor</span>
        <nav aria-label="Main">
          <button type="button" aria-current={route.view === 'inventory' ? 'page' : undefined} onClick={() => navigate({ view: 'inventory' })}>Inventory</button>
          <button type="button" aria-current={route.view === 'servers' ? 'page' : undefined} onClick={() => navigate({ view: 'servers', tab: 'table' })}>Servers</button>
          <button type="button" aria-current={route.view === 'changes' ? 'page' : undefined} onClick={() => navigate({ view: 'changes' })}>What changed</button>
          <button type="button" aria-current={route.view === 'plan' ? 'page' : undefined} onClick={() => navigate({ view: 'plan' })}>Plan</button>
        </nav>
        <button type="button" className="workspace-path" title={workspacePath} onClick={() => setWorkspaceOpen(true)}>
          <span className="visually-hidden">Workspace: </span>{workspacePath}
        </button>
        <SaveIndicator />
        <OperatorButton />
        <button type="button" onClick={() => setBackupsOpen(true)}>Backups</button>
        <button type="button" onClick={() => setShortcutsOpen(true)} aria-keyshortcuts="?">Shortcuts</button>
        <button type="button" onClick={() => setHelpOpen(true)}>Help</button>
      </header>
      <DemoBanner />
      <main id="main" tabIndex={-1} data-load-state={loadState}>
        {loadState === 'error' && <p role="alert" className="error">The workspace could not be opened: {error}</p>}
        {(loadState === 'loading' || loadState === 'idle') && <p role="status" className="muted">Opening the workspace…</p>}
        {readOnly && <div role="alert" className="warning"><strong>Read-only.</strong> {readOnly}</div>}
        {migrated > 0 && (
          <div role="status" className="notice">
            {migrated} link{migrated === 1 ? ' was' : 's were'} written by an older version of Applink Advisor and {migrated === 1 ? 'has' : 'have'} been updated to the current format. The files as they were are kept in a backup (see Backups).
          </div>
        )}
        {unreadable.length > 0 && (
          <div role="alert" className="warning">
            {unreadable.length} file(s) in the workspace could not be opened; every other link is here.
            <ul>
              {unreadable.map((u) => (
                <li key={u.file}>
                  <code>{u.file}</code>: {u.reason}
                  {u.quarantinedTo && <> — moved to <code>{u.quarantinedTo}</code> with a note beside it.</>}
                </li>
              ))}
            </ul>
          </div>
        )}
        {/* A large workspace arrives in pages: the inventory shows them as they come; the views of the whole estate (and a link not here yet) wait. */}
        {loadState === 'ready' && loading && route.view !== 'inventory' && !linkHere && <p role="status" className="muted">Loading links… {loading.loaded.toLocaleString('en-GB')} of {loading.total.toLocaleString('en-GB')}</p>}
        {loadState === 'ready' && (!loading || route.view === 'inventory' || linkHere) && (route.view === 'servers' ? <ServersView tab={route.tab} /> : route.view === 'link' ? <LinkView id={route.id} tab={route.tab} />
          : route.view === 'changes' ? <ChangesView /> : route.view === 'plan' ? <PlanView /> : <InventoryView />)}
      </main>
      <ShortcutSheet />
      <BackupsDialog open={backupsOpen} onClose={() => setBackupsOpen(false)} />
      <WorkspaceDialog open={workspaceOpen} onClose={() => setWorkspaceOpen(false)} />
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
