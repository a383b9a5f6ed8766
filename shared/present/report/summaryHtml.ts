import { productName } from '../../engine/oauth2Readiness.ts';
import { escapeHtml } from '../escape.ts';
import { OAUTH2_LABELS, RECOMMENDATION_LABELS } from '../labels.ts';
import { estateMapReportSection } from '../estateMap.ts';
import { barChartHtml } from './summaryCharts.ts';
import { AUTH_LABELS, DECISION_LABELS, keyFigureText, migrationText, moreText, scopeText, SEVERITY_LABELS } from './summaryText.ts';
import type { ExecutiveSummary } from './executiveSummary.ts';
import type { Report } from './reportModel.ts';

/** The parts of the executive summary, in order: [id, heading]; the table of contents lists them. */
export const SUMMARY_PARTS = [
  ['sum-scope', 'Scope'], ['sum-auth', 'Authentication in use'], ['sum-recommendation', 'Recommendations'], ['sum-findings', 'Findings'],
  ['sum-readiness', 'OAuth 2.0 readiness and migration progress'], ['sum-servers', 'Servers'], ['sum-map', 'Estate map'], ['sum-risks', 'Top risks'], ['sum-decisions', 'Triage decisions'],
] as const;

const sev = (s: string) => `<span class="sev-${escapeHtml(s)}">${escapeHtml(s)}</span>`;

/**
 * The executive summary's sections as HTML, headings at `level` (2 in the summary document, 3 inside
 * the full report's Summary). Every list is capped (ExecutiveSummary.limits) and says how many it leaves out.
 */
