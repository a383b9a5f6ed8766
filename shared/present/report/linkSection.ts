import { DOCUMENTED_CHART } from '../../guidance/flowcharts.ts';
import { productName } from '../../engine/oauth2Readiness.ts';
import type { Verdict } from '../../engine/assessLink.ts';
import type { FindingTriage } from '../../engine/triage.ts';
import type { Link } from '../../model/link.ts';
import { ANSWER_KEYS, type AnswerKey, type ReportSection } from '../../model/vocabulary.ts';
import { escapeHtml } from '../escape.ts';
import { directionText, OAUTH2_LABELS, RECOMMENDATION_LABELS } from '../labels.ts';
import { pathText } from '../verdictReport.ts';
import type { FindingExplanations } from './findingExplanations.ts';
import type { Report, ReportLink } from './reportModel.ts';
import { triageCellText } from './reportTriage.ts';

/** One end of a link in words: product, version and base URL. */
export const endText = (e: Link['local']) => `${productName(e.product)} ${e.version ?? '(version unknown)'}${e.baseUrl ? ` — ${e.baseUrl}` : ''}`;
export const answerText = (v: boolean | null) => (v === null ? 'not answered' : v ? 'yes' : 'no');

/** The four answers as short names (the questions in full are in the app and docs/engine.md). */
export const ANSWER_NAMES: Record<AnswerKey, string> = {
  adminOnRemote: 'Admin on the remote', mutualTrust: 'Full mutual trust', sharedUserBase: 'Shared user base', sysadminOnRemote: 'Sysadmin on the remote',
};

/** The severity badge of a finding (one class, sev-high, styled by [class|=sev]). */
export const severityHtml = (s: string | null) => (s ? `<b class="sev-${escapeHtml(s)}">${escapeHtml(s)}</b>` : 'none');

// A finding's triage under it, only where a decision was recorded: a column of "Open" on every
// undecided finding cost a 10,000-link HTML report half a megabyte and a full PDF some 45 pages.
const triageHtml = (triage: FindingTriage) => (triage.decision ? `<br><span class="triage${triage.expired ? ' expired' : ''}">Triage: ${escapeHtml(triageCellText(triage))}</span>` : '');

const settingsText = (settings: NonNullable<Verdict['settings']>) => {
  const end = (d: NonNullable<Verdict['settings']>['local']) => `outgoing ${directionText(d.outgoing)}, incoming ${directionText(d.incoming)}`;
  return `Local: ${end(settings.local)}${settings.remote ? ` · Remote: ${end(settings.remote)}` : ''}`;
};

/**
 * A link's configuration as one compact table: two rows say what two did before (both ends in one, the
 * authentication in use at both ends in one), and the path and OAuth 2.0 readiness go under the
 * recommendation. Every byte here is paid 10,000 times in a large estate's report.
 */
function configurationHtml(l: ReportLink): string {
  const { link } = l.document;
  const { verdict } = l;
  const rows = [
    ['Id', `${escapeHtml(link.id)} · revision ${l.document.revision}, saved ${escapeHtml(l.document.updatedAt)}`],
    ['Ends', `Local: ${escapeHtml(endText(link.local))}<br>Remote: ${escapeHtml(endText(link.remote))}`],
    ['In use (out / in)', `Local: ${escapeHtml(directionText(link.config.local.outgoing))} / ${escapeHtml(directionText(link.config.local.incoming))}<br>Remote: ${escapeHtml(directionText(link.config.remote?.outgoing))} / ${escapeHtml(directionText(link.config.remote?.incoming))}`],
    ['Answers', ANSWER_KEYS.map((k) => `${ANSWER_NAMES[k]}: <b>${answerText(link.answers[k])}</b>`).join(' · ')],
    ['Recommended', `<b>${escapeHtml(RECOMMENDATION_LABELS[verdict.recommended])}</b>${verdict.settings ? ` — ${escapeHtml(verdict.settings.sentence)}` : ''}<br><a href="#path-${l.pathIndex + 1}">Path ${l.pathIndex + 1}</a> · OAuth 2.0: ${escapeHtml(OAUTH2_LABELS[verdict.oauth2.status])}`],
    ...(verdict.settings ? [['Settings', escapeHtml(settingsText(verdict.settings))]] : []),
    ...(verdict.documentedDeprecation ? [['Documented (Confluence 5.0) path', `${escapeHtml(pathText(DOCUMENTED_CHART, verdict.documented.path, verdict.documented.steps))} — deprecated: ${escapeHtml(verdict.documentedDeprecation)}`]] : []),
    ...(link.notes ? [['Notes', escapeHtml(link.notes)]] : []),
  ];
  return `<table class="kv">${rows.map(([th, td]) => `<tr><th>${th}</th><td>${td}</td></tr>`).join('')}</table>`;
}

