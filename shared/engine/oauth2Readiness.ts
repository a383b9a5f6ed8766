import type { Link, LinkEnd } from '../model/link.ts';
import { OAUTH2_PRODUCT_LINK_THRESHOLDS } from '../guidance/versionThresholds.ts';
import { compareVersions } from './version.ts';
import { isHttps } from './linkFacts.ts';

export type OAuth2Status = 'eligible' | 'not-eligible' | 'unconfirmed';

export interface OAuth2Blocker {
  end: 'local' | 'remote';
  code: 'product-unsupported' | 'version-unknown' | 'version-below' | 'version-unconfirmed' | 'not-https' | 'https-unknown';
  message: string;
  sources: string[];
}

export interface OAuth2Readiness {
  status: OAuth2Status;
  blockers: OAuth2Blocker[];
}

const PRODUCT_NAMES: Record<LinkEnd['product'], string> = {
  jira: 'Jira', jsm: 'Jira Service Management', confluence: 'Confluence', bitbucket: 'Bitbucket',
  bamboo: 'Bamboo', crowd: 'Crowd', fecru: 'FishEye / Crucible', generic: 'A generic application',
};

const SHORT_NAMES: Record<LinkEnd['product'], string> = { ...PRODUCT_NAMES, jsm: 'JSM', fecru: 'FishEye/Crucible', generic: 'Generic app' };

/** Short product name for table cells. */
export function productShortName(product: LinkEnd['product']): string {
  return SHORT_NAMES[product];
}

/** Display name of a product, for messages. */
export function productName(product: LinkEnd['product']): string {
  return PRODUCT_NAMES[product];
}

function endBlockers(endName: 'local' | 'remote', end: LinkEnd): OAuth2Blocker[] {
  const product = productName(end.product);
  const threshold = OAUTH2_PRODUCT_LINK_THRESHOLDS[end.product];
  const blockers: OAuth2Blocker[] = [];
  if (!threshold) {
    blockers.push({ end: endName, code: 'product-unsupported', message: `${product} does not support "Atlassian product via OAuth 2.0" links.`, sources: ['S27'] });
  } else if (!end.version) {
    blockers.push({ end: endName, code: 'version-unknown', message: `The ${endName} ${product} version is not known; OAuth 2.0 needs ${threshold.strict} or later.`, sources: threshold.sources });
  } else if (compareVersions(end.version, threshold.strict) < 0) {
    if (threshold.seed && compareVersions(end.version, threshold.seed) >= 0) {
      blockers.push({
        end: endName, code: 'version-unconfirmed',
        message: `${product} ${end.version}: the seed page says ${threshold.seed} is enough, Atlassian's OAuth 2.0 page says ${threshold.strict}. Unconfirmed until ${threshold.strict}.`,
        sources: threshold.sources,
      });
    } else {
      blockers.push({ end: endName, code: 'version-below', message: `${product} ${end.version} is below ${threshold.strict}, the first version with OAuth 2.0 product links.`, sources: threshold.sources });
    }
  }
  const https = isHttps(end);
  if (https === false) blockers.push({ end: endName, code: 'not-https', message: `The ${endName} base URL is not HTTPS; OAuth 2.0 requires HTTPS.`, sources: ['S31', 'S33'] });
  if (https === null) blockers.push({ end: endName, code: 'https-unknown', message: `The ${endName} base URL is not known, so HTTPS cannot be confirmed.`, sources: ['S31', 'S33'] });
  return blockers;
}

/**
 * Whether the link can become an "Atlassian product via OAuth 2.0" link (domain §11.1, R20/R21).
 * Unconfirmed only when the sole blockers are versions between the seed's and Atlassian's numbers.
 */
export function oauth2Readiness(link: Link): OAuth2Readiness {
  const blockers = [...endBlockers('local', link.local), ...endBlockers('remote', link.remote)];
  if (blockers.length === 0) return { status: 'eligible', blockers };
  const onlyUnconfirmed = blockers.every((blocker) => blocker.code === 'version-unconfirmed');
  return { status: onlyUnconfirmed ? 'unconfirmed' : 'not-eligible', blockers };
}
