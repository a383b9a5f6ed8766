import type { AuthToken, Directions, Link, LinkEnd } from '../model/link.ts';
import { endInfo, type EndInfo } from './endInfo.ts';
import { AUTH_TOKENS } from '../model/vocabulary.ts';

/** OAuth 1.0a level of one direction, per `OAuthConfig` (domain §3.3): 3LO off means disabled. */
export type OAuthLevel = 'DISABLED' | 'OAUTH_3LO_ONLY' | 'OAUTH' | 'OAUTH_IMP';

export interface DirectionFacts {
  readonly trustedApps: boolean;
  readonly basic: boolean;
  readonly oauth: OAuthLevel;
  readonly oauth2: boolean;
}

export interface EndFacts {
  readonly outgoing: DirectionFacts;
  readonly incoming: DirectionFacts;
  /** Trusted Apps or Basic in either direction of this end. */
  readonly legacy: boolean;
  /** OAuth 1.0a (any level) or OAuth 2.0 in either direction of this end. */
  readonly oauth: boolean;
}

// A direction has 2^6 possible token sets: their facts are built once and shared (the engine runs per link,
// thousands of times, and most links repeat a handful of configurations).
const TOKEN_BIT = Object.fromEntries(AUTH_TOKENS.map((token, i) => [token, 1 << i])) as Record<AuthToken, number>;
const DIRECTION_TABLE: DirectionFacts[] = Array.from({ length: 1 << AUTH_TOKENS.length }, (_, mask) => {
  const has = (token: AuthToken) => (mask & TOKEN_BIT[token]) !== 0;
  let oauth: OAuthLevel = 'DISABLED';
  if (has('oauth3lo')) oauth = has('oauth2loi') ? 'OAUTH_IMP' : has('oauth2lo') ? 'OAUTH' : 'OAUTH_3LO_ONLY';
  return Object.freeze({ trustedApps: has('trustedApps'), basic: has('basic'), oauth, oauth2: has('oauth2') });
});
const END_TABLE: Array<EndFacts | undefined> = new Array(1 << (2 * AUTH_TOKENS.length));

function bitOf(token: AuthToken): number {
  switch (token) {
    case 'trustedApps': return TOKEN_BIT.trustedApps;
    case 'basic': return TOKEN_BIT.basic;
    case 'oauth3lo': return TOKEN_BIT.oauth3lo;
    case 'oauth2lo': return TOKEN_BIT.oauth2lo;
    case 'oauth2loi': return TOKEN_BIT.oauth2loi;
    case 'oauth2': return TOKEN_BIT.oauth2;
  }
}

function maskOf(tokens: readonly AuthToken[]): number {
  let mask = 0;
  for (let i = 0; i < tokens.length; i++) mask |= bitOf(tokens[i]!);
  return mask;
}

/** Normalises a token list into what the rules reason about. */
export function directionFacts(tokens: readonly AuthToken[]): DirectionFacts {
  return DIRECTION_TABLE[maskOf(tokens)]!;
}

export function endFacts(directions: Directions): EndFacts {
  const outMask = maskOf(directions.outgoing);
  const inMask = maskOf(directions.incoming);
  return endFactsOf(outMask, inMask);
}

function endFactsOf(outMask: number, inMask: number): EndFacts {
  const key = (outMask << AUTH_TOKENS.length) | inMask;
  let facts = END_TABLE[key];
  if (!facts) {
    const outgoing = DIRECTION_TABLE[outMask]!;
    const incoming = DIRECTION_TABLE[inMask]!;
    const legacy = outgoing.trustedApps || outgoing.basic || incoming.trustedApps || incoming.basic;
    const oauth = outgoing.oauth !== 'DISABLED' || incoming.oauth !== 'DISABLED' || outgoing.oauth2 || incoming.oauth2;
    facts = Object.freeze({ outgoing, incoming, legacy, oauth });
    END_TABLE[key] = facts;
  }
  return facts;
}

/** What the configuration of both ends says, the same for every link configured alike: worked out once. */
type ConfigFacts = Pick<LinkFacts, 'local' | 'remote' | 'directions' | 'usesTrustedApps' | 'usesBasic' | 'usesOAuth1' | 'usesImpersonation' | 'usesOAuth2'>;
const CONFIG_TABLE = new Map<number, ConfigFacts>();
const DIRECTION_MASK = (1 << AUTH_TOKENS.length) - 1;
const END_KEYS = 1 << (2 * AUTH_TOKENS.length);

