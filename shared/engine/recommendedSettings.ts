import type { AuthToken, Directions, Link } from '../model/link.ts';
import type { Recommendation } from '../guidance/flowcharts.ts';
import { productName } from './oauth2Readiness.ts';

/** The concrete configuration a recommendation means for each end and direction. */
export interface RecommendedSettings {
  local: Directions;
  /** Null when nothing is configured on the remote (one-way link, external application). */
  remote: Directions | null;
  /** The recommendation in one sentence. */
  sentence: string;
}

const both = (tokens: AuthToken[]): Directions => ({ outgoing: [...tokens], incoming: [...tokens] });

/** Settings for a recommendation; null when undetermined. */
export function recommendedSettings(link: Link, recommendation: Recommendation): RecommendedSettings | null {
  const remoteName = productName(link.remote.product);
  switch (recommendation) {
    case 'NONE':
      return {
        local: both([]), remote: null,
        sentence: `Keep a one-way outgoing link to ${remoteName} with no authentication: it can render hyperlinks and read anonymous data only.`,
      };
    case 'OAUTH':
      return {
        local: both(['oauth3lo', 'oauth2lo']), remote: both(['oauth3lo', 'oauth2lo']),
        sentence: 'Configure OAuth (3-legged and 2-legged, no impersonation) for incoming and outgoing on both ends.',
      };
    case 'OAUTH_IMPERSONATION':
      return {
        local: both(['oauth3lo', 'oauth2lo', 'oauth2loi']), remote: both(['oauth3lo', 'oauth2lo', 'oauth2loi']),
        sentence: 'Configure OAuth (impersonation): 3-legged, 2-legged and 2-legged with impersonation, for incoming and outgoing on both ends.',
      };
    case 'OAUTH2':
      return {
        local: both(['oauth2']), remote: both(['oauth2']),
        sentence: 'Link the two products with "Atlassian product via OAuth 2.0": incoming and outgoing links on both ends with least-privilege scopes.',
      };
    case 'EXTERNAL':
      return {
        local: { incoming: ['oauth2'], outgoing: link.config.local.outgoing.length > 0 ? ['oauth2'] : [] },
        remote: null,
        sentence: `Treat ${remoteName} as an external application: an OAuth 2.0 external-application incoming link (authorization code with PKCE, least-privilege scopes), or an OAuth 1.0a consumer with an RSA public key; never impersonation.`,
      };
    case 'UNDETERMINED':
      return null;
  }
}
