import { useEffect } from 'react';
import { hasBridge } from './api.ts';
import { useWorkspace } from './state/workspace.ts';
import { InventoryView } from './views/InventoryView.tsx';

export function App() {
  const loadState = useWorkspace((s) => s.loadState);
  const error = useWorkspace((s) => s.error);
  const load = useWorkspace((s) => s.load);

  useEffect(() => {
    if (hasBridge()) void load();
  }, [load]);

  if (!hasBridge()) {
    return <main className="app"><p role="alert">Applink Advisor must be opened as the desktop application.</p></main>;
  }
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Applink Advisor</span>
      </header>
      <main id="main" data-load-state={loadState}>
        {loadState === 'error' && <p role="alert" className="error">The workspace could not be opened: {error}</p>}
        {loadState === 'loading' && <p role="status">Opening the workspace…</p>}
        {loadState === 'ready' && <InventoryView />}
      </main>
    </div>
  );
}
