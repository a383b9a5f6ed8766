import type { Verdict } from '../engine/assessLink.ts';
import { isSettled, triageCounts, triageOf } from '../engine/triage.ts';
import { SEVERITIES, type Severity } from '../guidance/rules.ts';
import type { Link } from '../model/link.ts';
import { RECOMMENDATION_LABELS } from './labels.ts';
import { csvCell } from './report/reportFormats.ts';

/** Severities a script may fail on with `assess --fail-on`: this one and every worse one count. */
export const FAIL_ON = ['critical', 'high', 'medium', 'low'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * One line a person or a script log can read: links, how many per recommendation and per worst open
 * finding (accepted risks and false positives in force are left out; an expired decision counts again).
 * E.g. `17 links — recommended: 6 OAuth (impersonation), 4 OAuth 2.0, …; worst finding: 5 high, 3 medium, 9 none; triage: 2 accepted, 1 expired.`
 */
export function assessSummaryLine(assessed: ReadonlyArray<{ link: Link; verdict: Verdict }>, today: string): string {
  const count = <T extends string>(values: T[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>())];
  const recommended = count(assessed.map((a) => a.verdict.recommended)).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${RECOMMENDATION_LABELS[r]}`);
  const counts = assessed.map(({ link, verdict }) => triageCounts(verdict.findings, link, today));
  const worst = count(counts.map((c) => c.worstOpen ?? 'none'))
    .sort((a, b) => (a[0] === 'none' ? 1 : b[0] === 'none' ? -1 : rank(a[0] as Severity) - rank(b[0] as Severity)))
    .map(([s, n]) => `${n} ${s}`);
  const total = (key: 'acceptedRisk' | 'falsePositive' | 'expired') => counts.reduce((sum, c) => sum + c[key], 0);
  const triage = [[total('acceptedRisk'), 'accepted'], [total('falsePositive'), 'false positive'], [total('expired'), 'expired']]
    .filter(([n]) => n).map(([n, label]) => `${n} ${label}`);
  return `${assessed.length} link${assessed.length === 1 ? '' : 's'} — recommended: ${recommended.join(', ') || 'none'}; worst finding: ${worst.join(', ') || 'none'}${triage.length ? `; triage: ${triage.join(', ')}` : ''}.`;
}

/** The links with an open finding at `threshold` or worse (what `--fail-on` fails on): settled findings do not count, expired ones do. */
export function failingLinks(assessed: ReadonlyArray<{ link: Link; verdict: Verdict }>, threshold: FailOn, today: string): string[] {
  return assessed
    .filter(({ link, verdict }) => verdict.findings.some((f) => rank(f.severity) <= rank(threshold) && !isSettled(triageOf(link, f.rule, today).status)))
    .map(({ link }) => link.id);
}

/** Columns of `assess --format csv`: one row per link (formula-safe cells, as in the CSV report). */
export const ASSESS_CSV_COLUMNS = ['id', 'name', 'recommended', 'worst_severity', 'findings', 'rules', 'update_path', 'oauth2', 'checklists', 'worst_open_severity', 'settled_rules'] as const;

/**
 * `assess --format csv`: one row per link, CRLF line ends, cells quoted where needed and formula-safe.
 * `worst_open_severity` leaves out accepted risks and false positives in force (`settled_rules`) as of `today`.
 */
export function assessCsv(assessed: ReadonlyArray<{ link: Link; verdict: Verdict }>, today: string): string {
  const rows = assessed.map(({ link, verdict }) => [
    link.id, link.name, verdict.recommended, verdict.worstSeverity ?? '', verdict.findings.length,
    [...new Set(verdict.findings.map((f) => f.rule))].join(' '), verdict.updatePath ?? '', verdict.oauth2.status, verdict.checklists.join(' '),
    triageCounts(verdict.findings, link, today).worstOpen ?? '',
    [...new Set(verdict.findings.filter((f) => isSettled(triageOf(link, f.rule, today).status)).map((f) => f.rule))].join(' '),
  ].map(csvCell).join(','));
  return `${[ASSESS_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
