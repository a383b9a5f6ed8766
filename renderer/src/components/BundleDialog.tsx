import { useState } from 'react';
import type { BundlePreview } from '../../../shared/model/bundle.ts';
import type { BundleResolution, BundleRowStatus } from '../../../shared/model/vocabulary.ts';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useWorkspace } from '../state/workspace.ts';
import { localTime } from '../lib/localTime.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

const STATUS_LABELS: Record<BundleRowStatus, string> = {
  new: 'New', identical: 'Identical', update: 'Update (a later version of yours)', older: 'Older (yours is newer)', conflict: 'Conflict (changed on both sides)',
};
const RESOLUTION_LABELS: Record<BundleResolution, string> = { 'keep-mine': 'Keep mine', 'take-theirs': 'Take theirs', 'keep-both': 'Keep both' };
const CHOICES: Record<BundleRowStatus, BundleResolution[]> = {
  new: ['take-theirs', 'keep-mine'], identical: [], update: ['take-theirs', 'keep-mine', 'keep-both'],
  older: ['keep-mine', 'take-theirs', 'keep-both'], conflict: ['keep-mine', 'take-theirs', 'keep-both'],
};
const when = (iso: string | null) => (iso ? localTime(iso) : '—');

/** An opened bundle: preview every link against this workspace, choose per conflict, then merge all-or-nothing. */
export function BundleDialog({ opened, onClose }: { opened: { token: string; preview: BundlePreview } | null; onClose(message: string | null): void }) {
  const ref = useModalDialog(opened !== null);
  const reopen = useWorkspace((s) => s.open);
  const [choices, setChoices] = useState<Record<string, BundleResolution>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!opened) return <dialog ref={ref} className="dialog" aria-label="Import a bundle" />;
  const { preview } = opened;
  const choiceOf = (id: string, fallback: BundleResolution | null) => choices[id] ?? fallback;
  const undecided = preview.rows.filter((r) => choiceOf(r.id, r.defaultResolution) === null);
  const conflicts = preview.rows.filter((r) => r.status === 'conflict');
  const tally = (status: BundleRowStatus) => preview.rows.filter((r) => r.status === status).length;

  function close(message: string | null) {
    setChoices({});
    setStatus(null);
    onClose(message);
  }

  async function cancel() {
    await call('bundles.discard', { token: opened!.token }).catch(() => undefined);
    close('Import cancelled; the workspace is unchanged.');
  }

  async function merge() {
    setBusy(true);
    setStatus('Merging…');
    try {
      const result = await call('bundles.merge', { token: opened!.token, resolutions: choices });
      await reopen({ quiet: true });
      close(`Merged ${preview.fileName}: ${result.added} added, ${result.updated} updated, ${result.keptBoth} kept both, ${result.keptMine} left as they were.${result.backupId ? ' The workspace before was backed up.' : ''}`);
    } catch (error) {
      setStatus(`Not merged: ${messageOf(error)}. The workspace is unchanged.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="bundle-title" onCancel={(e) => { e.preventDefault(); void cancel(); }}>
      <h2 id="bundle-title">Import {preview.fileName}</h2>
      <p>Made {when(preview.createdAt)} by {preview.createdBy}. Its SHA-256 digest matches its content.</p>
      <p role="status">
        {preview.rows.length} links: {tally('new')} new, {tally('update')} updates, {tally('older')} older, {tally('conflict')} conflicts, {tally('identical')} identical.
      </p>
      {conflicts.length > 1 && (
        <p className="bulk-answer">
          Every conflict:{' '}
          {CHOICES.conflict.map((c) => (
            <button key={c} type="button" onClick={() => setChoices({ ...choices, ...Object.fromEntries(conflicts.map((r) => [r.id, c])) })}>{RESOLUTION_LABELS[c]}</button>
          ))}
        </p>
      )}
      <div className="bundle-rows">
        <table className="settings">
          <caption className="visually-hidden">Links in the bundle compared with this workspace</caption>
          <thead><tr><th scope="col">Link</th><th scope="col">Status</th><th scope="col">Theirs saved</th><th scope="col">Yours saved</th><th scope="col">Fields that differ</th><th scope="col">Action</th></tr></thead>
          <tbody>
            {preview.rows.map((row) => {
              const choice = choiceOf(row.id, row.defaultResolution);
              return (
                <tr key={row.id} data-status={row.status}>
                  <th scope="row">{row.name}</th>
                  <td><span className={`badge bundle-${row.status}`}>{STATUS_LABELS[row.status]}</span></td>
                  <td>{when(row.theirsUpdatedAt)}</td>
                  <td>{when(row.mineUpdatedAt)}</td>
                  <td>{row.fieldsChanged.length ? <span title={row.fieldsChanged.join('\n')}>{row.fieldsChanged.length}</span> : '—'}</td>
                  <td>
                    {CHOICES[row.status].length === 0 ? 'Nothing to do' : (
                      <>
                        <label htmlFor={`bundle-choice-${row.id}`} className="visually-hidden">Action for {row.name}</label>
                        <select id={`bundle-choice-${row.id}`} value={choice ?? ''} aria-invalid={choice === null}
                          onChange={(e) => setChoices({ ...choices, [row.id]: e.target.value as BundleResolution })}>
                          {choice === null && <option value="">Choose…</option>}
                          {CHOICES[row.status].map((c) => <option key={c} value={c}>{RESOLUTION_LABELS[c]}</option>)}
                        </select>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {undecided.length > 0 && <p className="warning">{undecided.length} conflicting link{undecided.length === 1 ? ' needs' : 's need'} a choice before merging.</p>}
      {status && <p role="status">{status}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => void cancel()} disabled={busy}>Cancel</button>
        <button type="button" className="primary" disabled={busy || undecided.length > 0} onClick={() => void merge()}>Merge (a backup is taken first)</button>
      </div>
    </dialog>
  );
}
