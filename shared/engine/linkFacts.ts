import type { AuthToken, Directions, Link, LinkEnd } from '../model/link.ts';
import { compareVersions } from './version.ts';
import { APPLINKS_52_UNDOCUMENTED_FROM, APPLINKS_LEGACY_UNSUPPORTED_FROM, FIRST_WITH_APPLINKS, FIRST_WITH_APPLINKS_52 } from '../guidance/versionThresholds.ts';
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
const END_TABLE = new Map<number, EndFacts>();

function maskOf(tokens: readonly AuthToken[]): number {
  let mask = 0;
  for (let i = 0; i < tokens.length; i++) mask |= TOKEN_BIT[tokens[i]!];
  return mask;
}

/** Normalises a token list into what the rules reason about. */
export function directionFacts(tokens: readonly AuthToken[]): DirectionFacts {
  return DIRECTION_TABLE[maskOf(tokens)]!;
}

export function endFacts(directions: Directions): EndFacts {
  const outMask = maskOf(directions.outgoing);
  const inMask = maskOf(directions.incoming);
  const key = (outMask << 8) | inMask;
  let facts = END_TABLE.get(key);
  if (!facts) {
    const outgoing = DIRECTION_TABLE[outMask]!;
    const incoming = DIRECTION_TABLE[inMask]!;
    const legacy = outgoing.trustedApps || outgoing.basic || incoming.trustedApps || incoming.basic;
    const oauth = outgoing.oauth !== 'DISABLED' || incoming.oauth !== 'DISABLED' || outgoing.oauth2 || incoming.oauth2;
    facts = Object.freeze({ outgoing, incoming, legacy, oauth });
    END_TABLE.set(key, facts);
  }
  return facts;
}

/** An Atlassian application with Application Links (not Generic, not legacy mode; domain §10). */
export function hasApplinks(end: LinkEnd): boolean {
  if (end.product === 'generic' || end.legacyMode === true) return false;
  const first = FIRST_WITH_APPLINKS[end.product];
  return !(first && end.version && compareVersions(end.version, first) < 0);
}

/**
 * Whether an end runs Applinks 5.2 or later (the DEPRECATED lozenge and update paths 1–5, domain §11.3):
 * from its Applinks version, else from the product version that first ships 5.2. `null` when not known.
 */
export function hasApplinks52(end: LinkEnd): boolean | null {
  if (end.applinksVersion) return compareVersions(end.applinksVersion, APPLINKS_LEGACY_UNSUPPORTED_FROM) >= 0;
  if (!end.version) return null;
  const first = FIRST_WITH_APPLINKS_52[end.product];
  if (first) return compareVersions(end.version, first) >= 0;
  const undocumented = APPLINKS_52_UNDOCUMENTED_FROM[end.product];
  if (undocumented && compareVersions(end.version, undocumented) < 0) return false;
  return null;
}

/** `true` when the URL is https, `false` when http, `null` when not known. */
export function isHttps(end: LinkEnd): boolean | null {
  if (!end.baseUrl) return null;
  return /^https:\/\//i.test(end.baseUrl);
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
}

export function linkFacts(link: Link): LinkFacts {
  const local = endFacts(link.config.local);
  const remote = link.config.remote ? endFacts(link.config.remote) : null;
  const directions = remote ? [local.outgoing, local.incoming, remote.outgoing, remote.incoming] : [local.outgoing, local.incoming];
  let usesTrustedApps = false, usesBasic = false, usesOAuth1 = false, usesImpersonation = false, usesOAuth2 = false;
  for (let i = 0; i < directions.length; i++) {
    const d = directions[i]!;
    if (d.trustedApps) usesTrustedApps = true;
    if (d.basic) usesBasic = true;
    if (d.oauth !== 'DISABLED') usesOAuth1 = true;
    if (d.oauth === 'OAUTH_IMP') usesImpersonation = true;
    if (d.oauth2) usesOAuth2 = true;
  }
  const errorType = link.status?.errorType;
  const legacyStatusPath = errorType === undefined ? null : LEGACY_STATUS_PATHS[errorType] ?? null;
  const bothEndsAtlassianWithApplinks = hasApplinks(link.local) && hasApplinks(link.remote);
  return {
    local, remote, directions, usesTrustedApps, usesBasic, usesOAuth1, usesImpersonation, usesOAuth2,
    legacyStatusPath,
    legacy: usesTrustedApps || usesBasic || legacyStatusPath !== null,
    bothEndsAtlassianWithApplinks,
    // Seen from either end: the Atlassian end's outgoing OAuth 2.0 towards the Generic one.
    externalOAuth2Client: (link.remote.product === 'generic' && local.outgoing.oauth2) || (link.local.product === 'generic' && remote?.outgoing.oauth2 === true),
    localApplinks52: legacyStatusPath !== null ? true : hasApplinks52(link.local),
  };
}
