import { useId, useState } from 'react';
import type { Finding } from '../../../../shared/engine/assessLink.ts';
import { localDay, triageCounts, triageOf, type FindingTriage as Triage } from '../../../../shared/engine/triage.ts';
import { triageDecision, triageableRules, withTriage, type TriageProblem } from '../../../../shared/engine/triageDecision.ts';
import { scrubText } from '../../../../shared/import/scrubText.ts';
import type { Link } from '../../../../shared/model/link.ts';
import { TRIAGE_NEEDS_REASON, TRIAGE_STATUSES, type TriageStatus } from '../../../../shared/model/vocabulary.ts';
import { TRIAGE_LABELS, dayText, triageCountsText, triageDetails } from '../../../../shared/present/triageText.ts';
import { localTime } from '../../lib/localTime.ts';
import { usePreferences } from '../../state/preferences.ts';
import { useWorkspace } from '../../state/workspace.ts';
import './findingTriage.css';

/** Today as the calendar day a decision's due day is compared with (the machine's local day). */
const today = () => localDay(new Date());

/** "3 high, 1 accepted": the verdict's findings counted by triage, for the Findings heading. */
export function FindingsTriageSummary({ link, findings }: { link: Link; findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return <span className="triage-summary" data-testid="triage-summary">: {triageCountsText(triageCounts(findings, link, today()))}</span>;
}

/** One finding's triage: the decision in force (an expired one flagged), and a form to record another. */
export function FindingTriage({ link, finding }: { link: Link; finding: Finding }) {
  // Kept here, not in the form: the form starts afresh once the decision it saved is in place.
  const [note, setNote] = useState<string | null>(null);
  if (!triageableRules([finding]).length) return null;
  const triage = triageOf(link, finding.rule, today());
  // A new decision (saved here, undone, or changed elsewhere) starts the form afresh.
  return (
    <div className="triage" data-triage-status={triage.status} data-expired={triage.expired || undefined}>
      <DecisionText triage={triage} />
      <TriageForm key={JSON.stringify(triage.decision)} link={link} rule={finding.rule} triage={triage} onNote={setNote} />
      {note && <p role="status" className="field-hint">{note}</p>}
    </div>
  );
}

function DecisionText({ triage }: { triage: Triage }) {
  const { decision } = triage;
  // An expired decision's day is said once, in the flag below, not also in the sentence.
  const details = decision && triageDetails(triage.expired ? { ...triage, expired: false, decision: { ...decision, due: undefined } } : triage);
  if (details === null || !decision) return null;
  // The label is the badge; the sentence reads on from it ("Accepted risk until 31 Mar 2027 — reason — owner").
  return (
    <>
      <p className="triage-decision" data-testid="triage-decision">
        <span className={`badge triage-badge triage-${decision.status}`}>{TRIAGE_LABELS[decision.status]}</span>
        {' '}{details.replace(/^ — /, '— ').trim()}
      </p>
      {triage.expired && decision.due && (
        <p className="triage-expired" role="note">
          <strong>Expired:</strong> {decision.status === 'accepted-risk' ? 'acceptance' : 'decision'} expired on {dayText(decision.due)}, counts as open again. Review it and record a new decision.
        </p>
      )}
      {decision.at && <p className="field-hint">Recorded {localTime(decision.at)}{decision.by ? ` by ${decision.by}` : ''}.</p>}
    </>
  );
}

function TriageForm({ link, rule, triage, onNote }: { link: Link; rule: string; triage: Triage; onNote(note: string | null): void }) {
  const id = useId();
  const updateLink = useWorkspace((s) => s.updateLink);
  const operator = usePreferences((s) => s.operatorName);
  const decision = triage.decision;
  const [status, setStatus] = useState<TriageStatus>(decision?.status ?? 'open');
  const [reason, setReason] = useState(decision?.reason ?? '');
  const [owner, setOwner] = useState(decision?.owner ?? '');
  const [due, setDue] = useState(decision?.due ?? '');
  const [problems, setProblems] = useState<TriageProblem[]>([]);
  const problem = (field: TriageProblem['field']) => problems.find((p) => p.field === field)?.message;
  const needsReason = TRIAGE_NEEDS_REASON.includes(status);

  function save() {
    // Text typed here lands in the workspace, reports and bundles: a pasted token becomes a marker first.
    const clean = (text: string) => scrubText(text);
    const scrubbedReason = clean(reason);
    const scrubbedOwner = clean(owner);
    const checked = triageDecision({ status, reason: scrubbedReason.text, owner: scrubbedOwner.text, due }, { at: new Date().toISOString(), by: operator });
    if (!checked.ok) {
      setProblems(checked.problems);
      onNote(null);
      return;
    }
    setProblems([]);
    const removed = scrubbedReason.removed.length + scrubbedOwner.removed.length;
    onNote(removed ? `${removed} secret${removed === 1 ? ' was' : 's were'} removed from the text before saving.` : null);
    if (!checked.decision && !decision) return;
    updateLink(withTriage(link, rule, checked.decision), { label: `Triage ${rule}: ${checked.decision ? TRIAGE_LABELS[checked.decision.status].toLowerCase() : 'open'}` });
  }

  return (
    <details className="triage-edit" open={problems.length > 0 || undefined}>
      <summary>{decision ? `Change triage of ${rule}` : `Triage ${rule}`}</summary>
      <div className="triage-form" role="group" aria-label={`Triage of ${rule}`}>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(e) => { setStatus(e.target.value as TriageStatus); setProblems([]); }}>
            {TRIAGE_STATUSES.map((s) => <option key={s} value={s}>{TRIAGE_LABELS[s]}</option>)}
          </select>
        </div>
        <div className="field triage-reason">
          <label htmlFor={`${id}-reason`}>Reason{needsReason ? ' (required)' : ' (optional)'}</label>
          <textarea id={`${id}-reason`} rows={2} maxLength={2000} value={reason} aria-required={needsReason || undefined}
            aria-invalid={problem('reason') ? true : undefined} aria-describedby={problem('reason') ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)} />
          {problem('reason') && <p id={`${id}-reason-error`} className="field-error" role="alert">{problem('reason')} Nothing was saved.</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner (optional)</label>
          <input id={`${id}-owner`} maxLength={100} value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Review or expiry date (optional)</label>
          <input id={`${id}-due`} type="date" value={due} aria-invalid={problem('due') ? true : undefined}
            aria-describedby={problem('due') ? `${id}-due-error` : `${id}-due-hint`} onChange={(e) => setDue(e.target.value)} />
          {problem('due')
            ? <p id={`${id}-due-error`} className="field-error" role="alert">{problem('due')} Nothing was saved.</p>
            : <p id={`${id}-due-hint`} className="field-hint">After this day the finding counts as open again.</p>}
        </div>
        {problem('status') && <p className="field-error" role="alert">{problem('status')}</p>}
        {problem('owner') && <p className="field-error" role="alert">{problem('owner')}</p>}
        <div className="triage-actions">
          <button type="button" className="primary" onClick={save}>Save decision</button>
        </div>
      </div>
    </details>
  );
}
