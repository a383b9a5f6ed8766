import { CURRENT_CHART, DOCUMENTED_CHART } from '../../guidance/flowcharts.ts';
import { ANSWER_QUESTIONS, directionText, OAUTH2_LABELS, RECOMMENDATION_LABELS } from '../labels.ts';
import { escapeHtml } from '../escape.ts';
import { markdownText as escapeMarkdown } from './markdownText.ts';
import { linkCitations, pathSources, reportBibliography } from './reportBibliography.ts';
import type { BibliographyEntry } from '../../guidance/bibliography.ts';
import { flowchartSource } from '../flowchartMermaid.ts';
import { flowchartSvg } from '../flowchartSvg.ts';
import { pathText, verdictToJson } from '../verdictReport.ts';
import type { Report } from './reportModel.ts';
import { integrityText } from './reportSeal.ts';
import { TRIAGE_CSV_COLUMNS, triageCellText, triageCsvCells } from './reportTriage.ts';
import { localDay } from '../../engine/triage.ts';
import { ANSWER_KEYS, REPORT_SECTIONS, type ReportSection } from '../../model/vocabulary.ts';
import { localDateTime } from '../localDateTime.ts';
import { CHART_CSS } from './summaryCharts.ts';
import { executiveSummary } from './executiveSummary.ts';
import { SUMMARY_CSS, SUMMARY_PARTS, summaryBodyHtml } from './summaryHtml.ts';
import { LINK_PRINT_CSS, TOC_CSS, tocHtml, type TocEntry } from './tableOfContents.ts';
import { migrationText } from './summaryText.ts';
import { answerText, endText, LINK_SECTION_CSS, linkSectionHtml, severityHtml } from './linkSection.ts';
import { FindingExplanations } from './findingExplanations.ts';


/** JSON: the documented, versioned shape (docs/reports.md); the digest is its last field. */
export function reportJson(report: Report): string {
  const body = {
    format: 'applink-advisor.report', version: 1,
    meta: report.meta, summary: report.summary,
    links: report.links.map((l) => ({
      ...verdictToJson(l.document.link, l.verdict, localDay(new Date(report.meta.generatedAt))),
      link: l.document.link, revision: l.document.revision, updatedAt: l.document.updatedAt,
      checklists: l.checklists.map((c) => ({ id: c.view.id, done: c.done, required: c.required, closed: c.closed, locked: c.view.locked, ...(report.meta.includeChecklists ? { items: c.state?.items ?? {} } : {}) })),
      history: l.history,
    })),
    changes: report.changes && { label: report.changes.label, rows: report.changes.rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, before: r.before, after: r.after, fields: r.fields.map((f) => f.path) })) },
    sources: reportBibliography(report).entries.map(({ id, title, url, kind }) => ({ id, title, ...(url ? { url } : {}), kind })),
  };
  const text = JSON.stringify(body, null, 2);
  return `${text.slice(0, -2)},\n  "integrity": "${integrityText(report.meta.signed ?? false)}"\n}\n`;
}

/** The documented CSV columns, in order. */
export const REPORT_CSV_COLUMNS = [
  'id', 'name', 'local_product', 'local_version', 'local_url', 'remote_product', 'remote_version', 'remote_url',
  'local_outgoing', 'local_incoming', 'remote_outgoing', 'remote_incoming', 'recommended', 'worst_severity',
  'findings', 'oauth2_readiness', 'update_path', 'checklists', 'updated_at', 'sources', ...TRIAGE_CSV_COLUMNS,
  'record', 'source_kind', 'source_origin', 'source_url', 'classification', 'integrity',
] as const;

/**
 * A cell that a spreadsheet cannot execute: quoted, and a leading =, +, -, @, tab or carriage return
 * prefixed with an apostrophe (OWASP CSV injection).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const checklistCell = (c: Report['links'][number]['checklists'][number]) =>
  `${c.view.id} ${c.view.locked ? 'planned, blocked' : `${c.done}/${c.required}`}${c.closed ? ' closed' : ''}`;

/**
 * CSV: one row per link (`record` = link, `sources` = the ids its part cites), then one per cited source (`record` = source: id, title in
 * `name`, kind, origin, URL), then a last row (`record` = integrity) whose final cell holds the digest.
 * The marking is a column on every row, so a spreadsheet neither loses it nor shows a stray line.
 */
