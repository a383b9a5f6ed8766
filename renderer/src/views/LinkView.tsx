import { useState } from 'react';
import { HistoryDialog } from '../components/HistoryDialog.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import { useWorkspace } from '../state/workspace.ts';
import { useUi } from '../state/ui.ts';
import { verdictOf } from '../state/verdicts.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { ChecklistPanel } from './link/ChecklistPanel.tsx';
import { FlowchartPanel } from './link/FlowchartPanel.tsx';
import { LinkEditor } from './link/LinkEditor.tsx';
import { VerdictPanel } from './link/VerdictPanel.tsx';

/** One link: the editor beside its live verdict, the flowchart below. */
export function LinkView({ id }: { id: string }) {
  const document = useWorkspace((s) => s.documents.find((d) => d.link.id === id));
  const save = useWorkspace((s) => s.saves[id]);
  const navigate = useUi((s) => s.navigate);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  if (!document) {
    return (
      <section className="empty">
        <h1>Link not found</h1>
        <p>There is no link "{id}" in this workspace. It may have been deleted.</p>
        <button type="button" onClick={() => navigate({ view: 'inventory' })}>Back to the inventory</button>
      </section>
    );
  }
  const { link } = document;
  const verdict = verdictOf(link);
  return (
    <article className="link-view" aria-labelledby="link-heading">
      <header className="view-header">
        <button type="button" className="back" onClick={() => navigate({ view: 'inventory' })}>← Inventory</button>
        <h1 id="link-heading">{link.name}</h1>
        <span className="muted link-id">{link.id}</span>
        {save?.state === 'error' && <span className="error">Not saved: {save.message}</span>}
        <button type="button" onClick={() => setHistoryOpen(true)}>History (revision {document.revision})</button>
        <button type="button" onClick={() => setReportOpen(true)}>Report…</button>
      </header>
      <HistoryDialog linkId={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {reportOpen && <ReportDialog open ids={[id]} scope="this link" onClose={() => setReportOpen(false)} />}
      <div className="link-columns">
        <LinkEditor link={link} />
        <VerdictPanel verdict={verdict} link={link} />
      </div>
      <ChecklistPanel document={document} checklists={checklistsFor(link, verdict)} />
      <FlowchartPanel verdict={verdict} fileStem={link.id} />
    </article>
  );
}
