import type { AuthToken, Directions, Link, LinkEnd } from '../model/link.ts';
import { compareVersions } from './version.ts';
import { FIRST_WITH_APPLINKS } from '../guidance/versionThresholds.ts';

/** OAuth 1.0a level of one direction, per `OAuthConfig` (domain §3.3): 3LO off means disabled. */
export type OAuthLevel = 'DISABLED' | 'OAUTH_3LO_ONLY' | 'OAUTH' | 'OAUTH_IMP';

export interface DirectionFacts {
  trustedApps: boolean;
  basic: boolean;
  oauth: OAuthLevel;
  oauth2: boolean;
}

export interface EndFacts {
  outgoing: DirectionFacts;
  incoming: DirectionFacts;
}

/** Normalises a token list into what the rules reason about. */
export function directionFacts(tokens: readonly AuthToken[]): DirectionFacts {
  const has = (token: AuthToken) => tokens.includes(token);
  let oauth: OAuthLevel = 'DISABLED';
  if (has('oauth3lo')) oauth = has('oauth2loi') ? 'OAUTH_IMP' : has('oauth2lo') ? 'OAUTH' : 'OAUTH_3LO_ONLY';
  return { trustedApps: has('trustedApps'), basic: has('basic'), oauth, oauth2: has('oauth2') };
}

export function endFacts(directions: Directions): EndFacts {
  return { outgoing: directionFacts(directions.outgoing), incoming: directionFacts(directions.incoming) };
}

/** An Atlassian application with Application Links (not Generic, not legacy mode; domain §10). */
export function hasApplinks(end: LinkEnd): boolean {
  if (end.product === 'generic' || end.legacyMode === true) return false;
  const first = FIRST_WITH_APPLINKS[end.product];
  return !(first && end.version && compareVersions(end.version, first) < 0);
}

/** `true` when the URL is https, `false` when http, `null` when not known. */
export function isHttps(end: LinkEnd): boolean | null {
  if (!end.baseUrl) return null;
  return /^https:\/\//i.test(end.baseUrl);
}

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
  bothEndsAtlassianWithApplinks: boolean;
}

export function linkFacts(link: Link): LinkFacts {
  const local = endFacts(link.config.local);
  const remote = link.config.remote ? endFacts(link.config.remote) : null;
  const directions = [local.outgoing, local.incoming, ...(remote ? [remote.outgoing, remote.incoming] : [])];
  const any = (test: (direction: DirectionFacts) => boolean) => directions.some(test);
  return {
    local,
    remote,
    directions,
    usesTrustedApps: any((d) => d.trustedApps),
    usesBasic: any((d) => d.basic),
    usesOAuth1: any((d) => d.oauth !== 'DISABLED'),
    usesImpersonation: any((d) => d.oauth === 'OAUTH_IMP'),
    usesOAuth2: any((d) => d.oauth2),
    bothEndsAtlassianWithApplinks: hasApplinks(link.local) && hasApplinks(link.remote),
  };
}
