import type { FindingTriage, TriageCounts } from '../engine/triage.ts';
import { SEVERITIES, type TriageStatus } from '../model/vocabulary.ts';

/** Each triage status as people read it. */
export const TRIAGE_LABELS: Record<TriageStatus, string> = {
  open: 'Open',
  'accepted-risk': 'Accepted risk',
  'false-positive': 'False positive',
  'fixed-pending-verification': 'Fixed, pending verification',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A YYYY-MM-DD day as "31 Mar 2027": the same on every machine, unlike toLocaleDateString. */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * One finding's decision in a line: "Accepted risk until 31 Mar 2027 — reason — owner"; an expired one
 * says so ("acceptance expired on …, counts as open again"). Null when no decision is recorded.
 */
export function triageLine(triage: FindingTriage): string | null {
  const details = triageDetails(triage);
  return triage.decision && details !== null ? `${TRIAGE_LABELS[triage.decision.status]}${details}` : null;
}

/** What `triageLine` says after the status's label (" until 31 Mar 2027 — reason — owner: …"): for a view that shows the label as a badge. */
export function triageDetails(triage: FindingTriage): string | null {
  const { decision } = triage;
  if (!decision) return null;
  const due = decision.due
    ? triage.expired
      ? ` — ${decision.status === 'accepted-risk' ? 'acceptance' : 'decision'} expired on ${dayText(decision.due)}, counts as open again`
      : ` ${decision.status === 'accepted-risk' ? 'until' : 'review by'} ${dayText(decision.due)}`
    : '';
  return `${due}${[decision.reason, decision.owner && `owner: ${decision.owner}`].filter(Boolean).map((part) => ` — ${part}`).join('')}`;
}

/** A verdict's findings in a few words: "3 high, 1 medium, 1 accepted, 1 expired" ("none open" when all are settled). */
export function triageCountsText(counts: TriageCounts): string {
  const open = SEVERITIES.filter((s) => counts.open[s] > 0).map((s) => `${counts.open[s]} ${s}`);
  const settled = [
    counts.acceptedRisk && `${counts.acceptedRisk} accepted`,
    counts.falsePositive && `${counts.falsePositive} false positive${counts.falsePositive === 1 ? '' : 's'}`,
    counts.pendingVerification && `${counts.pendingVerification} pending verification`,
    counts.expired && `${counts.expired} expired`,
  ].filter((part): part is string => Boolean(part));
  if (open.length === 0 && settled.length === 0) return 'none';
  return [...(open.length ? open : ['none open']), ...settled].join(', ');
}
