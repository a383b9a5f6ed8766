import type { Verdict } from '../engine/assessLink.ts';
import { SEVERITIES, type Severity } from '../guidance/rules.ts';
import type { Link } from '../model/link.ts';
import { RECOMMENDATION_LABELS } from './labels.ts';
import { csvCell } from './report/reportFormats.ts';

/** Severities a script may fail on with `assess --fail-on`: this one and every worse one count. */
export const FAIL_ON = ['critical', 'high', 'medium', 'low'] as const;
export type FailOn = (typeof FAIL_ON)[number];

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * One line a person or a script log can read: links, how many per recommendation and per worst finding.
 * E.g. `17 links — recommended: 6 OAuth (impersonation), 4 OAuth 2.0, …; worst finding: 5 high, 3 medium, 9 none.`
 */
export function assessSummaryLine(verdicts: readonly Verdict[]): string {
  const count = <T extends string>(values: T[]) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<T, number>())];
  const recommended = count(verdicts.map((v) => v.recommended)).sort((a, b) => b[1] - a[1]).map(([r, n]) => `${n} ${RECOMMENDATION_LABELS[r]}`);
  const worst = count(verdicts.map((v) => v.worstSeverity ?? 'none'))
    .sort((a, b) => (a[0] === 'none' ? 1 : b[0] === 'none' ? -1 : rank(a[0] as Severity) - rank(b[0] as Severity)))
    .map(([s, n]) => `${n} ${s}`);
  return `${verdicts.length} link${verdicts.length === 1 ? '' : 's'} — recommended: ${recommended.join(', ') || 'none'}; worst finding: ${worst.join(', ') || 'none'}.`;
}

/** The links with an open finding at `threshold` or worse (what `--fail-on` fails on). */
export function failingLinks(assessed: ReadonlyArray<{ link: Link; verdict: Verdict }>, threshold: FailOn): string[] {
  return assessed.filter(({ verdict }) => verdict.findings.some((f) => rank(f.severity) <= rank(threshold))).map(({ link }) => link.id);
}

/** Columns of `assess --format csv`: one row per link (formula-safe cells, as in the CSV report). */
export const ASSESS_CSV_COLUMNS = ['id', 'name', 'recommended', 'worst_severity', 'findings', 'rules', 'update_path', 'oauth2', 'checklists'] as const;

/** `assess --format csv`: one row per link, CRLF line ends, cells quoted where needed and formula-safe. */
export function assessCsv(assessed: ReadonlyArray<{ link: Link; verdict: Verdict }>): string {
  const rows = assessed.map(({ link, verdict }) => [
    link.id, link.name, verdict.recommended, verdict.worstSeverity ?? '', verdict.findings.length,
    [...new Set(verdict.findings.map((f) => f.rule))].join(' '), verdict.updatePath ?? '', verdict.oauth2.status, verdict.checklists.join(' '),
  ].map(csvCell).join(','));
  return `${[ASSESS_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
