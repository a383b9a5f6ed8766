import type { Link } from '../model/link.ts';
import type { Recommendation } from '../guidance/flowcharts.ts';
import type { UpdatePath } from '../guidance/updatePaths.ts';
import { UPDATE_PATHS } from '../guidance/updatePaths.ts';
import {
  APPLINKS_MINIMUM_COMPATIBLE, CROWD_WITHOUT_TRUSTED_APPS_FROM, CVE_2019_15011_RANGES, JIRA_TRUSTED_APPS_MAY_BE_GONE_FROM,
} from '../guidance/versionThresholds.ts';
import { hasApplinks, isHttps, type LinkFacts } from './linkFacts.ts';
import type { OAuth2Readiness } from './oauth2Readiness.ts';
import { reconcileEnds } from './reconcileEnds.ts';
import { compareVersions, versionInRange } from './version.ts';
import type { ChartWalk } from './walkChart.ts';

/** What a predicate sees: the link and everything the engine worked out before the rules. */
export interface RuleContext {
  link: Link;
  facts: LinkFacts;
  walk: ChartWalk;
  recommendation: Recommendation;
  updatePath: UpdatePath['path'] | null;
  oauth2: OAuth2Readiness;
}

/** A rule that fires, with what is specific to this link. */
export interface RuleHit {
  detail?: string;
  /** Overrides the rule's code, e.g. the update path's Atlassian error type for R06/R07. */
  code?: string;
}

type Predicate = (context: RuleContext) => RuleHit | null;

const hit = (detail?: string, code?: string): RuleHit => ({ ...(detail ? { detail } : {}), ...(code ? { code } : {}) });
const answeredNo = (walk: ChartWalk, node: string) => walk.steps.some((s) => s.node === node && s.answer === 'no');
const errorIs = (link: Link, ...types: string[]) => link.status?.errorType !== undefined && types.includes(link.status.errorType);

function legacyDetail({ facts, updatePath }: RuleContext, kind: 'trustedApps' | 'basic'): RuleHit {
  const where: string[] = [];
  const ends = [['local', facts.local], ['remote', facts.remote]] as const;
  for (const [end, ef] of ends) {
    if (!ef) continue;
    for (const side of ['outgoing', 'incoming'] as const) if (ef[side][kind]) where.push(`${end} ${side}`);
  }
  const parts = [`Configured on: ${where.join(', ')}.`];
  if (updatePath) parts.push(`Update path ${updatePath}: ${UPDATE_PATHS[updatePath].name}.`);
  return hit(parts.join(' '), updatePath ? UPDATE_PATHS[updatePath].errorType : undefined);
}

function openIpPatterns(patterns: string): boolean {
  const entries = patterns.split(/[\s,]+/).filter(Boolean);
  return entries.length === 0 || entries.some((p) => /^[*.:]+$/.test(p));
}

