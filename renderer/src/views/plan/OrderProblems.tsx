import { useState } from 'react';
import type { OrderProblem } from '../../../../shared/engine/orderProblems.ts';
import { useUi } from '../../state/ui.ts';

/** Problems listed before "Show all". */
const FIRST_PROBLEMS = 100;

/** The order problems of the plan, each with its check id and the sources behind it; link names open the link. */
export function OrderProblems({ problems }: { problems: readonly OrderProblem[] }) {
  const navigate = useUi((s) => s.navigate);
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, FIRST_PROBLEMS);
  return (
    <section className="plan-problems" aria-labelledby="plan-problems-heading">
      <h2 id="plan-problems-heading">Order problems ({problems.length})</h2>
      {problems.length === 0 ? <p className="muted">None found: no scheduled link waits for an upgrade, a fix or an answer, and every wave has an owner.</p> : (
        <ul className="problem-list">
          {shown.map((p, i) => (
            <li key={`${p.rule}-${p.linkId ?? p.window}-${i}`} className="problem" data-rule={p.rule} data-link-id={p.linkId}>
              <div className="finding-head">
                <span className="rule-id">{p.rule}</span>
                {p.linkId !== undefined
                  ? <button type="button" className="link-button" onClick={() => navigate({ view: 'link', id: p.linkId! })}>{p.linkName}</button>
                  : <strong>Wave {p.window}</strong>}
                {p.linkId !== undefined && <span className="muted">{p.window === null ? 'unscheduled' : `wave ${p.window}`}</span>}
              </div>
              <p>{p.message}</p>
              <p className="field-hint">{p.title}.{p.sources.length > 0 && <> Sources: <span className="source-id">{p.sources.join(', ')}</span></>}</p>
            </li>
          ))}
        </ul>
      )}
      {shown.length < problems.length && <button type="button" className="show-all" onClick={() => setAll(true)}>Show all {problems.length} order problems</button>}
    </section>
  );
}
