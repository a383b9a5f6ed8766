import { bibliographyEntry, citationsIn, sortCitations, type BibliographyEntry } from '../../guidance/bibliography.ts';
import { escapeHtml } from '../escape.ts';
import { OAUTH2_LABELS, RECOMMENDATION_LABELS } from '../labels.ts';
import { localDateTime } from '../localDateTime.ts';
import { executiveSummary, type ExecutiveSummary, type SummaryLimits } from './executiveSummary.ts';
import { markdownText as md } from './markdownText.ts';
import { bibliographyHtml, CSS, pageCss, type HtmlView } from './reportFormats.ts';
import type { Report } from './reportModel.ts';
import { integrityText } from './reportSeal.ts';
import { CHART_CSS } from './summaryCharts.ts';
import { SUMMARY_CSS, SUMMARY_PARTS, summaryBodyHtml } from './summaryHtml.ts';
import { AUTH_LABELS, DECISION_LABELS, keyFigureText, migrationText, moreText, scopeText, SEVERITY_LABELS } from './summaryText.ts';
import { TOC_CSS, tocHtml } from './tableOfContents.ts';

/** Options of the executive summary: the full report's view, and smaller caps when the pages must shrink. */
export type SummaryView = HtmlView & { limits?: Partial<SummaryLimits> };

/** The ids the summary cites (its top risks' sources and the ids named in their words), explained. */
export function summaryBibliography(es: ExecutiveSummary): { entries: BibliographyEntry[]; unknown: string[] } {
  const ids = new Set<string>();
  for (const r of es.risks) for (const id of [...r.sources, ...citationsIn(r.title), ...citationsIn(r.remedy)]) ids.add(id);
  const entries: BibliographyEntry[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const entry = bibliographyEntry(id);
    if (entry) entries.push(entry);
    else unknown.push(id);
  }
  return { entries: sortCitations(entries), unknown };
}

/**
 * The executive summary as one HTML file (and, printed, as a PDF of at most 15 pages): a cover with the
 * key figure, the contents, the estate's figures and charts, capped lists, and the sources it cites.
 */
export function summaryHtml(report: Report, view: SummaryView = { size: 'A4' }): string {
  const { meta } = report;
  const es = executiveSummary(report, { today: view.today, limits: view.limits });
  const marking = meta.classification ? `<p class="marking">${escapeHtml(meta.classification)}</p>` : '';
  const toc = [...SUMMARY_PARTS.map(([id, title]) => ({ id, title, level: 1 as const })), { id: 'sources', title: 'Sources', level: 1 as const }];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(meta.title)} — executive summary</title>
