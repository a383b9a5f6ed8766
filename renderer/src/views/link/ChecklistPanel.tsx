import { useId, useState } from 'react';
import { checklistProgress, type ChecklistView } from '../../../../shared/engine/checklist.ts';
import { CHECKLISTS, type ChecklistItem } from '../../../../shared/guidance/checklists.ts';
import { SOURCES } from '../../../../shared/guidance/sources.ts';
import { UPDATE_PATHS, type ChecklistId } from '../../../../shared/guidance/updatePaths.ts';
import { parseStatusEvidence } from '../../../../shared/import/statusEvidence.ts';
import type { AssessmentDocument } from '../../../../shared/model/assessmentDocument.ts';
import type { ChecklistState, ItemState, ItemStatus } from '../../../../shared/model/checklistState.ts';
import { checklistHtml, checklistMarkdown } from '../../../../shared/present/checklistDocument.ts';
import { RECOMMENDATION_LABELS } from '../../../../shared/present/labels.ts';
import { call } from '../../api.ts';
import { usePreferences } from '../../state/preferences.ts';
import { useWorkspace } from '../../state/workspace.ts';
import { localTime } from '../../lib/localTime.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';

const STATUS_LABELS: Record<ItemStatus, string> = { open: 'Open', done: 'Done', 'not-applicable': 'Not applicable', blocked: 'Blocked' };
const SECTION_TITLES = { prerequisites: 'Prerequisites', steps: 'Steps', verification: 'Verification', rollback: 'Rollback (if needed)' } as const;
const END_LABELS = { local: 'Local end', remote: 'Remote end', both: 'Both ends' } as const;

/** The migration checklists that apply to a link, with their saved progress. */
export function ChecklistPanel({ document, checklists }: { document: AssessmentDocument; checklists: ChecklistView[] }) {
  // A recorded migration usually no longer applies to the new configuration; it stays visible as history.
  const recorded = Object.entries(document.checklists ?? {}).filter(([id, state]) => state?.closed && !checklists.some((c) => c.id === id));
  if (checklists.length === 0 && recorded.length === 0) return null;
  return (
    <section className="checklists" aria-labelledby="checklists-heading">
      <h2 id="checklists-heading" tabIndex={-1}>Migration checklists</h2>
      {checklists.map((view) => <Checklist key={view.id} document={document} view={view} />)}
      {recorded.map(([id, state]) => (
        <article key={id} className="checklist" data-checklist={id} aria-label={`${CHECKLISTS[id as ChecklistId].title} (recorded)`}>
          <h3>{CHECKLISTS[id as ChecklistId].title}</h3>
          <ClosedSummary closed={state!.closed!} />
        </article>
      ))}
    </section>
  );
}

function Checklist({ document, view }: { document: AssessmentDocument; view: ChecklistView }) {
  const state = document.checklists?.[view.id];
  const updateChecklist = useWorkspace((s) => s.updateChecklist);
  const closeMigration = useWorkspace((s) => s.closeMigration);
  const operator = usePreferences((s) => s.operatorName);
  const [message, setMessage] = useState<string | null>(null);
  const progress = checklistProgress(view, state);
  const locked = view.locked !== null;

  function setItem(item: ChecklistItem, change: Partial<ItemState>, label: string) {
    const previous = state?.items[item.id] ?? { status: 'open' as const };
    const next: ItemState = { ...previous, ...change };
    if (change.status && change.status !== previous.status) {
      next.at = new Date().toISOString();
      if (operator) next.by = operator;
      else delete next.by;
    }
    const nextState: ChecklistState = { ...state, items: { ...state?.items, [item.id]: next } };
    updateChecklist(document.link.id, view.id, nextState, label);
  }

  async function exportAs(format: 'md' | 'html') {
    const generated = new Date().toISOString();
    const text = format === 'md' ? checklistMarkdown(document.link, view, state, generated) : checklistHtml(document.link, view, state, generated);
    try {
      const result = await call('export.save', { suggestedName: `${document.link.id}-${view.id}.${format}`, format, text });
      setMessage(result.saved ? `Saved ${result.path}` : 'Export cancelled.');
    } catch (error) {
      setMessage(`Export failed: ${messageOf(error)}`);
    }
  }

  async function close() {
    try {
      await closeMigration(document.link.id, view.id);
      setMessage(null);
    } catch (error) {
      setMessage(`Could not record the new configuration: ${messageOf(error)}`);
    }
  }

  return (
    <article className="checklist" aria-labelledby={`checklist-${view.id}`} data-checklist={view.id}>
      <header className="checklist-head">
        <h3 id={`checklist-${view.id}`}>{view.title}</h3>
        <span className="badge primary-badge" data-progress={`${progress.done}/${progress.required}`}>{progress.done} of {progress.required} required done</span>
        <button type="button" onClick={() => void exportAs('md')}>Export Markdown</button>
        <button type="button" onClick={() => void exportAs('html')}>Export HTML</button>
      </header>
      <p>{view.summary}{view.updatePath && <> <strong>Update path {view.updatePath}: {UPDATE_PATHS[view.updatePath].name}.</strong></>}</p>
      {message && <p role="status" className="muted">{message}</p>}
      {view.locked && (
        <div className="locked" role="note">
          <p><strong>Locked.</strong> {view.locked.reason}</p>
          <p className="field-hint">Sources: {view.locked.sources.map((id) => `[${id}] ${SOURCES[id]?.title ?? ''}`).join('; ')}</p>
        </div>
      )}
      {!operator && !locked && <p className="field-hint">Set your operator name (top bar) to record who ticked each item.</p>}
      {view.sections.filter((s) => s.items.length > 0).map(({ section, items }) => (
        <div key={section}>
          <h4>{SECTION_TITLES[section]}</h4>
          <ol className="checklist-items">
            {items.map((item) => <Item key={item.id} item={item} state={state?.items[item.id]} disabled={locked} onChange={(change, label) => setItem(item, change, label)} />)}
          </ol>
        </div>
      ))}
      <Closing view={view} state={state} complete={progress.complete} onClose={() => void close()} />
    </article>
  );
}

