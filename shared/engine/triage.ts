import type { Link, TriageDecision } from '../model/link.ts';
import { SEVERITIES, type Severity, type TriageStatus } from '../model/vocabulary.ts';

/** Where one finding stands after triage, today. */
export interface FindingTriage {
  /** The status in force: a decision past its `due` day counts as `open` again. */
  status: TriageStatus;
  /** The recorded decision, also when it has expired (so the reason can still be shown). */
  decision: TriageDecision | null;
  /** A decision whose review/expiry day has passed: flagged, and counted as open. */
  expired: boolean;
}

/** The local calendar day of `date` as YYYY-MM-DD: what a `due` day is compared with. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The triage of `rule` on `link` as of `today` (YYYY-MM-DD). The due day itself is still in force. */
export function triageOf(link: Pick<Link, 'triage'>, rule: string, today: string): FindingTriage {
  const decision = link.triage?.[rule] ?? null;
  if (!decision) return { status: 'open', decision: null, expired: false };
  const expired = decision.status !== 'open' && decision.due !== undefined && decision.due < today;
  return { status: expired ? 'open' : decision.status, decision, expired };
}

/**
 * Accepted risks and false positives stop counting as open; a fix that still waits for
 * verification does not (the finding fires until the link is assessed again without it).
 */
export const isSettled = (status: TriageStatus): boolean => status === 'accepted-risk' || status === 'false-positive';

export interface TriageCounts {
  /** Findings still open (including expired decisions and fixes pending verification), by severity. */
  open: Record<Severity, number>;
  acceptedRisk: number;
  falsePositive: number;
  pendingVerification: number;
  expired: number;
  /** The most severe open finding, or null when every finding is settled (or there is none). */
  worstOpen: Severity | null;
}

/** Counts a link's findings by triage, as of `today`. */
export function triageCounts(findings: readonly { rule: string; severity: Severity }[], link: Pick<Link, 'triage'>, today: string): TriageCounts {
  const open = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const counts: TriageCounts = { open, acceptedRisk: 0, falsePositive: 0, pendingVerification: 0, expired: 0, worstOpen: null };
  for (const finding of findings) {
    const triage = triageOf(link, finding.rule, today);
    if (triage.expired) counts.expired++;
    if (triage.status === 'accepted-risk') counts.acceptedRisk++;
    else if (triage.status === 'false-positive') counts.falsePositive++;
    else {
      if (triage.status === 'fixed-pending-verification') counts.pendingVerification++;
      open[finding.severity]++;
    }
  }
  counts.worstOpen = SEVERITIES.find((s) => open[s] > 0) ?? null;
  return counts;
}
