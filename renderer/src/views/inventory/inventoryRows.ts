import type { Verdict } from '../../../../shared/engine/assessLink.ts';
import { checklistProgress, checklistsFor } from '../../../../shared/engine/checklist.ts';
import { productShortName } from '../../../../shared/engine/oauth2Readiness.ts';
import { serverOf } from '../../../../shared/engine/servers.ts';
import { triageCounts, type TriageCounts } from '../../../../shared/engine/triage.ts';
import { SEVERITIES, type Severity } from '../../../../shared/guidance/rules.ts';
import type { AssessmentDocument } from '../../../../shared/model/assessmentDocument.ts';
import type { AuthToken, Link } from '../../../../shared/model/link.ts';
import { findingsText } from '../../../../shared/present/findingsText.ts';
import { TOKEN_SHORT } from '../../../../shared/present/labels.ts';
import { statusLozenge, type LozengeTone } from '../../../../shared/present/linkStatus.ts';
import type { AuthFilter, InventoryFilters, TriageFilter } from '../../state/ui.ts';
import { verdictOf } from '../../state/verdicts.ts';

/** One inventory row: the link, its verdict and the derived cells the table sorts and filters on. */
export interface InventoryRow {
  id: string;
  name: string;
  document: AssessmentDocument;
  link: Link;
  verdict: Verdict;
  local: string;
  remote: string;
  /** Servers as the Servers view names them: the host of each end's base URL, or "(no URL)". */
  localHost: string;
  remoteHost: string;
  outgoing: string;
  incoming: string;
  /** The remote end's authentication "out / in", or "Unknown" when it was not recorded. */
  remoteAuth: string;
  status: { label: string; tone: LozengeTone };
  triage: TriageCounts;
  /** "3 high, 1 accepted" */
  findingsText: string;
  /** Sorts by the worst open finding, then by how many are open. */
  findingsRank: number;
  severityRank: number;
  updatedAt: string;
  /** Progress of the checklists that apply: "3/17", "closed", or "—". */
  checklistText: string;
  searchText: string;
}

function checklistText(document: AssessmentDocument, verdict: Verdict): string {
  if (verdict.checklists.length === 0) {
    const closed = Object.values(document.checklists ?? {}).some((s) => s?.closed);
    return closed ? 'Migrated' : '—';
  }
  return checklistsFor(document.link, verdict)
    .filter((view) => view.locked === null)
    .map((view) => {
      const { done, required } = checklistProgress(view, document.checklists?.[view.id]);
      return `${done}/${required}`;
    })
    .join(', ');
}

// A fleet has a few hundred base URLs over thousands of links: parse each URL once, not once per row.
const servers = new Map<string | undefined, string>();
function serverOfEnd(end: Link['local']): string {
  let server = servers.get(end.baseUrl);
  if (server === undefined) {
    server = serverOf(end);
    if (servers.size > 50_000) servers.clear();
    servers.set(end.baseUrl, server);
  }
  return server;
}

const endText = (end: Link['local']) => `${productShortName(end.product)}${end.version ? ` ${end.version}` : ''}`;
const short = (tokens: readonly AuthToken[]) => (tokens.length ? tokens.map((t) => TOKEN_SHORT[t]).join(' + ') : 'None');

export function toRow(document: AssessmentDocument, today: string): InventoryRow {
  const { link } = document;
  const verdict = verdictOf(link);
  const triage = triageCounts(verdict.findings, link, today);
  const open = SEVERITIES.reduce((sum, s) => sum + triage.open[s], 0);
  return {
    id: link.id,
    name: link.name,
    document,
    link,
    verdict,
    local: endText(link.local),
    remote: endText(link.remote),
    localHost: serverOfEnd(link.local),
    remoteHost: serverOfEnd(link.remote),
    outgoing: short(link.config.local.outgoing),
    incoming: short(link.config.local.incoming),
    remoteAuth: link.config.remote ? `${short(link.config.remote.outgoing)} / ${short(link.config.remote.incoming)}` : 'Unknown',
    status: statusLozenge(link.status),
    triage,
    findingsText: findingsText(triage),
    findingsRank: (triage.worstOpen ? SEVERITIES.indexOf(triage.worstOpen) : SEVERITIES.length) * 1000 - Math.min(open, 999),
    severityRank: verdict.worstSeverity ? SEVERITIES.indexOf(verdict.worstSeverity) : SEVERITIES.length,
    updatedAt: document.updatedAt,
    checklistText: checklistText(document, verdict),
    searchText: [link.name, link.id, link.local.product, link.remote.product, link.local.baseUrl, link.remote.baseUrl, link.notes]
      .filter(Boolean).join('\n').toLowerCase(),
  };
}

// Rows are kept per document object (an edit makes a new one) and day: a large workspace arrives in pages,
// and each page must not build the rows of the pages before it again.
let rowCache = { today: '', rows: new WeakMap<AssessmentDocument, InventoryRow>() };

/** The inventory rows of `documents` as of `today`. */
export function rowsOf(documents: readonly AssessmentDocument[], today: string): InventoryRow[] {
  if (rowCache.today !== today) rowCache = { today, rows: new WeakMap() };
  const { rows } = rowCache;
  return documents.map((document) => {
    let row = rows.get(document);
    if (!row) rows.set(document, (row = toRow(document, today)));
    return row;
  });
}

const ALL_DIRECTIONS = (link: Link) => [link.config.local.outgoing, link.config.local.incoming, link.config.remote?.outgoing ?? [], link.config.remote?.incoming ?? []];

function usesAuth(link: Link, auth: AuthFilter): boolean {
  const directions = ALL_DIRECTIONS(link);
  switch (auth) {
    case 'trustedApps': return directions.some((d) => d.includes('trustedApps'));
    case 'basic': return directions.some((d) => d.includes('basic'));
    case 'oauth': return directions.some((d) => d.includes('oauth3lo') && !d.includes('oauth2loi'));
    case 'impersonation': return directions.some((d) => d.includes('oauth2loi'));
    case 'oauth2': return directions.some((d) => d.includes('oauth2'));
    case 'none': return directions.every((d) => d.length === 0);
  }
}

function hasTriage(counts: TriageCounts, triage: TriageFilter): boolean {
  switch (triage) {
    case 'open': return counts.worstOpen !== null;
    case 'accepted': return counts.acceptedRisk > 0;
    case 'false-positive': return counts.falsePositive > 0;
    case 'pending': return counts.pendingVerification > 0;
    case 'expired': return counts.expired > 0;
  }
}

/** Applies the inventory filters. */
export function filterRows(rows: readonly InventoryRow[], filters: InventoryFilters): InventoryRow[] {
  const text = filters.text.trim().toLowerCase();
  return rows.filter((row) =>
    (!text || row.searchText.includes(text)) &&
    (!filters.product || row.link.local.product === filters.product || row.link.remote.product === filters.product) &&
    (!filters.severity || row.verdict.worstSeverity === filters.severity) &&
    (!filters.auth || usesAuth(row.link, filters.auth)) &&
    (!filters.readiness || row.verdict.oauth2.status === filters.readiness) &&
    (!filters.recommendation || row.verdict.recommended === filters.recommendation) &&
    (!filters.server || row.localHost === filters.server || row.remoteHost === filters.server) &&
    (!filters.triage || hasTriage(row.triage, filters.triage)));
}

/** Counts for the summary at the top of the inventory. */
export function countBy<K extends string>(rows: readonly InventoryRow[], key: (row: InventoryRow) => K | null): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) {
    const value = key(row);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export const severityOf = (row: InventoryRow): Severity | null => row.verdict.worstSeverity;
