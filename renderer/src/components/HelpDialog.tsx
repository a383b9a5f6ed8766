import { useEffect, useState } from 'react';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useUi } from '../state/ui.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

/** About, diagnostics for a support ticket (no user data), the log folder, and the shortcuts. */
export function HelpDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const setShortcutsOpen = useUi((s) => s.setShortcutsOpen);
  const [diagnostics, setDiagnostics] = useState<{ text: string; logFolder: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setStatus(null);
    void call('diagnostics.get', {}).then(setDiagnostics).catch((error: unknown) => setStatus(`Diagnostics unavailable: ${messageOf(error)}`));
  }, [open]);

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="help-title" onClose={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <h2 id="help-title">Help</h2>
      <p>Applink Advisor works offline: it never opens a network connection, checks for updates or sends anything anywhere. The documentation (installation, workspace format, import, reports) is in the <code>docs/</code> folder of the source repository your administrators build from.</p>
      <h3>Diagnostics</h3>
      <p className="field-hint">For a support ticket: versions, platform, workspace counts and the newest lines of the local log. It holds no link names, notes, paths or secrets.</p>
      <label htmlFor="diagnostics-text" className="visually-hidden">Diagnostics</label>
      <textarea id="diagnostics-text" readOnly rows={10} value={diagnostics?.text ?? 'Reading…'} className="diagnostics" />
      <p>Log folder: <code>{diagnostics?.logFolder ?? '…'}</code></p>
      <div className="bundle-actions">
        <button type="button" onClick={() => void call('diagnostics.copy', {}).then(() => setStatus('Diagnostics copied to the clipboard.'), (e: unknown) => setStatus(`Not copied: ${String(e)}`))}>Copy diagnostics</button>
        <button type="button" onClick={() => void call('diagnostics.openLogFolder', {}).then(({ opened }) => setStatus(opened ? 'The log folder is open in your file manager.' : 'The log folder could not be opened.'), (e: unknown) => setStatus(`Not opened: ${String(e)}`))}>Open log folder</button>
        <button type="button" onClick={() => { onClose(); setShortcutsOpen(true); }}>Keyboard shortcuts</button>
      </div>
      {status && <p role="status">{status}</p>}
      <div className="dialog-actions"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