export function reportCsv(report: Report, options: { bom: boolean }): string {
  const mark = report.meta.classification ?? '';
  const tail = (record: string, kind = '', origin = '', url = '') => [record, kind, origin, url, mark];
  const rows = report.links.map((reportLink) => { const { document: { link, updatedAt }, verdict, checklists } = reportLink; return [
    link.id, link.name, link.local.product, link.local.version ?? '', link.local.baseUrl ?? '', link.remote.product, link.remote.version ?? '', link.remote.baseUrl ?? '',
    link.config.local.outgoing.join('+'), link.config.local.incoming.join('+'), link.config.remote?.outgoing.join('+') ?? '', link.config.remote?.incoming.join('+') ?? '',
    verdict.recommended, verdict.worstSeverity ?? '', verdict.findings.map((f) => f.rule).join(' '), verdict.oauth2.status, verdict.updatePath ?? '',
    checklists.map(checklistCell).join('; '), updatedAt, linkCitations(reportLink, report.meta.includeChecklists).join(' '), ...triageCsvCells(reportLink), ...tail('link'), '',
  ].map(csvCell).join(','); });
  const blank = (n: number) => Array<string>(n).fill('');
  const extra = TRIAGE_CSV_COLUMNS.length;
  const sources = reportBibliography(report).entries.map((e) => [e.id, e.title, ...blank(18 + extra), ...tail('source', e.kind, e.origin, e.url ?? ''), ''].map(csvCell).join(','));
  const seal = [...blank(20 + extra), ...tail('integrity'), integrityText(report.meta.signed ?? false)].map(csvCell).join(',');
  return `${options.bom ? '\uFEFF' : ''}${[REPORT_CSV_COLUMNS.join(','), ...rows, ...sources, seal].join('\r\n')}\r\n`;
}

