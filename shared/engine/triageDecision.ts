import type { Finding } from './assessLink.ts';
import type { Link, TriageDecision } from '../model/link.ts';
import { DAY_PATTERN, RULE_ID_PATTERN, TRIAGE_NEEDS_REASON, TRIAGE_STATUSES, type TriageStatus } from '../model/vocabulary.ts';

/** What a reviewer asks for on one finding, as typed (the CLI's flags, the verdict's form). */
export interface TriageRequest {
  status: string;
  reason?: string;
  owner?: string;
  due?: string;
}

/** One thing wrong with a request, in plain words, with the field it is about. */
export interface TriageProblem {
  field: 'status' | 'reason' | 'owner' | 'due';
  message: string;
}

// The limits of triageDecisionSchema (shared/model/link.ts), said before the schema would refuse them.
const MAX_REASON = 2000;
const MAX_OWNER = 100;

/** True for a day that exists on the calendar (2027-02-30 does not), written YYYY-MM-DD. */
export function isCalendarDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The rules of a verdict a decision can be recorded for: those that fire, with a rule id (not MISSING_ANSWER). */
export function triageableRules(findings: readonly Pick<Finding, 'rule'>[]): string[] {
  return [...new Set(findings.map((f) => f.rule).filter((rule) => RULE_ID_PATTERN.test(rule)))];
}

/**
 * Checks a request and builds the decision to store: null for `open` (no decision is kept), the
 * problems otherwise. `stamp` records when and by whom (the operator name, when one is set).
 */
export function triageDecision(request: TriageRequest, stamp: { at: string; by?: string | null }):
  { ok: true; decision: TriageDecision | null } | { ok: false; problems: TriageProblem[] } {
  const problems: TriageProblem[] = [];
  const status = (TRIAGE_STATUSES as readonly string[]).includes(request.status) ? (request.status as TriageStatus) : null;
  if (!status) problems.push({ field: 'status', message: `The status must be one of ${TRIAGE_STATUSES.join(', ')}, not "${request.status}".` });
  const reason = request.reason?.trim() || undefined;
  const owner = request.owner?.trim() || undefined;
  const due = request.due?.trim() || undefined;
  if (status && TRIAGE_NEEDS_REASON.includes(status) && !reason) {
    problems.push({ field: 'reason', message: `Give a reason: ${status === 'accepted-risk' ? 'an accepted risk' : 'a false positive'} must say why, so a reviewer can check it later.` });
  }
  if (reason && reason.length > MAX_REASON) problems.push({ field: 'reason', message: `The reason is ${reason.length} characters long; at most ${MAX_REASON} are kept.` });
  if (owner && owner.length > MAX_OWNER) problems.push({ field: 'owner', message: `The owner is ${owner.length} characters long; at most ${MAX_OWNER} are kept.` });
  if (due && !isCalendarDay(due)) problems.push({ field: 'due', message: `The review date must be a real day written YYYY-MM-DD (for example 2027-03-31), not "${due}".` });
  if (problems.length || !status) return { ok: false, problems };
  if (status === 'open') return { ok: true, decision: null };
  const by = stamp.by?.trim() || undefined;
  return { ok: true, decision: { status, ...(reason ? { reason } : {}), ...(owner ? { owner } : {}), ...(due ? { due } : {}), at: stamp.at, ...(by ? { by: by.slice(0, 100) } : {}) } };
}

/** The link with `rule`'s decision replaced (or removed, for null); an empty triage is left out. */
export function withTriage<L extends Pick<Link, 'triage'>>(link: L, rule: string, decision: TriageDecision | null): L {
  const rest = Object.fromEntries(Object.entries(link.triage ?? {}).filter(([key]) => key !== rule));
  const triage = decision ? { ...rest, [rule]: decision } : rest;
  if (Object.keys(triage).length > 0) return { ...link, triage };
  const next: Pick<Link, 'triage'> = { ...link };
  delete next.triage;
  return next as L;
}
