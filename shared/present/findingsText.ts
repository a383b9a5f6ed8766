import type { TriageCounts } from '../engine/triage.ts';
import { SEVERITIES } from '../model/vocabulary.ts';

/**
 * A link's findings after triage in a few words, open ones first by severity: "3 high, 1 accepted",
 * "1 medium, 1 expired, 2 false positive" (an expired decision counts as open again and is flagged), or
 * "none" when nothing fired.
 */
export function findingsText(counts: TriageCounts): string {
  const parts = SEVERITIES.filter((s) => counts.open[s] > 0).map((s) => `${counts.open[s]} ${s}`);
  if (counts.expired > 0) parts.push(`${counts.expired} expired`);
  if (counts.acceptedRisk > 0) parts.push(`${counts.acceptedRisk} accepted`);
  if (counts.falsePositive > 0) parts.push(`${counts.falsePositive} false positive`);
  if (counts.pendingVerification > 0) parts.push(`${counts.pendingVerification} awaiting verification`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
