import type { Verdict } from '../../../../shared/engine/assessLink.ts';
import { checklistProgress, checklistsFor } from '../../../../shared/engine/checklist.ts';
import { productShortName } from '../../../../shared/engine/oauth2Readiness.ts';
import { SEVERITIES, type Severity } from '../../../../shared/guidance/rules.ts';
import type { AssessmentDocument } from '../../../../shared/model/assessmentDocument.ts';
import type { AuthToken, Link } from '../../../../shared/model/link.ts';
import { TOKEN_SHORT } from '../../../../shared/present/labels.ts';
import type { AuthFilter, InventoryFilters } from '../../state/ui.ts';
import { verdictOf } from '../../state/verdicts.ts';

/** One inventory row: the link, its verdict and the derived cells the table sorts and filters on. */
export interface InventoryRow {
  id: string;
  name: string;
  link: Link;
  verdict: Verdict;
  local: string;
  remote: string;
  outgoing: string;
  incoming: string;
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

const endText = (end: Link['local']) => `${productShortName(end.product)}${end.version ? ` ${end.version}` : ''}`;
const short = (tokens: readonly AuthToken[]) => (tokens.length ? tokens.map((t) => TOKEN_SHORT[t]).join(' + ') : 'None');

export function toRow(document: AssessmentDocument): InventoryRow {
  const { link } = document;
  const verdict = verdictOf(link);
  return {
    id: link.id,
    name: link.name,
    link,
    verdict,
    local: endText(link.local),
    remote: endText(link.remote),
    outgoing: short(link.config.local.outgoing),
    incoming: short(link.config.local.incoming),
    severityRank: verdict.worstSeverity ? SEVERITIES.indexOf(verdict.worstSeverity) : SEVERITIES.length,
    updatedAt: document.updatedAt,
    checklistText: checklistText(document, verdict),
    searchText: [link.name, link.id, link.local.product, link.remote.product, link.local.baseUrl, link.remote.baseUrl, link.notes]
      .filter(Boolean).join('\n').toLowerCase(),
  };
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

/** Applies the inventory filters. */
export function filterRows(rows: readonly InventoryRow[], filters: InventoryFilters): InventoryRow[] {
  const text = filters.text.trim().toLowerCase();
  return rows.filter((row) =>
    (!text || row.searchText.includes(text)) &&
    (!filters.product || row.link.local.product === filters.product || row.link.remote.product === filters.product) &&
    (!filters.severity || row.verdict.worstSeverity === filters.severity) &&
    (!filters.auth || usesAuth(row.link, filters.auth)) &&
    (!filters.readiness || row.verdict.oauth2.status === filters.readiness) &&
    (!filters.recommendation || row.verdict.recommended === filters.recommendation));
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