/** Markdown for a ticket system: summary, then each link; the flowchart as a mermaid block per distinct path. */
export function reportMarkdown(report: Report, view: { sections?: readonly ReportSection[]; timeZone?: string; today?: string } = {}): string {
  const { meta, summary } = report;
  const shown = new Set(view.sections ?? REPORT_SECTIONS);
  const lines = [
    ...(meta.classification ? [`**${escapeMarkdown(meta.classification)}**`, ''] : []),
    `# ${escapeMarkdown(meta.title)}`, '',
    `Generated ${localDateTime(meta.generatedAt, view.timeZone)} by ${escapeMarkdown(meta.author ?? 'an unnamed operator')} with Applink Advisor ${escapeMarkdown(meta.appVersion)}. Parts: ${[...shown].join(', ')}.`, '',
    ...(shown.has('summary') ? [
    '## Summary', '',
    `${summary.total} links. ${migrationText(summary)}`, '',
    '| Recommendation | Links |', '|---|---|', ...summary.byRecommendation.map(([k, n]) => `| ${RECOMMENDATION_LABELS[k as keyof typeof RECOMMENDATION_LABELS]} | ${n} |`), '',
    '| Worst finding | Links |', '|---|---|', ...summary.bySeverity.map(([k, n]) => `| ${k} | ${n} |`), '',
    ] : []),
    ...(report.changes ? [`### What changed since ${escapeMarkdown(report.changes.label)}`, '', ...(report.changes.rows.length ? ['| Change | Link |', '|---|---|', ...report.changes.rows.map((r) => `| ${r.kind} | ${escapeMarkdown(r.name)} |`)] : ['Nothing changed.']), ''] : []),
    ...(shown.has('links') ? ['## Flowchart paths', '', escapeMarkdown(CURRENT_CHART.inferredNote ?? CURRENT_CHART.caption, true), ''] : []),
  ];
  if (shown.has('links')) report.paths.forEach((p, i) => {
    lines.push(`### Path ${i + 1} (${p.links} link${p.links === 1 ? '' : 's'})`, '', '```mermaid', flowchartSource(CURRENT_CHART, p, `Path ${i + 1}`).trimEnd(), '```', '', `Sources: ${pathSources(CURRENT_CHART, p.path).join(', ') || 'none'}`, '',
      `Links on path ${i + 1}: ${report.links.filter((l) => l.pathIndex === i).map((l) => escapeMarkdown(l.document.link.name)).join(', ')}`, '');
  });
  const perLink = (['links', 'findings', 'checklists', 'history'] as const).some((k) => shown.has(k));
  if (perLink) lines.push('## Links', '');
  for (const l of perLink ? report.links : []) {
    const { link } = l.document;
    lines.push(`### ${escapeMarkdown(link.name)}`, '');
    if (shown.has('links')) lines.push(
      `- Id: \`${link.id}\``, `- Local end: ${escapeMarkdown(endText(link.local))}`, `- Remote end: ${escapeMarkdown(endText(link.remote))}`,
      `- Local outgoing / incoming: ${directionText(link.config.local.outgoing)} / ${directionText(link.config.local.incoming)}`,
      `- Remote outgoing / incoming: ${directionText(link.config.remote?.outgoing)} / ${directionText(link.config.remote?.incoming)}`,
      `- Answers: ${ANSWER_KEYS.map((k) => `${ANSWER_QUESTIONS[k].question} ${answerText(link.answers[k])}`).join('; ')}`,
      `- Recommended: **${RECOMMENDATION_LABELS[l.verdict.recommended]}**${l.verdict.settings ? ` — ${escapeMarkdown(l.verdict.settings.sentence)}` : ''}`,
      `- Path ${l.pathIndex + 1}: ${pathText(CURRENT_CHART, l.verdict.path, l.verdict.steps)}`,
      ...(l.verdict.documentedDeprecation ? [`- Documented (Confluence 5.0) path: ${pathText(DOCUMENTED_CHART, l.verdict.documented.path, l.verdict.documented.steps)} — deprecated: ${escapeMarkdown(l.verdict.documentedDeprecation)}`] : []),
      `- OAuth 2.0: ${OAUTH2_LABELS[l.verdict.oauth2.status]}`, '');
    if (shown.has('findings') && l.verdict.findings.length) {
      lines.push('| Severity | Rule | Finding | Remedy | Sources | Triage |', '|---|---|---|---|---|---|');
      l.verdict.findings.forEach((f, i) => lines.push(`| ${f.severity} | ${f.rule} | ${escapeMarkdown(f.title)} | ${escapeMarkdown(f.remedy)} | ${f.sources.join(', ')} | ${escapeMarkdown(triageCellText(l.triage[i]!))} |`));
      lines.push('');
    }
    if (shown.has('links') && l.verdict.settings) {
      lines.push('| Recommended settings | Outgoing | Incoming |', '|---|---|---|', `| Local end | ${directionText(l.verdict.settings.local.outgoing)} | ${directionText(l.verdict.settings.local.incoming)} |`);
      if (l.verdict.settings.remote) lines.push(`| Remote end | ${directionText(l.verdict.settings.remote.outgoing)} | ${directionText(l.verdict.settings.remote.incoming)} |`);
      lines.push('');
    }
    for (const c of shown.has('checklists') ? l.checklists : []) {
      lines.push(c.view.locked
        ? `- Checklist ${c.view.id}: planned, blocked — ${escapeMarkdown(c.view.locked.reason)} (sources: ${c.view.locked.sources.join(', ') || 'none'})`
        : `- Checklist ${c.view.id}: ${c.done} of ${c.required} required items done${c.closed ? ', closed' : ''}`);
      if (report.meta.includeChecklists) {
        for (const item of c.view.sections.flatMap((sec) => sec.items)) {
          const state = c.state?.items[item.id];
          if (state) lines.push(`  - [${state.status === 'done' || state.status === 'not-applicable' ? 'x' : ' '}] ${escapeMarkdown(item.text)} (${item.sources.join(', ')}) — ${state.status}${state.by ? `, ${escapeMarkdown(state.by)}` : ''}${state.note ? `: ${escapeMarkdown(state.note)}` : ''}`);
        }
      }
    }
    if (shown.has('history') && l.history.length) {
      lines.push('', 'History:', '');
      for (const h of l.history) lines.push(`- revision ${h.revision}, ${h.savedAt}: ${escapeMarkdown([h.event, h.fields.join(', ')].filter(Boolean).join(' — ') || 'first saved')}`);
    }
    if (shown.has('links') && link.notes) lines.push('', `Notes: ${escapeMarkdown(link.notes)}`);
    lines.push('');
  }
  lines.push('## Sources', '', '| Id | Title | From | Address (not a link) |', '|---|---|---|---|');
  for (const e of reportBibliography(report).entries) lines.push(`| ${e.id} | ${escapeMarkdown(e.title)} | ${escapeMarkdown(e.origin)} | ${e.url ? `\`${e.url}\`` : '—'} |`);
  lines.push('', '---', '', `Integrity: \`${integrityText(report.meta.signed ?? false)}\` (check with \`applink-advisor verify-report\`)`, '');
  if (meta.classification) lines.push(`**${escapeMarkdown(meta.classification)}**`, '');
  return lines.join('\n');
}

