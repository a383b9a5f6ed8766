import type { AuthToken, Product } from '../model/vocabulary.ts';

const API = 'com.atlassian.applinks.api.auth.types.';

/** Authentication provider classes (domain §9.2) and the token each stands for. */
export const PROVIDER_TOKENS: Readonly<Record<string, AuthToken>> = {
  [`${API}TrustedAppsAuthenticationProvider`]: 'trustedApps',
  [`${API}BasicAuthenticationProvider`]: 'basic',
  [`${API}OAuthAuthenticationProvider`]: 'oauth3lo',
  [`${API}TwoLeggedOAuthAuthenticationProvider`]: 'oauth2lo',
  [`${API}TwoLeggedOAuthWithImpersonationAuthenticationProvider`]: 'oauth2loi',
};

/**
 * The tokens of a list of provider class names; any other class is kept as `other:<class>` so the
 * preview can show it (domain §9.2 rule 4).
 */
export function tokensOfProviders(classes: readonly string[]): { tokens: AuthToken[]; other: string[] } {
  const tokens: AuthToken[] = [];
  const other: string[] = [];
  for (const name of classes) {
    const token = PROVIDER_TOKENS[name];
    if (token) {
      if (!tokens.includes(token)) tokens.push(token);
    } else if (!other.includes(`other:${name}`)) other.push(`other:${name}`);
  }
  return { tokens, other };
}

/** OAuth levels as the status resource reports them (`enabled`, `twoLoEnabled`, `twoLoImpersonationEnabled`). */
export interface OAuthLevels {
  enabled: boolean;
  twoLo: boolean;
  twoLoImpersonation: boolean;
}

export function tokensOfLevels(levels: OAuthLevels): AuthToken[] {
  if (!levels.enabled) return [];
  return ['oauth3lo', ...(levels.twoLo ? ['oauth2lo' as const] : []), ...(levels.twoLoImpersonation ? ['oauth2loi' as const] : [])];
}

/** Applinks `typeId` (domain §10) → product; null for a type this app does not know. */
export function productOfType(type: string): Product | null {
  switch (type.trim().toLowerCase()) {
    case 'jira':
      return 'jira';
    case 'confluence':
      return 'confluence';
    case 'stash':
    case 'bitbucket':
      return 'bitbucket';
    case 'bamboo':
      return 'bamboo';
    case 'fecru':
    case 'fisheye':
    case 'crucible':
      return 'fecru';
    case 'crowd':
      return 'crowd';
    case 'generic':
    case 'refapp':
      return 'generic';
    default:
      return null;
  }
}
