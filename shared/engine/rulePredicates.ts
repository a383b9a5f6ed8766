import type { RuleId } from '../guidance/rules.ts';
import type { Link } from '../model/link.ts';
import type { Recommendation } from '../guidance/flowcharts.ts';
import type { UpdatePath } from '../guidance/updatePaths.ts';
import { UPDATE_PATHS } from '../guidance/updatePaths.ts';
import {
  APPLINKS_52_UNDOCUMENTED_FROM, APPLINKS_MINIMUM_COMPATIBLE, CROWD_WITHOUT_TRUSTED_APPS_FROM, FIRST_WITH_APPLINKS_52,
  JIRA_TRUSTED_APPS_MAY_BE_GONE_FROM,
} from '../guidance/versionThresholds.ts';
import { isHttps, type DirectionFacts, type LinkFacts } from './linkFacts.ts';
import { productName, type OAuth2Readiness } from './oauth2Readiness.ts';
import { reconcileEnds } from './reconcileEnds.ts';
import { compareVersions } from './version.ts';
import type { ChartWalk } from './walkChart.ts';

/** What a predicate sees: the link and everything the engine worked out before the rules. */
export interface RuleContext {
  link: Link;
  // The link's parts, read once: links come in many shapes (optional fields), so reading them from one
  // context object keeps the predicates' property loads monomorphic.
  errorType: string | undefined;
  system: boolean;
  answers: Link['answers'];
  observations: NonNullable<Link['observations']> | undefined;
  features: NonNullable<Link['features']> | undefined;
  facts: LinkFacts;
  walk: ChartWalk;
  recommendation: Recommendation;
  updatePath: UpdatePath['path'] | null;
  oauth2: OAuth2Readiness;
}

/** A rule that fires, with what is specific to this link. */
export interface RuleHit {
  /** One of the rule's variants (guidance/rules.ts), for a case its default words do not fit. */
  variant?: string;
  /** A function when the text takes work to build: it is called only if the message is read. */
  detail?: string | ((context: RuleContext) => string);
  /** Overrides the rule's code, e.g. Atlassian's status code for R06/R07. */
  code?: string;
}

type Predicate = (context: RuleContext) => RuleHit | null;