export function summaryBodyHtml(report: Report, es: ExecutiveSummary, level: 2 | 3): string {
  const h = `h${level}`;
  const sub = level === 2 ? 'h3' : 'h4';
  const heading = (id: (typeof SUMMARY_PARTS)[number][0]) => `<${h} id="${id}">${escapeHtml(SUMMARY_PARTS.find(([i]) => i === id)![1])}</${h}>`;
  const s = report.summary;
  const parts: string[] = [];
  parts.push(`<section class="summary-part">${heading('sum-scope')}<p>${escapeHtml(scopeText(report, es))}</p></section>`);
  parts.push(`<section class="summary-part">${heading('sum-auth')}<p class="key-figure lead">${escapeHtml(keyFigureText(es))}</p>`
    + barChartHtml('chart-auth', 'Links by authentication in use', [{ name: '', className: 's-main' }], (['legacy', 'oauth', 'oauth2', 'none'] as const).map((k) => ({ label: AUTH_LABELS[k], values: [es.authInUse[k]], className: k === 'legacy' ? 's-bad' : k === 'oauth2' ? 's-good' : k === 'none' ? 's-none' : 's-main' })), sub)
    + `<p class="muted">A link counts as legacy when any end uses Trusted Applications or Basic HTTP in either direction (of them, ${es.legacy.trustedApps.toLocaleString('en-GB')} use Trusted Applications and ${es.legacy.basic.toLocaleString('en-GB')} Basic HTTP; a link may use both).</p></section>`);
  parts.push(`<section class="summary-part">${heading('sum-recommendation')}`
    + barChartHtml('chart-rec', 'Links by recommended authentication', [{ name: '', className: 's-main' }], s.byRecommendation.map(([k, n]) => ({ label: RECOMMENDATION_LABELS[k as keyof typeof RECOMMENDATION_LABELS], values: [n] })), sub) + '</section>');
  const f = es.findings;
  const openTotal = Object.values(f.open).reduce((a, b) => a + b, 0);
  parts.push(`<section class="summary-part">${heading('sum-findings')}`
    + barChartHtml('chart-worst', 'Links by worst finding', [{ name: 'as assessed (as assess counts)', className: 's-main' }, { name: 'still open after triage', className: 's-bad' }], es.worst.map((r) => ({ label: SEVERITY_LABELS[r.severity], values: [r.assessed, r.open] })), sub)
    + `<table class="compact"><caption>Findings by triage, as of ${escapeHtml(es.today)}</caption><thead><tr><th>Open</th><th>Accepted risk</th><th>False positive</th><th>Fixed, pending verification (counted open)</th><th>Decisions past their day (counted open)</th></tr></thead>`
    + `<tbody><tr><td>${openTotal.toLocaleString('en-GB')} (${Object.entries(f.open).filter(([, n]) => n > 0).map(([k, n]) => `${n.toLocaleString('en-GB')} ${k}`).join(', ') || 'none'})</td><td>${f.acceptedRisk.toLocaleString('en-GB')}</td><td>${f.falsePositive.toLocaleString('en-GB')}</td><td>${f.pendingVerification.toLocaleString('en-GB')}</td><td>${f.expired.toLocaleString('en-GB')}</td></tr></tbody></table></section>`);
  parts.push(`<section class="summary-part">${heading('sum-readiness')}<div class="chart-pair">`
    + barChartHtml('chart-ready', 'OAuth 2.0 readiness (links)', [{ name: '', className: 's-main' }], s.byReadiness.map(([k, n]) => ({ label: OAUTH2_LABELS[k as keyof typeof OAUTH2_LABELS], values: [n], className: k === 'eligible' ? 's-good' : k === 'not-eligible' ? 's-bad' : 's-warn' })), sub)
    + barChartHtml('chart-migration', 'Migration progress (links with a checklist)', [{ name: '', className: 's-main' }], [
      { label: 'Open', values: [s.migrationsOpen], className: 's-warn' }, { label: 'Done', values: [s.migrationsDone], className: 's-good' }, { label: 'Planned, blocked', values: [s.migrationsPlanned], className: 's-none' },
    ], sub)
    + `</div><p>${escapeHtml(migrationText(s))}</p><p class="muted">Open and done count links with an applicable migration checklist, as <code>assess</code> and the inventory do; planned links have only a checklist locked until a prerequisite is met.</p></section>`);
  const serverRows = es.serverRows.map((v) => `<tr><td>${escapeHtml(v.url)}</td><td>${escapeHtml(productName(v.product))} ${escapeHtml(v.version ?? '')}</td><td class="num">${v.links}</td><td class="num">${v.auth.trustedApps}</td><td class="num">${v.auth.basic}</td><td class="num">${v.auth.oauth}</td><td class="num">${v.auth.oauth2}</td><td>${v.worstSeverity ? sev(v.worstSeverity) : 'none'}</td><td class="num">${v.readiness.eligible}</td><td class="num">${v.migrations.open} / ${v.migrations.done}</td></tr>`).join('');
  parts.push(`<section class="summary-part keep">${heading('sum-servers')}<p class="lead">${es.servers.toLocaleString('en-GB')} server${es.servers === 1 ? '' : 's'}; each link counts once on the server of each of its ends, so the rows add up to more than the links.</p>`
    + `<table class="compact servers"><thead><tr><th>Server</th><th>Product</th><th>Links</th><th>Trusted Apps</th><th>Basic</th><th>OAuth</th><th>OAuth 2.0</th><th>Worst finding</th><th>Ready for OAuth 2.0</th><th>Migra&shy;tions open / done</th></tr></thead><tbody>${serverRows}</tbody></table>`
    + (es.serversNotShown ? `<p class="more">${escapeHtml(moreText(es.serversNotShown, 'server', 'with fewer links; the full list: applink-advisor servers'))}</p>` : '') + '</section>');
  const map = estateMapReportSection(report.links, { level, id: 'sum-map' });
  parts.push(`<section class="summary-part keep">${map || `${heading('sum-map')}<p>No servers to draw.</p>`}</section>`);
  const risks = es.risks.map((r) => `<tr><td>${sev(r.severity)}</td><td>${escapeHtml(r.rule)}</td><td><strong>${escapeHtml(r.title)}</strong><br><span class="muted">Open on ${r.openOn.toLocaleString('en-GB')} link${r.openOn === 1 ? '' : 's'}: ${escapeHtml(r.links.map((l) => l.name).join('; '))}${r.openOn > r.links.length ? ` and ${(r.openOn - r.links.length).toLocaleString('en-GB')} more` : ''}</span></td><td>${escapeHtml(r.remedy)}</td><td>${escapeHtml(r.sources.join(', '))}</td></tr>`).join('');
  parts.push(`<section class="summary-part">${heading('sum-risks')}<p class="lead">The open findings, most severe and most widespread first; accepted risks and false positives are left out.</p>`
    + (es.risks.length ? `<table class="compact risks"><thead><tr><th>Severity</th><th>Rule</th><th>Finding and links</th><th>Remedy</th><th>Sources</th></tr></thead><tbody>${risks}</tbody></table>` : '<p>No open finding.</p>')
    + (es.risksNotShown ? `<p class="more">${escapeHtml(moreText(es.risksNotShown, 'rule', 'with open findings of lower severity or on fewer links'))}</p>` : '') + '</section>');
  const decisions = es.decisions.map((d) => `<tr><td>${escapeHtml(d.linkName)}</td><td>${escapeHtml(d.rule)} ${sev(d.severity)}</td><td>${escapeHtml(DECISION_LABELS[d.status] ?? d.status)}${d.expired ? ' <strong class="expired">expired: counted open</strong>' : ''}</td><td>${escapeHtml(d.reason || '—')}</td><td>${escapeHtml(d.owner ?? '—')}</td><td>${escapeHtml(d.due ?? '—')}</td></tr>`).join('');
  parts.push(`<section class="summary-part">${heading('sum-decisions')}<p class="lead">Accepted risks and false positives, with who owns them and until when they stand; a decision past its day counts as open again and is listed first.</p>`
    + (es.decisions.length ? `<table class="compact decisions"><thead><tr><th>Link</th><th>Rule</th><th>Decision</th><th>Reason</th><th>Owner</th><th>Until</th></tr></thead><tbody>${decisions}</tbody></table>` : '<p>No finding has been accepted or marked a false positive.</p>')
    + (es.decisionsNotShown ? `<p class="more">${escapeHtml(moreText(es.decisionsNotShown, 'decision', 'in the full report, under each link'))}</p>` : '') + '</section>');
  return parts.join('\n');
}