export const CSS = `
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#172b4d;margin:0 auto;max-width:60rem;padding:1.5rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #dcdfe4;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-top:1.5rem}
*{box-sizing:border-box}table{border-collapse:collapse;margin:.5rem 0;width:100%;max-width:100%}th,td{border:1px solid #dcdfe4;padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}th{background:#f7f8f9}
.marking{text-align:center;font-weight:700;letter-spacing:.05em;color:#ae2a19}.muted{color:#44546f}
[class|=sev]{font-weight:700;text-transform:uppercase;font-size:.75rem;padding:0 .3rem;border-radius:3px;white-space:nowrap}.sev-critical{background:#ae2a19;color:#fff}.sev-high{background:#ffd5d2;color:#ae2a19}.sev-medium{background:#fff7d6;color:#7f5f01}.sev-low{background:#f3f0ff;color:#5e4db2}.sev-info{background:#f1f2f4;color:#44546f}
.bar{fill:#0c66e4}.chart text{font-size:12px;fill:#172b4d}
svg.flowchart{max-width:100%;height:auto}.flowchart rect{fill:#fff;stroke:#8590a2;stroke-width:1.2}.flowchart text{font-size:12px;fill:#172b4d}
.flowchart .decision rect{fill:#f7f8f9}.flowchart .taken rect{stroke:#1f6feb;stroke-width:3}.flowchart .pending rect{stroke:#bf8700;stroke-width:3;stroke-dasharray:6 3}
.flowchart .edge{fill:none;stroke:#8590a2;stroke-width:1.2}.flowchart .edge.inferred{stroke-dasharray:5 4}.flowchart .edge.taken{stroke:#1f6feb;stroke-width:3}.flowchart .edge-label{font-size:11px;fill:#44546f}
.expired{color:#ae2a19;font-weight:700}.link{break-inside:avoid-page}footer{margin-top:2rem;font-size:.8rem;color:#44546f;word-break:break-all}
figure{break-inside:avoid;margin:1rem 0}code.url{overflow-wrap:anywhere;font-size:.8rem}
@media print{body{max-width:none;padding:0 2px}h2,h3,h4{break-after:avoid}tr,figure{break-inside:avoid}body>.marking,footer>.marking{display:none}}
`;

// Text as a CSS string: quotes and backslashes escaped, and "<" as an escape so a marking can never
// close the <style> element.
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/</g, '\\3C ').replace(/[\r\n]+/g, ' ')}"`;

// Page margin boxes (Chromium 131+, so Electron's printToPDF and headless Chromium alike): the marking
// at the top and bottom of every page, page numbers at the bottom.
export function pageCss(marking: string | null, size: 'A4' | 'Letter', totalPages?: number, pageOffset?: number): string {
  const mark = marking ? `content:${cssString(marking)};font:700 9pt system-ui,sans-serif;color:#ae2a19` : '';
  // The front pages printed alone (to splice into the whole) give the whole's page count.
  // A chunk of a long PDF goes on from the pages before it, and cannot know the total: "Page n" alone.
  const of = pageOffset !== undefined ? '' : ` " of " ${totalPages ? `"${totalPages}"` : 'counter(pages)'}`;
  const footer = `content:"Page " counter(page)${of};font:9pt system-ui,sans-serif;color:#44546f`;
  return `@page{size:${size};margin:18mm 14mm;${mark ? `@top-center{${mark}}@bottom-left{${mark}}` : ''}@bottom-right{${footer}}}${pageOffset ? `html{counter-reset:page ${pageOffset}}` : ''}`;
}