${meta.author ? `<meta name="author" content="${escapeHtml(meta.author)}">` : ''}<meta name="generator" content="Applink Advisor ${escapeHtml(meta.appVersion)}"><style>${CSS}${CHART_CSS}${SUMMARY_CSS}${TOC_CSS}${pageCss(meta.classification, view.size)}</style></head>
<body>${marking}
<section class="cover"><h1>${escapeHtml(meta.title)}</h1><p class="subtitle">Executive summary</p>
<p class="key-figure">${escapeHtml(keyFigureText(es))}</p>
<dl><dt>Generated</dt><dd>${escapeHtml(localDateTime(meta.generatedAt, view.timeZone))}</dd><dt>By</dt><dd>${escapeHtml(meta.author ?? 'an unnamed operator')}</dd>
<dt>Scope</dt><dd>${es.total.toLocaleString('en-GB')} links, ${es.servers.toLocaleString('en-GB')} servers</dd>${meta.classification ? `<dt>Classification</dt><dd>${escapeHtml(meta.classification)}</dd>` : ''}
<dt>Made with</dt><dd>Applink Advisor ${escapeHtml(meta.appVersion)}</dd></dl>
${tocHtml(toc, view.forPdf ? view.tocPages ?? {} : undefined)}</section>
${summaryBodyHtml(report, es, 2)}
${bibliographyHtml(summaryBibliography(es).entries)}
<footer>${marking}The per-link detail is in the full report. ${view.forPdf ? 'Integrity: the SHA-256 of this file is recorded at its end' : `Integrity: ${integrityText(meta.signed ?? false)}`} — check with <code>applink-advisor verify-report</code>.</footer>
</body></html>
`;
}

/** The executive summary in Markdown: the same figures as tables (charts become tables), capped lists, sources. */
export function summaryMarkdown(report: Report, view: { today?: string; timeZone?: string } = {}): string {
  const { meta, summary: s } = report;
  const es = executiveSummary(report, { today: view.today });
  const n = (v: number) => v.toLocaleString('en-GB');
  const table = (head: string[], rows: Array<Array<string | number>>) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map((c) => (typeof c === 'number' ? n(c) : c)).join(' | ')} |`), ''];
  const lines = [
    ...(meta.classification ? [`**${md(meta.classification)}**`, ''] : []),
    `# ${md(meta.title)} — executive summary`, '',
    `Generated ${localDateTime(meta.generatedAt, view.timeZone)} by ${md(meta.author ?? 'an unnamed operator')} with Applink Advisor ${md(meta.appVersion)}.`, '',
    `**${keyFigureText(es)}**`, '',
    '## Scope', '', md(scopeText(report, es)), '',
    '## Authentication in use', '', ...table(['Authentication in use', 'Links'], (['legacy', 'oauth', 'oauth2', 'none'] as const).map((k) => [AUTH_LABELS[k], es.authInUse[k]])),
    `Of the legacy links, ${n(es.legacy.trustedApps)} use Trusted Applications and ${n(es.legacy.basic)} Basic HTTP (a link may use both).`, '',
    '## Recommendations', '', ...table(['Recommended', 'Links'], s.byRecommendation.map(([k, v]) => [RECOMMENDATION_LABELS[k as keyof typeof RECOMMENDATION_LABELS], v])),
    '## Findings', '', ...table(['Worst finding', 'Links (as assessed)', 'Links (still open after triage)'], es.worst.map((r) => [SEVERITY_LABELS[r.severity], r.assessed, r.open])),
    ...table(['Open findings', 'Accepted risk', 'False positive', 'Fixed, pending verification', 'Decisions past their day'], [[Object.values(es.findings.open).reduce((a, b) => a + b, 0), es.findings.acceptedRisk, es.findings.falsePositive, es.findings.pendingVerification, es.findings.expired]]),
    '## OAuth 2.0 readiness and migration progress', '', ...table(['OAuth 2.0 readiness', 'Links'], s.byReadiness.map(([k, v]) => [OAUTH2_LABELS[k as keyof typeof OAUTH2_LABELS], v])),
    ...table(['Migration', 'Links'], [['Open', s.migrationsOpen], ['Done', s.migrationsDone], ['Planned, blocked', s.migrationsPlanned]]), migrationText(s), '',
    '## Servers', '', ...table(['Server', 'Product', 'Links', 'Trusted Apps', 'Basic', 'OAuth', 'OAuth 2.0', 'Worst finding', 'Ready for OAuth 2.0', 'Migrations open / done'],
      es.serverRows.map((v) => [md(v.url), `${v.product} ${v.version ?? ''}`.trim(), v.links, v.auth.trustedApps, v.auth.basic, v.auth.oauth, v.auth.oauth2, v.worstSeverity ?? 'none', v.readiness.eligible, `${v.migrations.open} / ${v.migrations.done}`])),
    ...(es.serversNotShown ? [moreText(es.serversNotShown, 'server', 'with fewer links; the full list: applink-advisor servers'), ''] : []),
    '## Top risks', '', ...(es.risks.length ? table(['Severity', 'Rule', 'Finding', 'Open on', 'Remedy', 'Sources'], es.risks.map((r) => [r.severity, r.rule, md(r.title), `${n(r.openOn)} link${r.openOn === 1 ? '' : 's'}: ${md(r.links.map((l) => l.name).join('; '))}${r.openOn > r.links.length ? ` and ${n(r.openOn - r.links.length)} more` : ''}`, md(r.remedy), r.sources.join(', ')])) : ['No open finding.', '']),
    ...(es.risksNotShown ? [moreText(es.risksNotShown, 'rule', 'with open findings of lower severity or on fewer links'), ''] : []),
    '## Triage decisions', '', ...(es.decisions.length ? table(['Link', 'Rule', 'Decision', 'Reason', 'Owner', 'Until'], es.decisions.map((d) => [md(d.linkName), `${d.rule} (${d.severity})`, `${DECISION_LABELS[d.status] ?? d.status}${d.expired ? ' — expired: counted open' : ''}`, md(d.reason || '—'), md(d.owner ?? '—'), d.due ?? '—'])) : ['No finding has been accepted or marked a false positive.', '']),
    ...(es.decisionsNotShown ? [moreText(es.decisionsNotShown, 'decision', 'in the full report, under each link'), ''] : []),
    '## Sources', '', '| Id | Title | From | Address (not a link) |', '|---|---|---|---|',
    ...summaryBibliography(es).entries.map((e) => `| ${e.id} | ${md(e.title)} | ${md(e.origin)} | ${e.url ? `\`${e.url}\`` : '—'} |`),
    '', '---', '', `Integrity: \`${integrityText(meta.signed ?? false)}\` (check with \`applink-advisor verify-report\`)`, '',
    ...(meta.classification ? [`**${md(meta.classification)}**`, ''] : []),
  ];
  return lines.join('\n');
}

/** The executive summary as JSON: the figures and capped lists the paper shows, then the sources and the digest. */
export function summaryJson(report: Report, view: { today?: string } = {}): string {
  const es = executiveSummary(report, { today: view.today });
  const body = {
    format: 'applink-advisor.report-summary', version: 1, meta: report.meta, summary: report.summary,
    executive: { ...es, serverRows: es.serverRows },
    sources: summaryBibliography(es).entries.map(({ id, title, url, kind }) => ({ id, title, ...(url ? { url } : {}), kind })),
  };
  const text = JSON.stringify(body, null, 2);
  return `${text.slice(0, -2)},\n  "integrity": "${integrityText(report.meta.signed ?? false)}"\n}\n`;
}