/** Styles of the summary: the cover, the key figure, compact tables that keep their rows whole. */
export const SUMMARY_CSS = `
.cover{padding-top:6vh}.cover h1{font-size:2rem;margin-bottom:.3rem}.cover .subtitle{font-size:1.2rem;color:#44546f;margin-top:0}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:1.5rem 0 2rem}.cover dt{font-weight:700}.cover dd{margin:0}
.key-figure{font-size:1.15rem;font-weight:700;color:#ae2a19}.cover .key-figure{font-size:1.4rem;margin-top:2rem;border-left:6px solid #ae2a19;padding-left:.8rem}
table.compact{font-size:.8rem}table.compact th,table.compact td{padding:.15rem .3rem}td.num{text-align:right;font-variant-numeric:tabular-nums}
table caption{text-align:left;font-weight:700;margin:.3rem 0}.more{font-style:italic;color:#44546f}.expired{color:#ae2a19}
.chart-pair{display:flex;flex-wrap:wrap;gap:0 2rem}
table.risks,table.decisions,table.sources{table-layout:fixed}
${[11, 7, 33, 29, 20].map((w, i) => `table.risks th:nth-child(${i + 1}){width:${w}%}`).join('')}
table.decisions th:nth-child(1){width:22%}table.decisions th:nth-child(2){width:10%}table.decisions th:nth-child(3){width:19%}table.decisions th:nth-child(5){width:11%}table.decisions th:nth-child(6){width:12%}
table.decisions td:nth-child(6){white-space:nowrap}
table.sources{font-size:.8rem}table.sources th:nth-child(1){width:19%}table.sources th:nth-child(2){width:28%}table.sources th:nth-child(3){width:25%}table.sources td{padding:.12rem .3rem}
table.servers{table-layout:fixed}table.servers th{font-size:.72rem;overflow-wrap:normal}${[25, 11, 6, 8, 7, 7, 8, 10, 9, 9].map((w, i) => `table.servers th:nth-child(${i + 1}){width:${w}%}`).join('')}table.servers td:first-child{overflow-wrap:anywhere}.summary-part.keep{break-inside:avoid}p{orphans:3;widows:3}footer{word-break:normal;overflow-wrap:anywhere}
@media print{.summary-part>h2,.summary-part>h3{break-after:avoid}thead{display:table-header-group}p.lead,h2+p,#sources+p{break-after:avoid;break-inside:avoid}}
`;