function ClosedSummary({ closed }: { closed: NonNullable<ChecklistState['closed']> }) {
  const remaining = closed.after.findings.filter((f) => f.severity !== 'info');
  return (
    <div className={`closing ${remaining.length ? 'closing-warning' : 'closing-done'}`} role="status">
        <p><strong>Migration recorded</strong> on {localTime(closed.at)}{closed.by ? ` by ${closed.by}` : ''}.
          Before: {RECOMMENDATION_LABELS[closed.before.recommended]}, worst finding {closed.before.worstSeverity ?? 'none'}.
          After: worst finding {closed.after.worstSeverity ?? 'none'}.</p>
        {remaining.length > 0
          ? <p>Not finished: the re-assessment still has {remaining.length} finding(s) above info ({remaining.map((f) => f.rule).join(', ')}). See the verdict.</p>
          : <p>The re-assessment has no findings above info.</p>}
      </div>
  );
}

function Closing({ view, state, complete, onClose }: { view: ChecklistView; state: ChecklistState | undefined; complete: boolean; onClose(): void }) {
  if (state?.closed) return <ClosedSummary closed={state.closed} />;
  if (!complete || view.locked) return null;
  return (
    <div className="closing" role="region" aria-label="Close the migration">
      <p>Every required item is done. Record the target configuration as this link's current one? The link is re-assessed and both verdicts are kept.</p>
      <button type="button" className="primary" onClick={onClose}>Record the new configuration</button>
    </div>
  );
}

function Item({ item, state, disabled, onChange }: { item: ChecklistItem; state: ItemState | undefined; disabled: boolean; onChange(change: Partial<ItemState>, label: string): void }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const status = state?.status ?? 'open';
  const evidence = item.evidence && state?.evidence ? parseStatusEvidence(state.evidence) : null;
  const evidenceBad = evidence !== null && (!evidence.ok || !evidence.healthy);

  function changeStatus(next: ItemStatus) {
    if (next === 'done' && evidenceBad && !state?.override?.trim()) {
      setProblem('The pasted evidence does not show a working link. Give a reason in "Override reason" to mark it done anyway.');
      return;
    }
    setProblem(null);
    onChange({ status: next }, `Mark "${item.id}" ${STATUS_LABELS[next].toLowerCase()}`);
  }

  return (
    <li className={`checklist-item status-${status}${item.trap ? ' trap' : ''}`} data-item={item.id}>
      <div className="item-head">
        <label htmlFor={`${id}-status`} className="visually-hidden">Status of {item.id}</label>
        <select id={`${id}-status`} value={status} disabled={disabled} onChange={(e) => changeStatus(e.target.value as ItemStatus)}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <span className="item-text">{item.text}</span>
      </div>
      <div className="item-meta">
        <span>{END_LABELS[item.end]}</span>
        {item.rule && <span className="rule-id">{item.rule}</span>}
        {item.trap && <span className="badge severity-medium">trap</span>}
        {item.optional && <span className="muted">optional</span>}
        <span className="node-id">{item.id}</span>
        <span className="muted">Sources: {item.sources.join(', ')}</span>
        {state?.at && <span className="muted">{STATUS_LABELS[status]} {localTime(state.at)}{state.by ? ` by ${state.by}` : ''}</span>}
      </div>
      {problem && <p role="alert" className="field-error">{problem}</p>}
      {!disabled && (
        <details className="item-details" open={Boolean(state?.note || state?.evidence || problem)}>
          <summary>Note{item.evidence ? ' and evidence' : ''}</summary>
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} rows={2} value={state?.note ?? ''} maxLength={5000}
            onChange={(e) => onChange({ note: e.target.value || undefined }, `Note on "${item.id}"`)} />
          {item.evidence && (
            <>
              <label htmlFor={`${id}-evidence`}>Evidence: paste the JSON of /rest/applinks/3.0/status/{'{id}'}</label>
              <textarea id={`${id}-evidence`} rows={4} className="mono" value={state?.evidence ?? ''} maxLength={200_000}
                onChange={(e) => onChange({ evidence: e.target.value || undefined }, `Evidence on "${item.id}"`)} />
              {evidence && (evidence.ok
                ? <p className={evidence.healthy ? 'evidence-ok' : 'field-error'} role="status">{evidence.summary}</p>
                : <p className="field-error" role="status">Not a status answer: {evidence.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}</p>)}
              {evidenceBad && (
                <>
                  <label htmlFor={`${id}-override`}>Override reason</label>
                  <input id={`${id}-override`} value={state?.override ?? ''} maxLength={2000}
                    onChange={(e) => onChange({ override: e.target.value || undefined }, `Override on "${item.id}"`)} />
                </>
              )}
            </>
          )}
        </details>
      )}
    </li>
  );
}
