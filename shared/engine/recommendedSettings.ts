import type { AuthToken, Directions, Link } from '../model/link.ts';
import type { Recommendation } from '../guidance/flowcharts.ts';
import { productNameInSentence } from './oauth2Readiness.ts';

/** The concrete configuration a recommendation means for each end and direction. */
export interface RecommendedSettings {
  readonly local: Directions;
  /** Null when nothing is configured on the remote (one-way link, external application). */
  readonly remote: Directions | null;
  /** The recommendation in one sentence. */
  readonly sentence: string;
}

const both = (tokens: AuthToken[]): Directions => Object.freeze({ outgoing: Object.freeze([...tokens]), incoming: Object.freeze([...tokens]) }) as Directions;
const settings = (local: Directions, remote: Directions | null, sentence: string): RecommendedSettings => Object.freeze({ local, remote, sentence });

const OAUTH = settings(both(['oauth3lo', 'oauth2lo']), both(['oauth3lo', 'oauth2lo']),
  'Configure OAuth (3-legged and 2-legged, no impersonation) for incoming and outgoing on both ends.');
const OAUTH_IMPERSONATION = settings(both(['oauth3lo', 'oauth2lo', 'oauth2loi']), both(['oauth3lo', 'oauth2lo', 'oauth2loi']),
  'Configure OAuth (impersonation): 3-legged, 2-legged and 2-legged with impersonation, for incoming and outgoing on both ends.');
const OAUTH2 = settings(both(['oauth2']), both(['oauth2']),
  'Link the two products with "Atlassian product via OAuth 2.0": incoming and outgoing links on both ends with least-privilege scopes.');

// The sentences name the remote product, so they are made once per product and kind (settings are shared and frozen).
const byKey = new Map<string, RecommendedSettings>();

function named(key: string, make: () => RecommendedSettings): RecommendedSettings {
  let value = byKey.get(key);
  if (!value) byKey.set(key, (value = make()));
  return value;
}

/** Settings for a recommendation; null when undetermined, and for a system link, which administrators cannot change. */
export function recommendedSettings(link: Link, recommendation: Recommendation): RecommendedSettings | null {
  if (link.system) return null;
  const product = link.remote.product;
  switch (recommendation) {
    case 'NONE':
      return named(`NONE|${product}`, () => settings(both([]), null,
        `Keep a one-way outgoing link to ${productNameInSentence(product)} with no authentication: it can render hyperlinks and read anonymous data only.`));
    case 'OAUTH':
      return OAUTH;
    case 'OAUTH_IMPERSONATION':
      return OAUTH_IMPERSONATION;
    case 'OAUTH2':
      return OAUTH2;
    case 'EXTERNAL': {
      const sends = link.config.local.outgoing.length > 0;
      if (product === 'generic' && link.config.local.outgoing.includes('oauth2')) {
        // The Atlassian end is the OAuth 2.0 client of an external service (issue 15 point 12, domain §3.5.1 [S31]).
        const receives = link.config.local.incoming.includes('oauth2');
        return named(`EXTERNAL-CLIENT|${receives}`, () => settings(
          Object.freeze({ outgoing: Object.freeze(['oauth2']), incoming: Object.freeze(receives ? ['oauth2'] : []) }) as Directions, null,
          'Keep the outgoing OAuth 2.0 link: this end is the OAuth 2.0 client of an external service (e.g. a Google or Microsoft mail server), a supported configuration. Never impersonation.'));
      }
      return named(`EXTERNAL|${product}|${sends}`, () => settings(
        Object.freeze({ incoming: Object.freeze(['oauth2']), outgoing: Object.freeze(sends ? ['oauth2'] : []) }) as Directions, null,
        `Treat ${productNameInSentence(product)} as an external application: an OAuth 2.0 external-application incoming link (authorization code with PKCE, least-privilege scopes), or an OAuth 1.0a consumer with an RSA public key; never impersonation.`));
    }
    case 'UNDETERMINED':
      return null;
  }
}