function configFacts(config: Link['config']): ConfigFacts {
  const localKey = (maskOf(config.local.outgoing) << AUTH_TOKENS.length) | maskOf(config.local.incoming);
  const remoteKey = config.remote ? ((maskOf(config.remote.outgoing) << AUTH_TOKENS.length) | maskOf(config.remote.incoming)) + 1 : 0;
  const key = localKey * (END_KEYS + 1) + remoteKey;
  let facts = CONFIG_TABLE.get(key);
  if (!facts) {
    const local = endFactsOf(localKey >> AUTH_TOKENS.length, localKey & DIRECTION_MASK);
    const remote = remoteKey === 0 ? null : endFactsOf((remoteKey - 1) >> AUTH_TOKENS.length, (remoteKey - 1) & DIRECTION_MASK);
    const directions = Object.freeze(remote ? [local.outgoing, local.incoming, remote.outgoing, remote.incoming] : [local.outgoing, local.incoming]) as DirectionFacts[];
    facts = Object.freeze({
      local, remote, directions,
      usesTrustedApps: directions.some((d) => d.trustedApps),
      usesBasic: directions.some((d) => d.basic),
      usesOAuth1: directions.some((d) => d.oauth !== 'DISABLED'),
      usesImpersonation: directions.some((d) => d.oauth === 'OAUTH_IMP'),
      usesOAuth2: directions.some((d) => d.oauth2),
    });
    CONFIG_TABLE.set(key, facts);
  }
  return facts;
}

/** An Atlassian application with Application Links (not Generic, not legacy mode; domain §10). */
export function hasApplinks(end: LinkEnd): boolean {
  return endInfo(end).hasApplinks;
}

/**
 * Whether an end runs Applinks 5.2 or later (the DEPRECATED lozenge and update paths 1–5, domain §11.3):
 * from its Applinks version, else from the product version that first ships 5.2. `null` when not known.
 */
export function hasApplinks52(end: LinkEnd): boolean | null {
  return endInfo(end).applinks52;
}

/** `true` when the URL is https, `false` when http, `null` when not known. */
export function isHttps(end: LinkEnd): boolean | null {
  if (!end.baseUrl) return null;
  // The schema only admits http:// or https:// (either case): the fifth character tells them apart.
  const fifth = end.baseUrl.charCodeAt(4);
  return fifth === 115 || fifth === 83;
}

/** Status codes of the legacy update flow and the path each one names (domain §6.2, §7). */
export const LEGACY_STATUS_PATHS: Readonly<Record<string, 1 | 2 | 3 | 4 | 5>> = {
  LEGACY_UPDATE: 1, MANUAL_LEGACY_UPDATE: 2, LEGACY_REMOVAL: 3, MANUAL_LEGACY_REMOVAL: 4, MANUAL_LEGACY_REMOVAL_WITH_OLD_EDIT: 5,
};

/** Everything the rules need to know about a link, computed once. */
export interface LinkFacts {
  local: EndFacts;
  /** Null when the remote end's configuration is unknown. */
  remote: EndFacts | null;
  directions: DirectionFacts[];
  usesTrustedApps: boolean;
  usesBasic: boolean;
  usesOAuth1: boolean;
  usesImpersonation: boolean;
  usesOAuth2: boolean;
  /** The status names a legacy update path (LEGACY_* / MANUAL_LEGACY_*): evidence of Trusted Apps or Basic. */
  legacyStatusPath: 1 | 2 | 3 | 4 | 5 | null;
  /** Trusted Apps or Basic in the configuration, or a legacy status code (issue 15 point 6). */
  legacy: boolean;
  bothEndsAtlassianWithApplinks: boolean;
  /** The Atlassian end is an OAuth 2.0 client of a non-Atlassian service (domain §3.5.1 [S31]). */
  externalOAuth2Client: boolean;
  /** The local end runs Applinks 5.2+ (true), older (false), or unknown (null). A legacy status implies 5.2+. */
  localApplinks52: boolean | null;
  localInfo: EndInfo;
  remoteInfo: EndInfo;
}

export function linkFacts(link: Link): LinkFacts {
  const config = configFacts(link.config);
  const { local, remote } = config;
  const errorType = link.status?.errorType;
  const legacyStatusPath = errorType === undefined ? null : LEGACY_STATUS_PATHS[errorType] ?? null;
  const localInfo = endInfo(link.local);
  const remoteInfo = endInfo(link.remote);
  return {
    local, remote, directions: config.directions,
    usesTrustedApps: config.usesTrustedApps, usesBasic: config.usesBasic, usesOAuth1: config.usesOAuth1,
    usesImpersonation: config.usesImpersonation, usesOAuth2: config.usesOAuth2,
    legacyStatusPath,
    legacy: config.usesTrustedApps || config.usesBasic || legacyStatusPath !== null,
    bothEndsAtlassianWithApplinks: localInfo.hasApplinks && remoteInfo.hasApplinks,
    // Seen from either end: the Atlassian end's outgoing OAuth 2.0 towards the Generic one.
    externalOAuth2Client: (link.remote.product === 'generic' && local.outgoing.oauth2) || (link.local.product === 'generic' && remote?.outgoing.oauth2 === true),
    localApplinks52: legacyStatusPath !== null ? true : localInfo.applinks52,
    localInfo, remoteInfo,
  };
}