/** The bibliography: addresses as text in a <code> element, never a link anything would open. */
export function bibliographyHtml(entries: BibliographyEntry[]): string {
  const rows = entries.map((e) => `<tr><td>${escapeHtml(e.id)}</td><td>${escapeHtml(e.title)}</td><td>${escapeHtml(e.origin)}</td><td>${e.url ? `<code class="url">${escapeHtml(e.url)}</code>` : '—'}</td></tr>`).join('');
  return `<h2 id="sources">Sources</h2><p class="muted">Every id this report cites. Addresses are given as text to copy; nothing in this report opens them.</p><table class="sources"><thead><tr><th>Id</th><th>Title</th><th>From</th><th>Address</th></tr></thead><tbody>${rows}</tbody></table>`;
}


/**
 * HTML: one self-contained file (inline CSS and SVG, its own CSP, no script) that prints well. Each
 * distinct flowchart path is drawn once and each link refers to it.
 */
export function reportHtml(report: Report, page: HtmlView = { size: 'A4' }): string {
  const { meta } = report;
  const shown = new Set(page.sections ?? REPORT_SECTIONS);
  const marking = meta.classification ? `<p class="marking">${escapeHtml(meta.classification)}</p>` : '';
  const why = new FindingExplanations(report);
  const paths = report.paths.map((p, i) => `<figure id="path-${i + 1}"><figcaption>Path ${i + 1} — ${p.links} link${p.links === 1 ? '' : 's'}. Sources: ${escapeHtml(pathSources(CURRENT_CHART, p.path).join(', ') || 'none')}</figcaption>${flowchartSvg(CURRENT_CHART, p, `flow-${i + 1}`)}</figure>${pathLinksHtml(report, i)}`);
  const perLink = (['links', 'findings', 'checklists', 'history'] as const).some((k) => shown.has(k));
  const toc = reportToc(report, page.sections);
  const changes = report.changes ? `<h2 id="sec-changes">What changed since ${escapeHtml(report.changes.label)}</h2>${report.changes.rows.length ? `<table><thead><tr><th>Change</th><th>Link</th><th>Fields</th></tr></thead><tbody>${report.changes.rows.map((r) => `<tr><td>${escapeHtml(r.kind)}</td><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.fields.map((f) => f.path).join(', ') || '—')}</td></tr>`).join('')}</tbody></table>` : '<p>Nothing changed.</p>'}` : '';
  const head = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(meta.title)}</title>
${meta.author ? `<meta name="author" content="${escapeHtml(meta.author)}">` : ''}<meta name="generator" content="Applink Advisor ${escapeHtml(meta.appVersion)}">${meta.classification ? `<meta name="description" content="${escapeHtml(meta.classification)}">` : ''}<style>${CSS}${CHART_CSS}${SUMMARY_CSS}${TOC_CSS}${LINK_PRINT_CSS}${LINK_SECTION_CSS}${pageCss(meta.classification, page.size, page.totalPages, page.chunk?.pageOffset)}</style></head>
<body>`;
  const front = `${marking}
<header><h1>${escapeHtml(meta.title)}</h1>
<p class="muted">Generated ${escapeHtml(localDateTime(meta.generatedAt, page.timeZone))} by ${escapeHtml(meta.author ?? 'an unnamed operator')} with Applink Advisor ${escapeHtml(meta.appVersion)}. Parts: ${escapeHtml([...shown].join(', '))}.</p></header>
${tocHtml(toc, page.forPdf ? page.tocPages ?? {} : undefined)}
`;
  if (page.frontOnly) return `${head}${front}</body></html>\n`;
  const main = `${shown.has('summary') ? `<h2 id="sec-summary">Summary</h2>
${summaryBodyHtml(report, executiveSummary(report, { today: page.today }), 3)}` : ''}
${changes}
${shown.has('links') ? `<h2 id="sec-paths">Flowchart paths</h2>
<p class="muted">${escapeHtml(CURRENT_CHART.caption)}. ${escapeHtml(CURRENT_CHART.inferredNote ?? '')} ${report.paths.length} distinct path${report.paths.length === 1 ? '' : 's'}, each drawn once, with the links that take it.</p>
${paths.join('\n')}` : ''}
${shown.has('findings') ? why.sectionHtml(severityHtml) : ''}
`;
  const tail = `${bibliographyHtml(reportBibliography(report).entries)}