const HIT: RuleHit = Object.freeze({});
const hit = (detail?: RuleHit['detail'], code?: string): RuleHit => (detail === undefined && code === undefined ? HIT : { detail, code });
// Hits are shared: a detail that takes work is a function of the context (called when the message is read),
// so the same variant, detail function and code give the same hit object for every link.
const SHARED_HITS = new Map<string | undefined, Map<RuleHit['detail'], Map<string | undefined, RuleHit>>>();
const variant = (name: string | undefined, detail?: RuleHit['detail'], code?: string): RuleHit => {
  if (typeof detail === 'string') return { variant: name, detail, code };
  let byDetail = SHARED_HITS.get(name);
  if (!byDetail) SHARED_HITS.set(name, (byDetail = new Map()));
  let byCode = byDetail.get(detail);
  if (!byCode) byDetail.set(detail, (byCode = new Map()));
  let shared = byCode.get(code);
  if (!shared) byCode.set(code, (shared = Object.freeze({ variant: name, detail, code })));
  return shared;
};
const answeredNo = (walk: ChartWalk, node: string) => walk.steps.some((s) => s.node === node && s.answer === 'no');
const errorIs = (context: RuleContext, type: string) => context.errorType === type;
const errorIn = (context: RuleContext, types: ReadonlySet<string>) => context.errorType !== undefined && types.has(context.errorType);
const NON_ATLASSIAN_STATUS = new Set(['GENERIC_LINK', 'NON_ATLASSIAN']);
const NETWORK_STATUS = new Set(['UNKNOWN_HOST', 'CONNECTION_REFUSED', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED']);
const TOKEN_STATUS = new Set(['LOCAL_AUTH_TOKEN_REQUIRED', 'REMOTE_AUTH_TOKEN_REQUIRED', 'INSUFFICIENT_REMOTE_PERMISSION']);
const UNEXPECTED_STATUS = new Set(['UNEXPECTED_RESPONSE', 'UNEXPECTED_RESPONSE_STATUS']);

/**
 * Which words a remedy-bearing rule uses, so that no verdict contradicts itself (issue 15 point 13): a
 * system link is left alone, a remote without Application Links never gets impersonation or an OAuth
 * update, and a one-way recommendation removes authentication instead of repairing it.
 */
function adviceVariant({ system, facts, recommendation }: RuleContext, withSystem: boolean): string | undefined {
  if (withSystem && system) return 'system';
  if (!facts.bothEndsAtlassianWithApplinks || recommendation === 'EXTERNAL') return 'external';
  if (recommendation === 'NONE') return 'oneWay';
  return undefined;
}

const oneWay = ({ recommendation }: RuleContext) => (recommendation === 'NONE' ? 'oneWay' : undefined);

/** Where the legacy type is configured, the update path, and what the versions say about it. */
function legacyDetail(context: RuleContext, kind: 'trustedApps' | 'basic'): string {
  const { facts, updatePath, link } = context;
  const where: string[] = [];
  for (const [end, ef] of [['local', facts.local], ['remote', facts.remote]] as const) {
    if (!ef) continue;
    if (ef.outgoing[kind]) where.push(`${end} outgoing`);
    if (ef.incoming[kind]) where.push(`${end} incoming`);
  }
  const parts = where.length > 0 ? [`Configured on: ${where.join(', ')}.`] : [];
  if (facts.legacyStatusPath !== null && where.length === 0) parts.push(`Reported by the link status (${link.status?.errorType}).`);
  if (updatePath) parts.push(`Update path ${updatePath}: ${UPDATE_PATHS[updatePath].name}.`);
  parts.push(...applinks52Notes(context));
  return parts.join(' ');
}

/** Issue 15 point 8: below Applinks 5.2 there is no DEPRECATED lozenge and no update flow; say when there will be. */
function applinks52Notes({ link, facts, recommendation }: RuleContext): string[] {
  if (recommendation === 'NONE' || recommendation === 'EXTERNAL' || link.system) return [];
  const end = link.local;
  const name = productName(end.product);
  const first = FIRST_WITH_APPLINKS_52[end.product];
  if (facts.localApplinks52 === false) {
    const when = first ? `${name} ${first}` : 'Confluence 5.10, Jira 7.2, Bitbucket 4.7 and FishEye/Crucible 4.2';
    return [`This end runs Application Links older than 5.2 (${end.applinksVersion ? `Applinks ${end.applinksVersion}` : `${name} ${end.version}`}): no DEPRECATED lozenge and no update paths yet. Configure OAuth by hand in the old screens and tick "Allow 2-legged OAuth", or upgrade first: the link shows DEPRECATED from Applinks 5.2 (shipped from ${when}).`];
  }
  if (facts.localApplinks52 === null) {
    if (!end.version) return ['The local Applinks and product versions are unknown: the update paths assume Applinks 5.2 or later.'];
    const undocumented = APPLINKS_52_UNDOCUMENTED_FROM[end.product];
    const reason = undocumented ? `open question Q7: ${name}'s first release with Applinks 5.2 is not documented` : `the sources do not map ${name} versions to Applinks versions`;
    return [`Caveat: whether ${name} ${end.version} ships Applinks 5.2 (DEPRECATED lozenge, update paths) is unknown (${reason}); check the Applinks version in its manifest.`];
  }
  return [];
}

function legacyCode({ facts, link, updatePath }: RuleContext): string | undefined {
  // Atlassian's own code is shown as written (issue 15 point 6); otherwise the code of the path worked out.
  if (facts.legacyStatusPath !== null) return link.status?.errorType;
  return updatePath ? UPDATE_PATHS[updatePath].errorType : undefined;
}

/** R06's detail: where, the path, and what the products say about Trusted Apps (Crowd only when Crowd is an end). */
function trustedAppsDetail(context: RuleContext): string {
  const { link } = context;
  const extra: string[] = [];
  for (const end of [link.local, link.remote]) {
    if (end.product === 'crowd' && (!end.version || compareVersions(end.version, CROWD_WITHOUT_TRUSTED_APPS_FROM) >= 0)) {
      extra.push(end.version
        ? `Crowd ${end.version} does not support Trusted Applications at all (dropped in Crowd 2.11): this link is broken by design.`
        : 'Crowd 2.11 and later do not support Trusted Applications at all: this link is broken by design unless Crowd is older.');
    }
    if ((end.product === 'jira' || end.product === 'jsm') && end.version && compareVersions(end.version, JIRA_TRUSTED_APPS_MAY_BE_GONE_FROM) >= 0) {
      extra.push(`Trusted Applications may not work at all on Jira ${end.version} (third-party report, open question Q5).`);
    }
  }
  const detail = legacyDetail(context, 'trustedApps');
  return extra.length ? `${detail} ${extra.join(' ')}` : detail;
}

// Details built only when a message is read (static functions of the context: no closure per link).
function riskyAuthTextOf({ facts }: RuleContext): string {
  return riskyAuthText(facts);
}
const trustedAppsStatusDetail = (context: RuleContext) => legacyDetail(context, 'trustedApps');
const basicDetail = (context: RuleContext) => legacyDetail(context, 'basic');
function mismatchDetail({ link }: RuleContext): string {
  const mismatches = reconcileEnds(link.config.local, link.config.remote!).filter((m) => m.aspects.some((a) => a === 'oauthLevel' || a === 'oauth2'));
  return 'Differences: ' + mismatches.map((m) => `local ${m.localSide} (${m.local.oauth}${m.local.oauth2 ? ' + OAuth 2.0' : ''}) ≠ remote ${m.remoteSide} (${m.remote.oauth}${m.remote.oauth2 ? ' + OAuth 2.0' : ''})`).join('; ') + '.';
}
const plainHttpDetail = ({ link }: RuleContext) => `Plain HTTP: ${[link.local, link.remote].filter((end) => isHttps(end) === false).map((end) => end.baseUrl).join(', ')}.`;
function cveDetail({ link, facts }: RuleContext): string {
  const ends = [facts.localInfo.cve2019_15011 ? `local Applinks ${link.local.applinksVersion}` : '', facts.remoteInfo.cve2019_15011 ? `remote Applinks ${link.remote.applinksVersion}` : ''];
  return `${ends.filter(Boolean).join(', ')} is affected.`;
}
const broadScopesDetail = ({ observations }: RuleContext) => `Scopes: ${(observations?.oauth2IncomingScopes ?? []).filter(isBroadScope).join(', ')}.`;
const remoteTooOldDetail = ({ link }: RuleContext) => `Remote Applinks ${link.remote.applinksVersion} is older than ${APPLINKS_MINIMUM_COMPATIBLE}.`;
const eraMismatchDetail = ({ link }: RuleContext) => `Applinks ${link.local.applinksVersion} and ${link.remote.applinksVersion} cannot link to each other.`;

/** The mirror rule compares the OAuth {enabled, 2LO, 2LOi} triple and OAuth 2.0 (domain §4 rule 2). */
const BROAD_SCOPES = new Set(['ADMIN', 'SYSTEM_ADMIN', 'READ_ALL']);
const isBroadScope = (scope: string) => BROAD_SCOPES.has(scope) || BROAD_SCOPES.has(scope.toUpperCase());

const differs = (a: DirectionFacts, b: DirectionFacts) => a.oauth !== b.oauth || a.oauth2 !== b.oauth2;

function openIpPatterns(patterns: string): boolean {
  const entries = patterns.split(/[\s,]+/).filter(Boolean);
  return entries.length === 0 || entries.some((p) => /^[*.:]+$/.test(p));
}

/** What of OAuth 1.0a and Trusted Apps is configured, in words, for the "no trust" finding. */
function riskyAuthText(facts: LinkFacts): string {
  const kinds: string[] = [];
  if (facts.usesImpersonation) kinds.push('2LO with impersonation');
  if (facts.directions.some((d) => d.oauth === 'OAUTH' || d.oauth === 'OAUTH_IMP')) kinds.push('2LO');
  if (facts.usesOAuth1) kinds.push('3LO');
  if (facts.usesTrustedApps) kinds.push('Trusted Applications');
  return `Configured today: ${kinds.join(', ')}.`;
}

export const RULE_PREDICATES: Readonly<Record<RuleId, Predicate>> = {
  R01: ({ walk, recommendation }) => (recommendation === 'NONE' && answeredNo(walk, 'Q_ADMIN') ? HIT : null),
  R02: ({ answers, walk, facts, recommendation }) => {
    if (answers.mutualTrust === false && (facts.usesOAuth1 || facts.usesTrustedApps)) return variant('configured', riskyAuthTextOf);
    return recommendation === 'NONE' && answeredNo(walk, 'Q_TRUST') ? HIT : null;
  },
  R03: ({ recommendation, system }) => (recommendation === 'OAUTH_IMPERSONATION' && !system ? HIT : null),
  R04: ({ recommendation, system }) => (recommendation === 'OAUTH' && !system ? HIT : null),
  R05: ({ recommendation, system, observations, facts }) => {
    if (recommendation !== 'EXTERNAL' || system) return null;
    if (facts.externalOAuth2Client) return hit('This end is the OAuth 2.0 client of an external service (an outgoing OAuth 2.0 link): keep it.');
    const user = observations?.twoLoExecutingUser;
    const twoLo = facts.local.incoming.oauth === 'OAUTH' || facts.local.incoming.oauth === 'OAUTH_IMP';
    return twoLo && user ? hit(`Today 2LO runs every incoming request as "${user}", whoever the real user is.`) : HIT;
  },
  R06: (context) => {
    const { facts } = context;
    if (!facts.usesTrustedApps) {
      if (facts.legacyStatusPath === null || facts.usesBasic) return null;
      const v = adviceVariant(context, true);
      return variant(v ?? 'statusOnly', trustedAppsStatusDetail, legacyCode(context));
    }
    return variant(adviceVariant(context, true), trustedAppsDetail, legacyCode(context));
  },
  R07: (context) => (context.facts.usesBasic ? variant(adviceVariant(context, true), basicDetail, legacyCode(context)) : null),
  R08: ({ observations, answers, facts }) =>
    facts.usesImpersonation && answers.sharedUserBase === false && observations?.autoMigratedFromTrustedApps ? HIT : null,
  R09: (context) => {
    const { facts } = context;
    // Atlassian's status check stops at GENERIC_LINK / NON_ATLASSIAN (and an incompatible remote) before
    // the 3LO-only check: never tell an external consumer to enable 2LO (issue 15 point 2).
    if (!facts.bothEndsAtlassianWithApplinks || errorIn(context, NON_ATLASSIAN_STATUS)) return null;
    return facts.directions.some((d) => d.oauth === 'OAUTH_3LO_ONLY') ? variant(oneWay(context)) : null;
  },
  R10: (context) => {
    const { facts } = context;
    const { local, remote } = facts;
    if (remote && (differs(local.incoming, remote.outgoing) || differs(local.outgoing, remote.incoming))) {
      return variant(oneWay(context), mismatchDetail);
    }
    return errorIs(context, 'AUTH_LEVEL_MISMATCH') ? variant(oneWay(context), 'Reported by the link status (AUTH_LEVEL_MISMATCH).') : null;
  },
  R11: ({ answers, facts }) => (facts.usesImpersonation && answers.sharedUserBase === false ? HIT : null),
  R12: ({ facts }) => (facts.usesImpersonation && !facts.bothEndsAtlassianWithApplinks ? HIT : null),
  R13: ({ features, facts, recommendation }) => {
    if (!features?.includes('devPanel')) return null;
    const ends = facts.remote ? [facts.local, facts.remote] : [facts.local];
    const twoWay = ends.every((e) => [e.outgoing, e.incoming].every((d) => d.oauth === 'OAUTH' || d.oauth === 'OAUTH_IMP'));
    if (!twoWay) return hit('Today the link does not have 3LO and 2LO in both directions.');
    if (recommendation === 'OAUTH2') return hit('The OAuth 2.0 target has no documented 2LO equivalent (open question Q3): test the panel before removing OAuth 1.0a.');
    if (recommendation === 'NONE') return hit('The recommended one-way link would remove the development panel.');
    return null;
  },
  R14: (context) => {
    const { features, facts } = context;
    return facts.usesBasic && (features?.includes('gadgets') || features?.includes('jiraIssuesMacro')) ? variant(oneWay(context)) : null;
  },
  R15: (context) => {
    if (!context.observations?.usersRepeatedlyPrompted) return null;
    const v = adviceVariant(context, false);
    return variant(v);
  },
  R16: ({ link, facts, recommendation }) => {
    const localHttps = isHttps(link.local);
    const remoteHttps = isHttps(link.remote);
    if (localHttps !== false && remoteHttps !== false) return null;
    if (facts.usesBasic) return variant('basic', plainHttpDetail);
    const configuring = facts.usesTrustedApps || facts.usesOAuth1 || facts.usesOAuth2 || (recommendation !== 'NONE' && recommendation !== 'UNDETERMINED');
    return configuring ? variant(undefined, plainHttpDetail) : null;
  },
  R17: ({ observations, facts }) => {
    const patterns = observations?.taIpPatterns;
    if (!facts.usesTrustedApps || patterns === undefined || facts.remoteInfo.hasApplinks || !openIpPatterns(patterns)) return null;
    return facts.remoteInfo.hasApplinks ? null : hit(`IP patterns: "${patterns || '(blank)'}".`);
  },
  R18: ({ observations, facts }) => (facts.usesTrustedApps && observations?.clusteredOrProxied ? HIT : null),
  R19: ({ observations, facts }) => (facts.usesTrustedApps && observations?.certificateTooOld ? HIT : null),
  R20: ({ oauth2, facts, system }) =>
    oauth2.status === 'eligible' && !system && !facts.directions.every((d) => d.oauth2 && d.oauth === 'DISABLED') ? HIT : null,
  // Not for products that never get OAuth 2.0 product links (FishEye/Crucible, Generic): nothing to plan (issue 15 point 13).
  R21: ({ oauth2, facts, system }) =>
    facts.bothEndsAtlassianWithApplinks && !system && oauth2.status !== 'eligible' && !oauth2.productUnsupported
      ? variant(oauth2.status === 'unconfirmed' ? 'unconfirmed' : undefined, oauth2.text) : null,
  R22: (context) => {
    const { localInfo, remoteInfo } = context.facts;
    if (remoteInfo.applinksEra === 'incompatible') return variant(undefined, remoteTooOldDetail);
    if ((localInfo.applinksEra === 'before-4.2' && remoteInfo.applinksEra === '5.0+') || (remoteInfo.applinksEra === 'before-4.2' && localInfo.applinksEra === '5.0+')) {
      return variant(undefined, eraMismatchDetail);
    }
    return errorIs(context, 'REMOTE_VERSION_INCOMPATIBLE') ? hit('Reported by the link status.') : null;
  },
  R23: (context) => (context.system || errorIs(context, 'SYSTEM_LINK') ? HIT : null),
  R24: (context) => (errorIn(context, NETWORK_STATUS) ? variant(context.errorType) : null),
  R25: (context) => (errorIs(context, 'OAUTH_SIGNATURE_INVALID') ? HIT : null),
  R26: (context) => (errorIs(context, 'OAUTH_TIMESTAMP_REFUSED') ? HIT : null),
  R27: (context) => (errorIs(context, 'NO_REMOTE_APPLINK') ? HIT : null),
  R28: (context) => (errorIn(context, TOKEN_STATUS) ? hit(`Status: ${context.errorType}.`) : null),
  R29: ({ facts }) => (facts.localInfo.cve2019_15011 || facts.remoteInfo.cve2019_15011 ? variant(undefined, cveDetail) : null),
  R30: ({ observations }) => {
    const scopes = observations?.oauth2IncomingScopes;
    if (!scopes || !scopes.some(isBroadScope)) return null;
    return variant(undefined, broadScopesDetail);
  },
  R31: (context) => (errorIs(context, 'OAUTH_PROBLEM') ? HIT : null),
  R32: (context) => (errorIn(context, UNEXPECTED_STATUS) ? hit(undefined, context.errorType) : null),
  R33: (context) => (errorIs(context, 'DISABLED') ? variant(oneWay(context)) : null),
  R34: (context) => (errorIs(context, 'NO_OUTGOING_AUTH') ? variant(oneWay(context)) : null),
  R35: (context) => (errorIs(context, 'UNKNOWN') ? HIT : null),
};
