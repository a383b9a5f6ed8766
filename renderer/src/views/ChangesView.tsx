import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { changesSince, type ChangeKind, type LinkChange } from '../../../shared/engine/compareAssessments.ts';
import type { BackupInfo } from '../../../shared/model/backupInfo.ts';
import { call } from '../api.ts';
import { ChangeBadge, CHANGE_LABELS, VerdictChange } from '../components/VerdictChange.tsx';
import { useUi } from '../state/ui.ts';
import { useWorkspace } from '../state/workspace.ts';
import { localTime } from '../lib/localTime.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

const KINDS: ChangeKind[] = ['regressed', 'new', 'remediated', 'changed', 'removed'];
const QUARTER_DAYS = 91;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The quarterly question: since a date or a backup, which links are new, removed, remediated, regressed or changed. */
export function ChangesView() {
  const documents = useWorkspace((s) => s.documents);
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const navigate = useUi((s) => s.navigate);
  const [mode, setMode] = useState<'date' | 'backup'>('date');
  const [date, setDate] = useState(() => isoDay(new Date(Date.now() - QUARTER_DAYS * 86_400_000)));
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [backupId, setBackupId] = useState('');
  const [result, setResult] = useState<{ label: string; rows: LinkChange[] } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void call('backups.list', {}).then(({ backups: list }) => {
      setBackups(list);
      setBackupId((current) => current || (list[0]?.id ?? ''));
    });
  }, []);

  async function compare(event?: FormEvent) {
    event?.preventDefault();
    setStatus('Comparing…');
    try {
      await flushSaves();
      // The end of the chosen day in local time, so everything saved on that day counts as "before".
      const since = mode === 'date' ? { kind: 'date' as const, date: new Date(`${date}T23:59:59.999`).toISOString() } : { kind: 'backup' as const, id: backupId };
      const { baseline } = await call('workspace.changesSince', { since });
      const rows = changesSince(new Map(baseline.map((s) => [s.link.id, s])), useWorkspace.getState().documents);
      const backup = backups.find((b) => b.id === backupId);
      const label = mode === 'date' ? `as it was at the end of ${new Date(`${date}T12:00:00`).toLocaleDateString()}` : `in the backup of ${backup ? `${localTime(backup.createdAt)} (${backup.reason})` : backupId}`;
      setResult({ label, rows });
      setStatus(null);
    } catch (error) {
      setStatus(`Could not compare: ${messageOf(error)}`);
    }
  }

  const counts = useMemo(() => new Map(KINDS.map((k) => [k, result?.rows.filter((r) => r.kind === k).length ?? 0])), [result]);
  return (
    <section aria-labelledby="changes-heading" className="changes">
      <header className="view-header">
        <h1 id="changes-heading">What changed</h1>
        <p className="muted">{documents.length} links now</p>
      </header>
      <form className="filters" onSubmit={(e) => void compare(e)}>
        <fieldset className="changes-since">
          <legend>Compare with</legend>
          <label><input type="radio" name="since" checked={mode === 'date'} onChange={() => setMode('date')} /> the end of a day</label>
          <label htmlFor="since-date" className="visually-hidden">Day</label>
          <input id="since-date" type="date" value={date} max={isoDay(new Date())} required={mode === 'date'} disabled={mode !== 'date'} onChange={(e) => setDate(e.target.value)} />
          <label><input type="radio" name="since" checked={mode === 'backup'} disabled={backups.length === 0} onChange={() => setMode('backup')} /> a backup</label>
          <label htmlFor="since-backup" className="visually-hidden">Backup</label>
          <select id="since-backup" value={backupId} disabled={mode !== 'backup'} onChange={(e) => setBackupId(e.target.value)}>
            {backups.map((b) => <option key={b.id} value={b.id}>{localTime(b.createdAt)} — {b.reason} ({b.linkCount} links)</option>)}
          </select>
        </fieldset>
        <button type="submit">Compare</button>
      </form>
      {status && <p role="status">{status}</p>}
      {result && (
        <>
          <p role="status">Compared with the workspace {result.label}: {KINDS.map((k) => `${counts.get(k)} ${CHANGE_LABELS[k].toLowerCase()}`).join(', ')}.</p>
          {result.rows.length === 0 ? <p className="empty">Nothing changed.</p> : (
            <table className="settings changes-table">
              <caption className="visually-hidden">Links that changed, regressions first</caption>
              <thead><tr><th scope="col">Change</th><th scope="col">Link</th><th scope="col">Verdict then → now</th><th scope="col">Fields changed</th></tr></thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.id} data-change={row.kind}>
                    <td><ChangeBadge kind={row.kind} /></td>
                    <td>{row.kind === 'removed' ? row.name : <button type="button" className="link-button" onClick={() => navigate({ view: 'link', id: row.id })}>{row.name}</button>}</td>
                    <td><VerdictChange before={row.before} after={row.after} /></td>
                    <td>
                      {row.fields.length === 0 ? '—' : (
                        <details>
                          <summary>{row.fields.length} field{row.fields.length === 1 ? '' : 's'}</summary>
                          <ul>{row.fields.map((f) => <li key={f.path}><code>{f.path}</code></li>)}</ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