<footer>${marking}${page.forPdf ? 'Integrity: the SHA-256 of this file is recorded at its end' : `Integrity: ${integrityText(meta.signed ?? false)}`} — check with <code>applink-advisor verify-report</code>.</footer>
`;
  // Printed in chunks (a long PDF): the first carries the front and the estate-wide parts, the last the sources.
  const { chunk } = page;
  const [from, to] = chunk ? [chunk.from, chunk.to] : [0, report.links.length];
  const first = !chunk || chunk.index === 0;
  const last = !chunk || chunk.index === chunk.count - 1;
  const linkPart = perLink ? `${first ? '<h2 id="sec-links">Links</h2>\n' : ''}${report.links.slice(from, to).map((l) => linkSectionHtml(l, report, shown, why)).join('\n')}` : '';
  // A later part links its own anchors that the contents list, so its PDF names their pages.
  const anchors = chunk && !first && last ? '<a href="#sources" aria-hidden="true"></a>' : '';
  return `${head}${first ? `${front}${main}` : ''}${linkPart}\n${last ? `${tail}${anchors}` : ''}</body></html>\n`;
}

/** The full report's table of contents: its parts as chosen, each flowchart path, the sources. */
export function reportToc(report: Report, sections: readonly ReportSection[] = REPORT_SECTIONS): TocEntry[] {
  const shown = new Set(sections);
  const perLink = (['links', 'findings', 'checklists', 'history'] as const).some((k) => shown.has(k));
  return [
    ...(shown.has('summary') ? [{ id: 'sec-summary', title: 'Summary', level: 1 as const }, ...SUMMARY_PARTS.map(([id, title]) => ({ id, title, level: 2 as const }))] : []),
    ...(report.changes ? [{ id: 'sec-changes', title: `What changed since ${report.changes.label}`, level: 1 as const }] : []),
    ...(shown.has('links') ? [{ id: 'sec-paths', title: 'Flowchart paths', level: 1 as const }, ...report.paths.map((p, i) => ({ id: `path-${i + 1}`, title: `Path ${i + 1} — ${p.links} link${p.links === 1 ? '' : 's'}`, level: 2 as const }))] : []),
    ...(shown.has('findings') ? [{ id: 'sec-findings', title: 'Findings explained', level: 1 as const }] : []),
    ...(perLink ? [{ id: 'sec-links', title: 'Links', level: 1 as const }] : []),
    { id: 'sources', title: 'Sources', level: 1 },
  ];
}

/** How a report is drawn as HTML: paper, for print or screen, which parts, and the TOC's pages once known. */
export interface HtmlView {
  size: 'A4' | 'Letter';
  forPdf?: boolean;
  sections?: readonly ReportSection[];
  /** Anchor id → page, from a first printing; the PDF's table of contents shows them. */
  tocPages?: Readonly<Record<string, number>>;
  /** The day triage decisions are judged on (YYYY-MM-DD); the report's local day by default. */
  today?: string;
  /** The zone local times are printed in; the machine's by default. */
  timeZone?: string;
  /** Only the front pages (title and contents), to print again with page numbers; and the whole's page count for their footer. */
  frontOnly?: boolean;
  totalPages?: number;
  /** One of several chunks a long PDF is printed in: links from..to, and the pages printed before it. */
  chunk?: { index: number; count: number; from: number; to: number; pageOffset: number };
}

// Under each flowchart path, the links that take it (names link to their sections).
function pathLinksHtml(report: Report, index: number): string {
  const taking = report.links.filter((l) => l.pathIndex === index);
  const names = taking.map((l) => `<a href="#link-${escapeHtml(l.document.link.id)}">${escapeHtml(l.document.link.name)}</a>`);
  // The steps in words, once per path (each link's row names its path rather than repeating them).
  const steps = taking[0] ? `<p class="path-links"><strong>Steps:</strong> ${escapeHtml(pathText(CURRENT_CHART, taking[0].verdict.path, taking[0].verdict.steps))}</p>` : '';
  return `${steps}<p class="path-links"><strong>Links on path ${index + 1}:</strong> ${names.join(', ')}</p>`;
}
