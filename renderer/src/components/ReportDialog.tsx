import { useEffect, useId, useState } from 'react';
import type { BackupInfo } from '../../../shared/model/backupInfo.ts';
import type { ReportFormat } from '../../../shared/model/vocabulary.ts';
import { call } from '../api.ts';
import { useModalDialog } from '../lib/useModalDialog.ts';
import { useWorkspace } from '../state/workspace.ts';
import { localTime } from '../lib/localTime.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';
import { REPORT_SECTIONS } from '../../../shared/model/vocabulary.ts';
import { ReportContentChoice, type ReportContent } from './ReportContentChoice.tsx';
import { newReportJob, useReportProgress } from './useReportProgress.ts';

type Format = ReportFormat;
// Every format of REPORT_FORMATS needs its words here: a format without them is a type error.
const FORMAT_LABELS: Record<Format, string> = {
  pdf: 'PDF — for a change board or an auditor', html: 'HTML — one self-contained file', md: 'Markdown — for a ticket',
  csv: 'CSV — one row per link, for a spreadsheet', json: 'JSON — for other tools',
};
const FORMATS = Object.entries(FORMAT_LABELS) as Array<[Format, string]>;

/** Builds a report of the chosen links (or the whole workspace) and saves it through the save dialog. */
export function ReportDialog({ open, ids, scope, onClose }: { open: boolean; ids: string[] | null; scope: string; onClose(): void }) {
  const ref = useModalDialog(open);
  const id = useId();
  const workspacePath = useWorkspace((s) => s.workspacePath);
  const flushSaves = useWorkspace((s) => s.flushSaves);
  const folder = workspacePath.split(/[\\/]/).filter(Boolean).at(-1) ?? 'workspace';
  const [format, setFormat] = useState<Format>('pdf');
  const [title, setTitle] = useState('');
  const [classification, setClassification] = useState('');
  const [includeChecklists, setIncludeChecklists] = useState(true);
  const [includeHistory, setIncludeHistory] = useState(true);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [since, setSince] = useState('');
  useEffect(() => {
    if (open) void call('backups.list', {}).then(({ backups: list }) => setBackups(list)).catch(() => setBackups([]));
  }, [open]);
  const [paper, setPaper] = useState<'A4' | 'Letter'>('A4');
  const [bom, setBom] = useState(false);
  const [sign, setSign] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [content, setContent] = useState<ReportContent>({ summary: false, sections: [...REPORT_SECTIONS] });
  const [job, setJob] = useState<string | null>(null);
  const progress = useReportProgress(job);

  async function save() {
    setBusy(true);
    setStatus(`Building the report of ${scope}…`);
    const thisJob = newReportJob();
    setJob(thisJob);
    try {
      await flushSaves();
      const summary = content.summary && format !== 'csv';
      const result = await call('reports.export', {
        ...(ids ? { ids } : {}), format, title: title.trim() || `Application links — ${folder}`, classification: classification.trim() || null, includeChecklists, includeHistory,
        changesSinceBackup: since || null, paper, bom, sign, job: thisJob, ...(summary ? { summary } : { sections: content.sections }),
      });
      setStatus(result.cancelled ? 'Cancelled; nothing was saved.' : result.saved ? `Saved the report of ${result.links} links (${Math.round(result.bytes / 1024)} KB) to ${result.path}. Its SHA-256${sign ? ' and signature are' : ' is'} inside; check with applink-advisor verify-report.` : 'Not saved.');
    } catch (error) {
      setStatus(`The report could not be made: ${messageOf(error)}`);
    } finally {
      setBusy(false);
      setJob(null);
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={(e) => { if (e.target === e.currentTarget) { setStatus(null); onClose(); } }}>
      <h2 id={`${id}-title`}>Report of {scope}</h2>
      <fieldset className="report-formats">
        <legend>Format</legend>
        {FORMATS.map(([value, label]) => (
          <label key={value}><input type="radio" name={`${id}-format`} value={value} checked={format === value} onChange={() => setFormat(value)} /> {label}</label>
        ))}
      </fieldset>
      <ReportContentChoice id={id} format={format} value={content} onChange={setContent} />
      <div className="filter">
        <label htmlFor={`${id}-name`}>Title</label>
        <input id={`${id}-name`} value={title} maxLength={200} placeholder={`Application links — ${folder}`} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-marking`}>Classification marking (optional, on every page)</label>
        <input id={`${id}-marking`} value={classification} maxLength={100} placeholder="e.g. INTERNAL — Restricted" onChange={(e) => setClassification(e.target.value)} />
      </div>
      <label><input type="checkbox" checked={includeChecklists} onChange={(e) => setIncludeChecklists(e.target.checked)} /> Include checklist items, notes and evidence</label>
      <label><input type="checkbox" checked={includeHistory} onChange={(e) => setIncludeHistory(e.target.checked)} /> Include each link's recent history</label>
      <div className="filter">
        <label htmlFor={`${id}-since`}>What changed since</label>
        <select id={`${id}-since`} value={since} onChange={(e) => setSince(e.target.value)}>
          <option value="">(leave out)</option>
          {backups.map((b) => <option key={b.id} value={b.id}>the backup of {localTime(b.createdAt)} — {b.reason}</option>)}
        </select>
      </div>
      {format === 'pdf' && (
        <div className="filter">
          <label htmlFor={`${id}-paper`}>Paper</label>
          <select id={`${id}-paper`} value={paper} onChange={(e) => setPaper(e.target.value as 'A4' | 'Letter')}><option>A4</option><option>Letter</option></select>
        </div>
      )}
      <label><input type="checkbox" checked={sign} onChange={(e) => setSign(e.target.checked)} /> Sign with my Ed25519 private key (chosen next; never stored)</label>
      {format === 'csv' && <label><input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Byte-order mark (for Excel)</label>}
      {status && <p role="status">{status}</p>}
      {busy && (
        <div className="report-progress">
          <progress max={progress?.steps ?? 1} value={progress?.step ?? 0} aria-label="Report progress" />
          <span>{progress?.message ?? 'Starting…'}</span>
          <button type="button" disabled={!job} onClick={() => { if (job) void call('reports.cancel', { job }); }}>Cancel report</button>
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Close</button>
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>Save report…</button>
      </div>
    </dialog>
  );
}
