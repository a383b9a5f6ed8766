import type { FindingTriage } from '../../engine/triage.ts';
import { SEVERITIES } from '../../model/vocabulary.ts';
import { triageLine } from '../triageText.ts';
import type { ReportLink } from './reportModel.ts';

/** A finding's triage in a report cell: "Open", or the decision in words (an expired one says so). */
export function triageCellText(triage: FindingTriage): string {
  return triageLine(triage) ?? 'Open';
}

/** The CSV columns of triage, after `sources` (docs/reports.md). */
export const TRIAGE_CSV_COLUMNS = ['worst_open_severity', 'triage_status', 'triage_reason', 'triage_owner', 'triage_due', 'triage_expired'] as const;

/**
 * One link's triage as CSV cells: the worst open finding, then per finding (rule id first, entries joined
 * by "; ") the status in force, and where a decision exists its reason, owner, due day and the rules whose
 * decision has expired.
 */
export function triageCsvCells(link: ReportLink): string[] {
  const { findings } = link.verdict;
  const entries = (value: (t: FindingTriage) => string | undefined) =>
    findings.map((f, i) => [f.rule, value(link.triage[i]!)] as const).filter(([, v]) => v).map(([rule, v]) => `${rule}: ${v}`).join('; ');
  const worstOpen = SEVERITIES.find((s) => link.triageCounts.open[s] > 0) ?? '';
  return [
    worstOpen,
    findings.map((f, i) => `${f.rule} ${link.triage[i]!.status}`).join('; '),
    entries((t) => t.decision?.reason),
    entries((t) => t.decision?.owner),
    entries((t) => t.decision?.due),
    findings.filter((_, i) => link.triage[i]!.expired).map((f) => f.rule).join(' '),
  ];
}
