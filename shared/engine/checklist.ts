import { CHECKLIST_SECTIONS, CHECKLISTS, type ChecklistItem, type ChecklistSection, type ItemCondition } from '../guidance/checklists.ts';
import type { ChecklistId } from '../guidance/updatePaths.ts';
import type { ChecklistState, VerdictSummary } from '../model/checklistState.ts';
import type { Link } from '../model/link.ts';
import { assessLink, type Verdict } from './assessLink.ts';
import { CURRENT_CHART } from '../guidance/flowcharts.ts';
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
  if (c.oauthMismatch !== undefined && verdict.findings.some((f) => f.rule === 'R10') !== c.oauthMismatch) return false;
  if (c.usesBasic !== undefined && facts.usesBasic !== c.usesBasic) return false;
  if (c.basicWithoutTrustedApps !== undefined && facts.directions.some((d) => d.basic && !d.trustedApps) !== c.basicWithoutTrustedApps) return false;
  if (c.beforeApplinks52 !== undefined && (facts.localApplinks52 === false && verdict.updatePath === null) !== c.beforeApplinks52) return false;
  if (c.oauth2Next !== undefined && (verdict.recommended === 'OAUTH2') !== c.oauth2Next) return false;
  if (c.legacy !== undefined && facts.legacy !== c.legacy) return false;
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
 * The migration checklists shown for a link. `ta-to-oauth` when Trusted Apps or Basic has to go and the
 * target is OAuth; `oauth-to-oauth2` open when the recommendation is OAuth 2.0 (both ends eligible, every
 * question answered), locked (with the reasons) when the link runs OAuth 1.0a between Atlassian products
 * that are not, or not yet confirmed, eligible, or a question that decides the target is unanswered.
 * Every checklist is locked while a NETWORK ERROR-category status blocks verification (issue 15 point 4).
 */
export function checklistsFor(link: Link, verdict: Verdict): ChecklistView[] {
  const facts = linkFacts(link);
  const blocked: ChecklistView['locked'] = verdict.blockedBy && {
    reason: `Blocked by ${verdict.blockedBy.code} (${verdict.blockedBy.rule}): ${verdict.blockedBy.title}. ${verdict.blockedBy.remedy}`,
    sources: verdict.blockedBy.sources,
  };
  const views: ChecklistView[] = [];
  if (verdict.checklists.includes('ta-to-oauth')) views.push(view('ta-to-oauth', link, verdict, facts, blocked));
  if (verdict.checklists.includes('oauth-to-oauth2')) {
    views.push(view('oauth-to-oauth2', link, verdict, facts, blocked));
  } else if (!link.system && (facts.usesOAuth1 || facts.legacy) && facts.bothEndsAtlassianWithApplinks && verdict.recommended !== 'NONE') {
    const pending = verdict.pendingQuestion === null ? null : CURRENT_CHART.nodes.find((n) => n.id === verdict.pendingQuestion);
    if (verdict.oauth2.status === 'eligible' && pending?.kind === 'decision') {
      // Issue 15 point 14: the OAuth 2.0 checklist does not open while, e.g., mutual trust is unanswered.
      views.push(view('oauth-to-oauth2', link, verdict, facts, blocked ?? { reason: `Answer "${pending.question}" (${pending.id}) first: the target depends on it.`, sources: pending.sources }));
    } else if (verdict.oauth2.status !== 'eligible' && !verdict.oauth2.productUnsupported) {
      const unconfirmed = verdict.oauth2.status === 'unconfirmed';
      views.push(view('oauth-to-oauth2', link, verdict, facts, blocked ?? {
        reason: `${unconfirmed ? 'Eligibility is unconfirmed' : 'Not possible yet'}: ${verdict.oauth2.text}`,
        sources: [...new Set(verdict.oauth2.blockers.flatMap((b) => b.sources))],
      }));
    }
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

/**
 * The configuration a migration ends in: OAuth 1.0a at the level the user bases allow, or OAuth 2.0. On
 * the automatic path the update produces impersonation for Trusted Apps and plain OAuth for Basic
 * (domain §7, CODE-RemoteMigration); until the checklist step that changes the level is done, that is
 * what is recorded (issue 15 point 11).
 */
export function migrationTarget(link: Link, checklistId: ChecklistId, state?: ChecklistState): 'OAUTH' | 'OAUTH_IMPERSONATION' | 'OAUTH2' {
  if (checklistId === 'oauth-to-oauth2') return 'OAUTH2';
  const wanted = link.answers.sharedUserBase === true ? 'OAUTH_IMPERSONATION' : 'OAUTH';
  const verdict = assessLink(link);
  const view = checklistsFor(link, verdict).find((c) => c.id === checklistId);
  const items = new Set(view?.sections.flatMap((s) => s.items.map((i) => i.id)) ?? []);
  const done = (id: string) => state?.items[id]?.status === 'done';
  if (items.has('ta-step-raise-imp') && !done('ta-step-raise-imp')) return 'OAUTH';
  if (items.has('ta-step-downgrade-imp') && !done('ta-step-downgrade-imp')) return 'OAUTH_IMPERSONATION';
  return wanted;
}
