import { useEffect, useState } from 'react';
import { HistoryDialog } from '../components/HistoryDialog.tsx';
import { ReportDialog } from '../components/ReportDialog.tsx';
import { useWorkspace } from '../state/workspace.ts';
import { useUi, type LinkTab } from '../state/ui.ts';
import { verdictOf } from '../state/verdicts.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { ChecklistPanel } from './link/ChecklistPanel.tsx';
import { FlowchartPanel } from './link/FlowchartPanel.tsx';
import { LinkEditor } from './link/LinkEditor.tsx';
import { UnsavedNotice } from './link/UnsavedNotice.tsx';
import { VerdictPanel } from './link/VerdictPanel.tsx';

/** Brings a part of the view into sight and moves the focus to its heading. */
function jumpTo(headingId: string) {
  const heading = document.getElementById(headingId);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/**
 * One link: the editor beside its live verdict, then the flowchart (before the checklists, which can be
 * long), then the checklists. The flowchart is a panel, not a tab, so it redraws in sight of the answers
 * that change it; "Flowchart" in the header (or `#/link/ID/flowchart`) brings it up in one step.
 */
export function LinkView({ id, tab }: { id: string; tab?: LinkTab }) {
  const document = useWorkspace((s) => s.documents.find((d) => d.link.id === id));
  const save = useWorkspace((s) => s.saves[id]);
  const navigate = useUi((s) => s.navigate);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const found = document !== undefined;
  useEffect(() => {
    if (found && tab === 'flowchart') jumpTo('flowchart-heading');
  }, [found, tab, id]);
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
  const checklists = checklistsFor(link, verdict);
  return (
    <article className="link-view" aria-labelledby="link-heading">
      <header className="view-header">
        <button type="button" className="back" onClick={() => navigate({ view: 'inventory' })}>← Inventory</button>
        <h1 id="link-heading">{link.name}</h1>
        <span className="muted link-id">{link.id}</span>
        {save?.state === 'error' && <span className="error">Not saved: {save.message}</span>}
        <nav className="link-jump" aria-label="On this page">
          <button type="button" onClick={() => jumpTo('flowchart-heading')}>Flowchart</button>
          {checklists.length > 0 && <button type="button" onClick={() => jumpTo('checklists-heading')}>Checklists</button>}
        </nav>
        <button type="button" onClick={() => setHistoryOpen(true)}>History (revision {document.revision})</button>
        <button type="button" onClick={() => setReportOpen(true)}>Report…</button>
      </header>
      <HistoryDialog linkId={id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
      {reportOpen && <ReportDialog open ids={[id]} scope="this link" onClose={() => setReportOpen(false)} />}
      <div className="link-columns">
        <LinkEditor link={link} />
        <VerdictPanel verdict={verdict} link={link} notice={<UnsavedNotice linkId={link.id} />} />
      </div>
      <FlowchartPanel verdict={verdict} fileStem={link.id} />
      <ChecklistPanel document={document} checklists={checklists} />
    </article>
  );
}
