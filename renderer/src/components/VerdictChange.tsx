import type { ChangeKind } from '../../../shared/engine/compareAssessments.ts';
import type { VerdictSummary } from '../../../shared/model/checklistState.ts';
import { RECOMMENDATION_LABELS } from '../../../shared/present/labels.ts';
import { SeverityBadge } from './Badges.tsx';

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  new: 'New', removed: 'Removed', remediated: 'Remediated', regressed: 'Regressed', changed: 'Changed', unchanged: 'Unchanged',
};

/** How a link moved, in words and colour. */
export function ChangeBadge({ kind }: { kind: ChangeKind }) {
  return <span className={`badge change-${kind}`}>{CHANGE_LABELS[kind]}</span>;
}

function Summary({ summary }: { summary: VerdictSummary | null }) {
  if (!summary) return <span className="muted">—</span>;
  return <>{RECOMMENDATION_LABELS[summary.recommended]} <SeverityBadge severity={summary.worstSeverity} /></>;
}

/** A verdict before and after: recommendation and worst finding. */
export function VerdictChange({ before, after }: { before: VerdictSummary | null; after: VerdictSummary | null }) {
  return <span className="verdict-change"><Summary summary={before} /> <span aria-label="became">→</span> <Summary summary={after} /></span>;
}
