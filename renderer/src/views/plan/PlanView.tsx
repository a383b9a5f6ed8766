import { useMemo, useState } from 'react';
import { planGanttSource } from '../../../../shared/present/planGantt.ts';
import { planHtml, planMarkdown, planTotals } from '../../../../shared/present/planDocument.ts';
import { messageOf } from '../../../../shared/model/messageOf.ts';
import { call } from '../../api.ts';
import { renderMermaid } from '../../lib/mermaidRenderer.ts';
import { GanttChart } from './GanttChart.tsx';
import { OrderProblems } from './OrderProblems.tsx';
import { usePlan } from './usePlan.ts';
import { WaveTable } from './WaveTable.tsx';

/** The migration plan: links grouped into waves by planned window, their progress, the order problems, and the plan's export. */
export function PlanView() {
  const plan = usePlan();
  const [message, setMessage] = useState<string | null>(null);
  const gantt = useMemo(() => planGanttSource(plan), [plan]);
  const dated = plan.waves.filter((w) => w.window !== null);
  const flagged = useMemo(() => new Set(plan.problems.map((p) => p.linkId).filter((id): id is string => id !== undefined)), [plan]);

  async function exportAs(format: 'md' | 'html') {
    setMessage('Exporting…');
    try {
      const at = new Date().toISOString();
      // The HTML page is light whatever the app's theme; Mermaid draws the gantt into it as inline SVG.
      const text = format === 'md' ? planMarkdown(plan, at) : planHtml(plan, at, dated.length ? await renderMermaid(gantt, false) : undefined);
      const result = await call('export.save', { suggestedName: `migration-plan.${format}`, format, text });
      setMessage(result.saved ? `Saved ${result.path}` : 'Export cancelled.');
    } catch (error) {
      setMessage(`Export failed: ${messageOf(error)}`);
    }
  }

  return (
    <section className="plan-view" aria-labelledby="plan-heading">
      <header className="view-header">
        <h1 id="plan-heading">Migration plan</h1>
        <button type="button" onClick={() => void exportAs('md')}>Export Markdown</button>
        <button type="button" onClick={() => void exportAs('html')}>Export HTML</button>
        {message && <p role="status" className="muted">{message}</p>}
      </header>
      <p className="plan-totals">{planTotals(plan)}</p>
      <p className="field-hint">Give a link an owner, a change ticket and a planned window in its Migration plan fields; links with the same window form a wave.</p>
      <OrderProblems problems={plan.problems} />
      <section aria-labelledby="plan-timeline-heading" className="plan-timeline">
        <h2 id="plan-timeline-heading">Timeline</h2>
        {dated.length ? <GanttChart source={gantt} description={`Timeline of ${dated.length} wave${dated.length === 1 ? '' : 's'}: ${dated.map((w) => w.window).join(', ')}`} />
          : <p className="muted">No link has a planned window yet.</p>}
      </section>
      <section aria-labelledby="plan-waves-heading">
        <h2 id="plan-waves-heading">Waves ({plan.waves.length})</h2>
        {plan.waves.length === 0 && <p className="muted">No link needs a migration or has a planned window.</p>}
        {plan.waves.map((wave) => <WaveTable key={wave.window ?? 'unscheduled'} wave={wave} flagged={flagged} />)}
      </section>
    </section>
  );
}
