import { oneLine } from './terminalText.ts';
import type { Finding, Verdict } from '../engine/assessLink.ts';
import { CURRENT_CHART, DOCUMENTED_CHART, type Flowchart } from '../guidance/flowcharts.ts';
import { UPDATE_PATHS } from '../guidance/updatePaths.ts';
import type { Link } from '../model/link.ts';
import { triageOf } from '../engine/triage.ts';
import { triageLine } from './triageText.ts';

/**
 * The documented JSON shape of one assessed link (`assess --format json`, docs/cli.md). With `today`
 * (YYYY-MM-DD), each finding carries its `triage`: the status in force, the decision and whether it expired.
 */
export function verdictToJson(link: Link, verdict: Verdict, today?: string) {
  return {
    id: link.id,
    name: link.name,
    recommended: verdict.recommended,
    sentence: verdict.settings?.sentence ?? null,
    settings: verdict.settings ? { local: verdict.settings.local, remote: verdict.settings.remote } : null,
    path: verdict.path,
    pendingQuestion: verdict.pendingQuestion,
    documentedPath: verdict.documented.path,
    findings: verdict.findings.map((f) => ({
      rule: f.rule, code: f.code, severity: f.severity, primary: f.primary, title: f.title, message: f.message, remedy: f.remedy, sources: f.sources,
      ...(today ? { triage: triageOf(link, f.rule, today) } : {}),
    })),
    worstSeverity: verdict.worstSeverity,
    updatePath: verdict.updatePath,
    oauth2: { status: verdict.oauth2.status, blockers: verdict.oauth2.blockers.map((b) => ({ end: b.end, code: b.code, message: b.message })) },
    checklists: verdict.checklists,
  };
}

/** The path as text: `START → Q_ADMIN (yes) → … → O_IMP`. */
export function pathText(chart: Flowchart, path: readonly string[], steps: Verdict['steps']): string {
  return path
    .map((id) => {
      const step = steps.find((s) => s.node === id);
      const node = chart.nodes.find((n) => n.id === id);
      const pending = node?.kind === 'decision' && !step ? ' (unanswered)' : '';
      return step ? `${id} (${step.answer})` : `${id}${pending}`;
    })
    .join(' → ');
}

// The code is printed only where it adds to the rule id (not "MISSING_ANSWER MISSING_ANSWER").
const findingLine = (f: Finding) =>
  `    [${f.severity}] ${f.rule}${f.code === f.rule ? '' : ` ${f.code}`}${f.primary ? ' (primary)' : ''}: ${f.title}\n      → ${f.remedy}`;

/** A readable block for one link (`assess --format table`); with `today`, each finding's triage decision under it. */
export function verdictToText(link: Link, verdict: Verdict, today?: string): string {
  const triage = (f: Finding) => {
    const line = today ? triageLine(triageOf(link, f.rule, today)) : null;
    return line ? `\n      Triage: ${oneLine(line)}` : '';
  };
  const lines = [
    `${link.id}  ${oneLine(link.name)}`,
    `  Recommended:  ${verdict.recommended}${verdict.settings ? ` — ${verdict.settings.sentence}` : ''}`,
    `  Path:         ${pathText(CURRENT_CHART, verdict.path, verdict.steps)}`,
    `  Documented:   ${pathText(DOCUMENTED_CHART, verdict.documented.path, verdict.documented.steps)}${verdict.documentedDeprecation ? ` — deprecated: ${verdict.documentedDeprecation}` : ''}`,
    `  Update path:  ${verdict.updatePath ? `${verdict.updatePath} (${UPDATE_PATHS[verdict.updatePath].name})` : '—'}`,
    `  OAuth 2.0:    ${verdict.oauth2.status}${verdict.oauth2.blockers.length ? ` — ${verdict.oauth2.blockers.map((b) => b.message).join(' ')}` : ''}`,
    `  Checklists:   ${verdict.checklists.join(', ') || '—'}`,
    `  Findings (${verdict.findings.length}):`,
    ...verdict.findings.map((f) => `${findingLine(f)}${triage(f)}`),
  ];
  return lines.join('\n');
}
