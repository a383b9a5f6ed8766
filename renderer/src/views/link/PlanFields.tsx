import { useId } from 'react';
import type { Link, LinkPlan } from '../../../../shared/model/link.ts';
import { ValidatedInput } from '../../components/ValidatedInput.tsx';

/** Only what is filled in; no plan at all when nothing is. */
function tidy(plan: LinkPlan): LinkPlan | undefined {
  const entries = Object.entries(plan).filter(([, value]) => value !== undefined && value !== '');
  return entries.length ? (Object.fromEntries(entries) as LinkPlan) : undefined;
}

const atMost100 = (text: string) => (text.length > 100 ? 'At most 100 characters.' : null);

/** Who migrates the link, under which change ticket, in which window: what the Plan view groups into waves. */
export function PlanFields({ link, onChange }: { link: Link; onChange(plan: LinkPlan | undefined): void }) {
  const id = useId();
  const plan = link.plan ?? {};
  return (
    <fieldset className="plan-fields">
      <legend>Migration plan</legend>
      <div className="plan-grid">
        <ValidatedInput draftKey={`${link.id}:plan.owner`} label="Owner" fieldName="Plan owner" value={plan.owner} placeholder="e.g. J. Smith"
          validate={atMost100} onCommit={(owner) => onChange(tidy({ ...plan, owner }))} />
        <ValidatedInput draftKey={`${link.id}:plan.ticket`} label="Change ticket" fieldName="Change ticket" value={plan.ticket} placeholder="e.g. CHG-1234"
          validate={atMost100} onCommit={(ticket) => onChange(tidy({ ...plan, ticket }))} />
        <div className="field">
          <label htmlFor={`${id}-window`}>Planned window</label>
          <input id={`${id}-window`} type="date" value={plan.window ?? ''} data-empty={plan.window ? undefined : 'true'} aria-describedby={`${id}-window-hint`}
            onChange={(e) => onChange(tidy({ ...plan, window: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : undefined }))} />
        </div>
      </div>
      <p id={`${id}-window-hint`} className="field-hint">Links with the same window form one wave in the Plan view.</p>
    </fieldset>
  );
}
