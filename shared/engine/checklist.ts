import { CHECKLIST_SECTIONS, CHECKLISTS, type ChecklistItem, type ChecklistSection, type ItemCondition } from '../guidance/checklists.ts';
import type { ChecklistId } from '../guidance/updatePaths.ts';
import type { ChecklistState, VerdictSummary } from '../model/checklistState.ts';
import type { Link } from '../model/link.ts';
import type { Verdict } from './assessLink.ts';
import { linkFacts, type LinkFacts } from './linkFacts.ts';

/** A checklist as it applies to one link: only the items whose conditions hold. */
export interface ChecklistView {
  id: ChecklistId;
  title: string;
  summary: string;
  updatePath: Verdict['updatePath'];
  /** Why the checklist cannot be started yet, with sources; null when it is open. */
  locked: { reason: string; sources: string[] } | null;
  sections: Array<{ section: ChecklistSection; items: ChecklistItem[] }>;
}

function holds(condition: ItemCondition | undefined, link: Link, verdict: Verdict, facts: LinkFacts): boolean {
  if (!condition) return true;
  const c = condition;
  if (c.updatePaths && (verdict.updatePath === null || !c.updatePaths.includes(verdict.updatePath))) return false;
  if (c.usesTrustedApps !== undefined && facts.usesTrustedApps !== c.usesTrustedApps) return false;
  if (c.sharedUserBase !== undefined && (link.answers.sharedUserBase === true) !== c.sharedUserBase) return false;
  if (c.clusteredOrProxied !== undefined && (link.observations?.clusteredOrProxied === true) !== c.clusteredOrProxied) return false;
  if (c.anyThreeLoOnly !== undefined && facts.directions.some((d) => d.oauth === 'OAUTH_3LO_ONLY') !== c.anyThreeLoOnly) return false;
  if (c.features && !c.features.some((f) => link.features?.includes(f))) return false;
  return true;
}

function view(id: ChecklistId, link: Link, verdict: Verdict, facts: LinkFacts, locked: ChecklistView['locked']): ChecklistView {
  const checklist = CHECKLISTS[id];
  const items = checklist.items.filter((item) => holds(item.when, link, verdict, facts));
  return {
    id, title: checklist.title, summary: checklist.summary, updatePath: id === 'ta-to-oauth' ? verdict.updatePath : null, locked,
    sections: CHECKLIST_SECTIONS.map((section) => ({ section, items: items.filter((i) => i.section === section) })),
  };
}

/**
 * The migration checklists shown for a link. `ta-to-oauth` when a legacy update path applies;
 * `oauth-to-oauth2` open when both ends are eligible for OAuth 2.0, locked (with the reasons) when the
 * link runs OAuth 1.0a between Atlassian products that are not, or not yet confirmed, eligible.
 */
export function checklistsFor(link: Link, verdict: Verdict): ChecklistView[] {
  const facts = linkFacts(link);
  const views: ChecklistView[] = [];
  if (verdict.checklists.includes('ta-to-oauth')) views.push(view('ta-to-oauth', link, verdict, facts, null));
  if (verdict.checklists.includes('oauth-to-oauth2')) {
    views.push(view('oauth-to-oauth2', link, verdict, facts, null));
  } else if (!link.system && facts.usesOAuth1 && facts.bothEndsAtlassianWithApplinks) {
    const unconfirmed = verdict.oauth2.status === 'unconfirmed';
    views.push(view('oauth-to-oauth2', link, verdict, facts, {
      reason: `${unconfirmed ? 'Eligibility is unconfirmed' : 'Not possible yet'}: ${verdict.oauth2.blockers.map((b) => b.message).join(' ')}`,
      sources: [...new Set(verdict.oauth2.blockers.flatMap((b) => b.sources))],
    }));
  }
  return views;
}

/** Required items (not optional) and how many are done or not applicable. */
export function checklistProgress(checklist: ChecklistView, state: ChecklistState | undefined): { done: number; required: number; complete: boolean } {
  const required = checklist.sections.flatMap((s) => s.items).filter((i) => !i.optional);
  const done = required.filter((i) => {
    const status = state?.items[i.id]?.status;
    return status === 'done' || status === 'not-applicable';
  }).length;
  return { done, required: required.length, complete: checklist.locked === null && done === required.length };
}

/** What a report needs of a verdict to show a before/after change. */
export function summariseVerdict(verdict: Verdict): VerdictSummary {
  return {
    recommended: verdict.recommended,
    worstSeverity: verdict.worstSeverity,
    findings: verdict.findings.map((f) => ({ rule: f.rule, severity: f.severity })),
  };
}

/** The configuration a migration ends in: OAuth 1.0a at the level the user bases allow, or OAuth 2.0. */
export function migrationTarget(link: Link, checklistId: ChecklistId): 'OAUTH' | 'OAUTH_IMPERSONATION' | 'OAUTH2' {
  if (checklistId === 'oauth-to-oauth2') return 'OAUTH2';
  return link.answers.sharedUserBase === true ? 'OAUTH_IMPERSONATION' : 'OAUTH';
}
