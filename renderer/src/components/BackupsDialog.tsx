import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/model/backupInfo.ts';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useWorkspace } from '../state/workspace.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { localTime } from '../lib/localTime.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';


/** Snapshots of the workspace: back up now, or restore one (after a safety snapshot). */
export function BackupsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const reopen = useWorkspace((s) => s.open);
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  async function refresh() {
    setBackups((await call('backups.list', {})).backups);
  }

  useEffect(() => {
    if (!open) return;
    setMessage(null);
    void refresh();
  }, [open]);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setMessage('Working…');
    try {
      setMessage(await work());
      await refresh();
    } catch (error) {
      setMessage(`Failed: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="backups-title" onClose={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <h2 id="backups-title">Backups</h2>
      <p className="field-hint">A snapshot is taken automatically before operations on many links and before a restore (the newest 20 are kept); snapshots you make are kept until you remove them.</p>
      <button type="button" disabled={busy} onClick={() => void run(async () => {
        await flushSaves();
        const backup = await call('backups.create', { reason: 'on demand' });
        return `Backed up ${backup.linkCount} links.`;
      })}>Back up now</button>
      {message && <p role="status">{message}</p>}
      {backups === null ? <p role="status" className="muted">Reading backups…</p> : backups.length === 0 ? <p className="muted">No backups yet.</p> : (
        <table className="settings backups">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead><tr><th scope="col">Taken</th><th scope="col">Why</th><th scope="col">Links</th><th scope="col"><span className="visually-hidden">Action</span></th></tr></thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{localTime(b.createdAt)}</td>
                <td>{b.reason}{b.automatic ? ' (automatic)' : ''}</td>
                <td>{b.linkCount}</td>
                <td><button type="button" disabled={busy} aria-label={`Restore the backup of ${localTime(b.createdAt)}`} onClick={() => setRestoring(b)}>Restore…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions"><button type="button" onClick={onClose}>Close</button></div>
      <ConfirmDialog open={restoring !== null} title="Restore this backup?" confirmLabel="Restore" danger
        onCancel={() => setRestoring(null)}
        onConfirm={() => {
          const backup = restoring!;
          setRestoring(null);
          void run(async () => {
            await flushSaves();
            const { restored } = await call('backups.restore', { id: backup.id });
            await reopen({ quiet: true });
            return `Restored ${restored.linkCount} links from ${localTime(restored.createdAt)}. The state before was backed up first.`;
          });
        }}>
        <p>The workspace's links become exactly those of {restoring ? localTime(restoring.createdAt) : ''} ({restoring?.linkCount} links). The current state is backed up first, so this can be undone by restoring that backup.</p>
      </ConfirmDialog>
    </dialog>
  );
}
