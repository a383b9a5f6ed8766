import { useMemo, useState } from 'react';
import { productShortName } from '../../../shared/engine/oauth2Readiness.ts';
import type { ImportPreview } from '../../../shared/model/importPreview.ts';
import type { Answers } from '../../../shared/model/link.ts';
import { ANSWER_KEYS, type AnswerKey } from '../../../shared/model/vocabulary.ts';
import { ANSWER_QUESTIONS, RECOMMENDATION_LABELS, TOKEN_SHORT } from '../../../shared/present/labels.ts';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { verdictOf } from '../state/verdicts.ts';
import { useWorkspace } from '../state/workspace.ts';
import { SeverityBadge } from './Badges.tsx';
import { PlaceFiles } from './PlaceFiles.tsx';
import { missingAnswer } from '../../../shared/present/importPreviewText.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

const ACTION_LABELS = { create: 'New', update: 'Update', unchanged: 'Unchanged' } as const;

/** An import preview: what each file was, secrets removed, problems, and each link to create or update. */
export function ImportDialog({ opened, onClose }: { opened: { token: string; preview: ImportPreview } | null; onClose(message: string | null): void }) {
  const ref = useModalDialog(opened !== null);
  const reopen = useWorkspace((s) => s.open);
  const [skip, setSkip] = useState<ReadonlySet<string>>(new Set());
  const [answers, setAnswers] = useState<Partial<Record<keyof Answers, boolean>>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The preview again after the user placed files the import could not (import.attribute).
  const [replaced, setReplaced] = useState<ImportPreview | null>(null);
  const rows = (replaced ?? opened?.preview)?.rows;
  const verdicts = useMemo(() => new Map((rows ?? []).map((r) => [r.link.id, verdictOf(r.link)])), [rows]);
  if (!opened) return <dialog ref={ref} className="dialog" aria-label="Import" />;
  const { token } = opened;
  const preview = replaced ?? opened.preview;
  const secrets = preview.files.filter((f) => f.secretsRemoved.length > 0);
  const chosen = preview.rows.filter((r) => !skip.has(r.link.id));
  const toWrite = chosen.filter((r) => r.action !== 'unchanged').length;
  const unplaced = preview.unattributed.length;
  const blocked = preview.problems.length > 0 || unplaced > 0;

  function close(message: string | null) {
    setSkip(new Set());
    setAnswers({});
    setStatus(null);
    setReplaced(null);
    onClose(message);
  }

  async function cancel() {
    await call('import.discard', { token }).catch(() => undefined);
    close('Import cancelled; the workspace is unchanged.');
  }

  async function commit() {
    setBusy(true);
    setStatus(`Importing ${chosen.length} links…`);
    try {
      const result = await call('import.commit', { token, answers, skip: [...skip] });
      await reopen({ quiet: true });
      close(`Imported: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged${result.skipped ? `, ${result.skipped} left out` : ''}.${result.backupId ? ' The workspace before was backed up.' : ''}`);
    } catch (error) {
      setStatus(`Not imported: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  async function place(attach: Record<string, string>, skipFiles: string[]) {
    setBusy(true);
    setStatus('Reading the files again with your choices…');
    try {
      const next = await call('import.attribute', { token, attach, skip: skipFiles });
      setReplaced(next.preview);
      setStatus(next.preview.unattributed.length ? `${next.preview.unattributed.length} file${next.preview.unattributed.length === 1 ? '' : 's'} still to place.` : 'Every file is placed.');
    } catch (error) {
      setStatus(`Not applied: ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (id: string) => {
    const next = new Set(skip);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSkip(next);
  };

  return (
    <dialog ref={ref} className="dialog dialog-wide import-dialog" aria-labelledby="import-title" onCancel={(e) => { e.preventDefault(); void cancel(); }}>
      <h2 id="import-title">Import {preview.files.length} file{preview.files.length === 1 ? '' : 's'}</h2>
      <details className="import-files-list" open={preview.files.length <= 4}>
        <summary>{preview.files.length} file{preview.files.length === 1 ? '' : 's'} read, {preview.rows.length} link{preview.rows.length === 1 ? '' : 's'} found</summary>
        <ul className="import-files">
          {preview.files.map((f) => (
            <li key={f.file}><code>{f.file}</code> — {f.kind}{f.links ? `, ${f.links} link${f.links === 1 ? '' : 's'}` : ''}{f.attributedTo ? `, about ${f.attributedTo.name ?? f.attributedTo.id} (by ${f.attributedTo.by})` : ''} <span className="muted">(server: {f.group || '—'})</span></li>
          ))}
        </ul>
      </details>
      {secrets.length > 0 && (
        <div role="status" className="notice">
          {secrets.map((f) => (
            <p key={f.file}>{f.secretsRemoved.length} secret{f.secretsRemoved.length === 1 ? '' : 's'} removed from {f.file} ({f.secretsRemoved.map((s) => s.path).join(', ')}); nothing of {f.secretsRemoved.length === 1 ? 'it' : 'them'} is kept.</p>
          ))}
        </div>
      )}
      {preview.problems.length > 0 && (
        <div role="alert" className="warning">
          <strong>Nothing can be imported until these are fixed</strong> (correct or leave out the files and import again):
          <ul>{preview.problems.map((p, i) => <li key={i}><code>{p.file}</code>: {p.path}: {p.message}</li>)}</ul>
        </div>
      )}
      {unplaced > 0 && <PlaceFiles key={preview.unattributed.map((u) => u.file).join('\n')} preview={preview} busy={busy} onApply={(attach, skipFiles) => void place(attach, skipFiles)} />}
      <fieldset className="import-answers">
        <legend>Answers the exports cannot know (for every link that has none yet)</legend>
        {ANSWER_KEYS.map((key: AnswerKey) => (
          <div className="filter" key={key}>
            <label htmlFor={`import-answer-${key}`}>{ANSWER_QUESTIONS[key].question}</label>
            <select id={`import-answer-${key}`} value={answers[key] === undefined ? '' : String(answers[key])}
              onChange={(e) => setAnswers({ ...answers, [key]: e.target.value === '' ? undefined : e.target.value === 'true' })}>
              <option value="">Leave unknown</option>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          </div>
        ))}
      </fieldset>
      <div className="bundle-rows">
        <table className="settings import-rows">
          <caption className="visually-hidden">Links the import creates or updates</caption>
          <thead><tr><th scope="col">Import</th><th scope="col">Action</th><th scope="col">Link</th><th scope="col">Ends</th><th scope="col">Outgoing auth (local)</th><th scope="col">Recommended</th><th scope="col">Worst</th><th scope="col">Notes</th></tr></thead>
          <tbody>
            {preview.rows.map((row) => {
              const verdict = verdicts.get(row.link.id)!;
              return (
                <tr key={row.link.id} data-action={row.action}>
                  <td><input type="checkbox" aria-label={`Import ${row.link.name}`} checked={!skip.has(row.link.id)} onChange={() => toggle(row.link.id)} /></td>
                  <td>{ACTION_LABELS[row.action]}{row.action === 'update' ? ` (${row.fieldsChanged.length} field${row.fieldsChanged.length === 1 ? '' : 's'})` : ''}</td>
                  <th scope="row">{row.link.name}</th>
                  <td>{productShortName(row.link.local.product)} → {productShortName(row.link.remote.product)}{row.bothEnds ? ' (both ends)' : ''}</td>
                  <td>{row.link.config.local.outgoing.map((t) => TOKEN_SHORT[t]).join(' + ') || 'none'}</td>
                  <td>{RECOMMENDATION_LABELS[verdict.recommended]}{missingAnswer(verdict) ? <span className="muted"> — needs: {missingAnswer(verdict)!.question}</span> : null}</td>
                  <td><SeverityBadge severity={verdict.worstSeverity} /></td>
                  <td>{row.warnings.length ? <ul className="import-warnings">{row.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {status && <p role="status">{status}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => void cancel()} disabled={busy}>Cancel</button>
        <button type="button" className="primary" disabled={busy || blocked || chosen.length === 0} onClick={() => void commit()} aria-describedby={unplaced ? 'import-place-title' : undefined}>
          {unplaced ? `Place or leave out ${unplaced} file${unplaced === 1 ? '' : 's'} first` : `Import ${toWrite} link${toWrite === 1 ? '' : 's'} (a backup is taken first)`}
        </button>
      </div>
    </dialog>
  );
}
