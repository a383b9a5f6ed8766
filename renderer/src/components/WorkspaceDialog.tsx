import { useState } from 'react';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useUi } from '../state/ui.ts';
import { useWorkspace } from '../state/workspace.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

/** Which workspace folder is open; open another (removable media, a git repository) or a recent one. */
export function WorkspaceDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const workspacePath = useWorkspace((s) => s.workspacePath);
  const isDefault = useWorkspace((s) => s.isDefault);
  const recent = useWorkspace((s) => s.recent);
  const switchWorkspace = useWorkspace((s) => s.switchWorkspace);
  const navigate = useUi((s) => s.navigate);
  const setSelection = useUi((s) => s.setSelection);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function go(path: string | null) {
    setBusy(true);
    setMessage(path === null ? 'Waiting for the folder dialog…' : `Opening ${path}…`);
    try {
      if (await switchWorkspace(path)) {
        setSelection([]);
        navigate({ view: 'inventory' });
        setMessage(null);
        onClose();
      } else setMessage('No folder chosen; the workspace is unchanged.');
    } catch (error) {
      setMessage(`Could not open it: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const others = recent.filter((p) => p !== workspacePath);
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="workspace-title" onClose={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <h2 id="workspace-title">Workspace folder</h2>
      <p>Open now: <code>{workspacePath}</code>{isDefault ? ' — the default workspace, in your user-data folder.' : '.'}</p>
      <p className="field-hint">A workspace is a folder of plain JSON files: keep one on removable media or in a git repository. A folder you open for the first time starts empty; only one copy of the app can write to a folder at a time.</p>
      <button type="button" disabled={busy} onClick={() => void go(null)}>Open another folder…</button>
      {others.length > 0 && (
        <>
          <h3>Recent</h3>
          <ul className="recent-workspaces">
            {others.map((p) => <li key={p}><button type="button" disabled={busy} onClick={() => void go(p)}>{p}</button></li>)}
          </ul>
        </>
      )}
      {message && <p role="status">{message}</p>}
      <div className="dialog-actions"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
