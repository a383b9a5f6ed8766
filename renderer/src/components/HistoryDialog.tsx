import { useEffect, useMemo, useState } from 'react';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { summariseVerdict } from '../../../shared/engine/checklist.ts';
import { classifyChange, diffStates } from '../../../shared/engine/compareAssessments.ts';
import type { HistoryEntry } from '../../../shared/model/historyEntry.ts';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useWorkspace } from '../state/workspace.ts';
import { ChangeBadge, VerdictChange } from './VerdictChange.tsx';
import { localTime } from '../lib/localTime.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

// Pasted evidence can be long: show the start; the files keep all of it.
const clip = (text: string | null) => (text === null ? '—' : text.length > 400 ? `${text.slice(0, 400)}…` : text);
const describe = (e: HistoryEntry) => `Revision ${e.revision} — ${localTime(e.savedAt)}${e.milestone ? ` — ${e.milestone}` : e.event ? ` — ${e.event}` : ''}`;

/** The saved states of one link, and the difference between any two: fields and verdict. */
export function HistoryDialog({ linkId, open, onClose }: { linkId: string; open: boolean; onClose(): void }) {
  const ref = useModalDialog(open);
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setEntries(null);
    setError(null);
    void flushSaves()
      .then(() => call('links.history', { id: linkId }))
      .then(({ entries: loaded }) => {
        if (!live) return;
        setEntries(loaded);
        setTo(Math.max(0, loaded.length - 1));
        setFrom(Math.max(0, loaded.length - 2));
      })
      .catch((failure: unknown) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [open, linkId, flushSaves]);

  const comparison = useMemo(() => {
    const a = entries?.[from];
    const b = entries?.[to];
    if (!a || !b) return null;
    const fields = diffStates(a, b);
    const before = summariseVerdict(assessLink(a.link));
    const after = summariseVerdict(assessLink(b.link));
    return { fields, before, after, kind: classifyChange(before, after, fields.length > 0) };
  }, [entries, from, to]);

  const picker = (id: string, label: string, value: number, onChange: (n: number) => void) => (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {entries!.map((e, i) => <option key={e.revision} value={i}>{describe(e)}{i === entries!.length - 1 ? ' (current)' : ''}</option>)}
      </select>
    </div>
  );

  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="history-title" onClose={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <h2 id="history-title">History</h2>
      <p className="field-hint">Every saved change is kept (the newest 50, and every save that closed a migration). Pick two states to compare.</p>
      {error && <p role="alert" className="error">{error}</p>}
      {!entries && !error && <p role="status" className="muted">Reading the history…</p>}
      {entries && (
        <>
          <div className="filters history-pickers">
            {picker('history-from', 'From', from, setFrom)}
            {picker('history-to', 'To', to, setTo)}
          </div>
          {comparison && (
            <div className="history-comparison" aria-live="polite">
              <p><ChangeBadge kind={comparison.kind} /> <VerdictChange before={comparison.before} after={comparison.after} /></p>
              {comparison.fields.length === 0 ? <p className="muted">These two states are the same.</p> : (
                <table className="settings diff">
                  <caption>{comparison.fields.length} field{comparison.fields.length === 1 ? '' : 's'} changed</caption>
                  <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
                  <tbody>
                    {comparison.fields.map((f) => (
                      <tr key={f.path}><th scope="row"><code>{f.path}</code></th><td className="diff-before">{clip(f.before)}</td><td className="diff-after">{clip(f.after)}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </>
      )}
      <div className="dialog-actions"><button type="button" onClick={onClose}>Close</button></div>
    </dialog>
  );
}