// The findings as a list, not a five-column table: full-width lines print in half the height of
// narrow columns, and a header row per link was 100 bytes of 10,000 links.
function findingsHtml(l: ReportLink, why: FindingExplanations): string {
  if (!l.verdict.findings.length) return '<p>No findings.</p>';
  const items = l.verdict.findings.map((f, i) => `<li>${severityHtml(f.severity)} ${escapeHtml(f.rule)} <b>${escapeHtml(f.title)}</b>${why.linkHtml(f)}<br>${escapeHtml(f.remedy)} <span class="muted">${escapeHtml(f.sources.join(', '))}</span>${triageHtml(l.triage[i]!)}</li>`);
  return `<ul class="findings">${items.join('')}</ul>`;
}

function checklistsHtml(l: ReportLink, includeItems: boolean): string {
  return l.checklists.map((c) => {
    if (c.view.locked) return `<h4>${escapeHtml(c.view.title)}: planned, blocked</h4><p>${escapeHtml(c.view.locked.reason)} <span class="muted">Sources: ${escapeHtml(c.view.locked.sources.join(', ') || 'none')}</span></p>`;
    const rows = includeItems && c.state ? c.view.sections.flatMap((sec) => sec.items).filter((item) => c.state?.items[item.id]).map((item) => {
      const state = c.state!.items[item.id]!;
      const who = state.by || state.at ? ` (${escapeHtml([state.by, state.at].filter(Boolean).join(', '))})` : '';
      const detail = [state.note ? escapeHtml(state.note) : '', state.evidence ? `<pre>${escapeHtml(state.evidence.slice(0, 2000))}</pre>` : '', state.override ? `Override: ${escapeHtml(state.override)}` : ''].filter(Boolean).join('<br>');
      return `<tr><td>${escapeHtml(item.text)} <span class="muted">(${escapeHtml(item.sources.join(', '))})</span></td><td>${escapeHtml(state.status ?? 'open')}${who}</td><td>${detail || '—'}</td></tr>`;
    }) : [];
    const items = rows.length ? `<table><thead><tr><th>Item</th><th>State</th><th>Note and evidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
    return `<h4>${escapeHtml(c.view.title)}: ${c.done} of ${c.required} required items done${c.closed ? ', closed' : ''}</h4>${items}`;
  }).join('');
}

function historyHtml(l: ReportLink): string {
  if (!l.history.length) return '';
  const rows = l.history.map((h) => `<tr><td>${h.revision}</td><td>${escapeHtml(h.savedAt)}</td><td>${escapeHtml([h.event, h.fields.join(', ')].filter(Boolean).join(' — ') || 'first saved')}</td></tr>`);
  return `<h4>History</h4><table><thead><tr><th>Revision</th><th>Saved</th><th>What changed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** One link's section of the full HTML report, with the parts chosen. */
export function linkSectionHtml(l: ReportLink, report: Report, shown: ReadonlySet<ReportSection>, why: FindingExplanations): string {
  const { link } = l.document;
  return `<section class="link" id="link-${escapeHtml(link.id)}"><h3>${escapeHtml(link.name)}</h3>${shown.has('links') ? configurationHtml(l) : ''}`
    + `${shown.has('findings') ? findingsHtml(l, why) : ''}${shown.has('checklists') ? checklistsHtml(l, report.meta.includeChecklists) : ''}${shown.has('history') ? historyHtml(l) : ''}</section>`;
}

/** CSS of the link sections: the configuration's labels in a narrow column, findings as full-width lines. */
export const LINK_SECTION_CSS = `
table.kv th{width:9.5rem;font-weight:600}ul.findings{list-style:none;padding:0;margin:.3rem 0}ul.findings li{padding:.2rem 0;border-top:1px solid #dcdfe4}ul.findings li:first-child{border-top:0}
@media print{tr,ul.findings li{break-inside:avoid}.link table.kv th{width:7.5rem}}
`;