export const RULE_PREDICATES: Readonly<Record<string, Predicate>> = {
  R01: ({ walk }) => (answeredNo(walk, 'Q_ADMIN') ? hit() : null),
  R02: ({ walk }) => (answeredNo(walk, 'Q_TRUST') ? hit() : null),
  R03: ({ recommendation }) => (recommendation === 'OAUTH_IMPERSONATION' ? hit() : null),
  R04: ({ recommendation }) => (recommendation === 'OAUTH' ? hit() : null),
  R05: ({ recommendation, link, facts }) => {
    if (recommendation !== 'EXTERNAL') return null;
    const user = link.observations?.twoLoExecutingUser;
    const twoLo = facts.local.incoming.oauth === 'OAUTH' || facts.local.incoming.oauth === 'OAUTH_IMP';
    return hit(twoLo && user ? `Today 2LO runs every incoming request as "${user}", whoever the real user is.` : undefined);
  },
  R06: (context) => {
    if (!context.facts.usesTrustedApps) return null;
    const result = legacyDetail(context, 'trustedApps');
    const { link } = context;
    const extra: string[] = [];
    for (const end of [link.local, link.remote]) {
      if (end.product === 'crowd' && (!end.version || compareVersions(end.version, CROWD_WITHOUT_TRUSTED_APPS_FROM) >= 0)) {
        extra.push(`Crowd ${end.version ?? ''} does not support Trusted Applications at all: this link is broken by design.`.replace('  ', ' '));
      }
      if ((end.product === 'jira' || end.product === 'jsm') && end.version && compareVersions(end.version, JIRA_TRUSTED_APPS_MAY_BE_GONE_FROM) >= 0) {
        extra.push(`Trusted Applications may not work at all on Jira ${end.version} (third-party report, open question Q5).`);
      }
    }
    return { ...result, detail: [result.detail, ...extra].join(' ') };
  },
  R07: (context) => {
    if (!context.facts.usesBasic) return null;
    const result = legacyDetail(context, 'basic');
    if (context.recommendation !== 'NONE') return result;
    return { ...result, detail: `${result.detail} Here: remove Basic and keep the one-way link unauthenticated (or arrange OAuth with the remote's administrator).` };
  },
  R08: ({ link, facts }) =>
    link.observations?.autoMigratedFromTrustedApps && facts.usesImpersonation && link.answers.sharedUserBase === false ? hit() : null,
  R09: ({ facts }) => (facts.directions.some((d) => d.oauth === 'OAUTH_3LO_ONLY') ? hit() : null),
  R10: ({ link }) => {
    if (link.config.remote) {
      const mismatches = reconcileEnds(link.config.local, link.config.remote).filter((m) =>
        m.aspects.some((a) => a === 'oauthLevel' || a === 'oauth2'));
      if (mismatches.length > 0) {
        return hit('Differences: ' + mismatches.map((m) => `local ${m.localSide} (${m.local.oauth}${m.local.oauth2 ? ' + OAuth 2.0' : ''}) ≠ remote ${m.remoteSide} (${m.remote.oauth}${m.remote.oauth2 ? ' + OAuth 2.0' : ''})`).join('; ') + '.');
      }
    }
    return errorIs(link, 'AUTH_LEVEL_MISMATCH') ? hit('Reported by the link status (AUTH_LEVEL_MISMATCH).') : null;
  },
  R11: ({ link, facts }) => (facts.usesImpersonation && link.answers.sharedUserBase === false ? hit() : null),
  R12: ({ facts }) => (facts.usesImpersonation && !facts.bothEndsAtlassianWithApplinks ? hit() : null),
  R13: ({ link, facts, recommendation }) => {
    if (!link.features?.includes('devPanel')) return null;
    const ends = [facts.local, ...(facts.remote ? [facts.remote] : [])];
    const twoWay = ends.every((e) => [e.outgoing, e.incoming].every((d) => d.oauth === 'OAUTH' || d.oauth === 'OAUTH_IMP'));
    if (!twoWay) return hit('Today the link does not have 3LO and 2LO in both directions.');
    if (recommendation === 'OAUTH2') return hit('The OAuth 2.0 target has no documented 2LO equivalent (open question Q3): test the panel before removing OAuth 1.0a.');
    if (recommendation === 'NONE') return hit('The recommended one-way link would remove the development panel.');
    return null;
  },
  R14: ({ link, facts }) => (facts.usesBasic && (link.features?.includes('gadgets') || link.features?.includes('jiraIssuesMacro')) ? hit() : null),
  R15: ({ link }) => (link.observations?.usersRepeatedlyPrompted ? hit() : null),
  R16: ({ link, facts, recommendation }) => {
    const plain = [link.local, link.remote].filter((end) => isHttps(end) === false);
    if (plain.length === 0) return null;
    const configuring = facts.usesTrustedApps || facts.usesOAuth1 || facts.usesOAuth2 || ['OAUTH', 'OAUTH_IMPERSONATION', 'OAUTH2', 'EXTERNAL'].includes(recommendation);
    return configuring ? hit(`Plain HTTP: ${plain.map((end) => end.baseUrl).join(', ')}.`) : null;
  },
  R17: ({ link, facts }) => {
    const patterns = link.observations?.taIpPatterns;
    if (!facts.usesTrustedApps || patterns === undefined || !openIpPatterns(patterns)) return null;
    return hasApplinks(link.remote) ? null : hit(`IP patterns: "${patterns || '(blank)'}".`);
  },
  R18: ({ link, facts }) => (facts.usesTrustedApps && link.observations?.clusteredOrProxied ? hit() : null),
  R19: ({ link, facts }) => (facts.usesTrustedApps && link.observations?.certificateTooOld ? hit() : null),
  R20: ({ oauth2, facts }) =>
    oauth2.status === 'eligible' && !facts.directions.every((d) => d.oauth2 && d.oauth === 'DISABLED') ? hit() : null,
  R21: ({ oauth2, facts }) =>
    facts.bothEndsAtlassianWithApplinks && oauth2.status !== 'eligible' ? hit(oauth2.blockers.map((b) => b.message).join(' ')) : null,
  R22: ({ link }) => {
    const remote = link.remote.applinksVersion;
    if (remote && compareVersions(remote, APPLINKS_MINIMUM_COMPATIBLE) < 0) return hit(`Remote Applinks ${remote} is older than ${APPLINKS_MINIMUM_COMPATIBLE}.`);
    const versions = [link.local.applinksVersion, remote];
    const [a, b] = versions;
    if (a && b) {
      const old = (v: string) => compareVersions(v, '4.2') < 0;
      const modern = (v: string) => compareVersions(v, '5.0') >= 0;
      if ((old(a) && modern(b)) || (old(b) && modern(a))) return hit(`Applinks ${a} and ${b} cannot link to each other.`);
    }
    return errorIs(link, 'REMOTE_VERSION_INCOMPATIBLE') ? hit('Reported by the link status.') : null;
  },
  R23: ({ link }) => (link.system || errorIs(link, 'SYSTEM_LINK') ? hit() : null),
  R24: ({ link }) =>
    errorIs(link, 'UNKNOWN_HOST', 'CONNECTION_REFUSED', 'SSL_UNTRUSTED', 'SSL_HOSTNAME_UNMATCHED', 'SSL_UNMATCHED')
      ? hit(`Status: ${link.status?.errorType}.`) : null,
  R25: ({ link }) => (errorIs(link, 'OAUTH_SIGNATURE_INVALID') ? hit() : null),
  R26: ({ link }) => (errorIs(link, 'OAUTH_TIMESTAMP_REFUSED') ? hit() : null),
  R27: ({ link }) => (errorIs(link, 'NO_REMOTE_APPLINK') ? hit() : null),
  R28: ({ link }) =>
    errorIs(link, 'LOCAL_AUTH_TOKEN_REQUIRED', 'REMOTE_AUTH_TOKEN_REQUIRED', 'INSUFFICIENT_REMOTE_PERMISSION') ? hit(`Status: ${link.status?.errorType}.`) : null,
  R29: ({ link }) => {
    const affected = (['local', 'remote'] as const).filter((end) => {
      const version = link[end].applinksVersion;
      return version !== undefined && CVE_2019_15011_RANGES.some(([from, to]) => versionInRange(version, from, to));
    });
    return affected.length > 0 ? hit(affected.map((end) => `${end} Applinks ${link[end].applinksVersion}`).join(', ') + ' is affected.') : null;
  },
  R30: ({ link }) => {
    const broad = (link.observations?.oauth2IncomingScopes ?? []).filter((s) => ['ADMIN', 'SYSTEM_ADMIN', 'READ_ALL'].includes(s.toUpperCase()));
    return broad.length > 0 ? hit(`Scopes: ${broad.join(', ')}.`) : null;
  },
};
