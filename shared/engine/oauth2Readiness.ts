import type { Link, LinkEnd } from '../model/link.ts';
import { OAUTH2_PRODUCT_LINK_THRESHOLDS } from '../guidance/versionThresholds.ts';
import { compareVersions } from './version.ts';
import { isHttps } from './linkFacts.ts';
import { endInfo, type EndInfo } from './endInfo.ts';

export type OAuth2Status = 'eligible' | 'not-eligible' | 'unconfirmed';

export interface OAuth2Blocker {
  end: 'local' | 'remote';
  code: 'product-unsupported' | 'version-unknown' | 'version-below' | 'version-unconfirmed' | 'not-https' | 'https-unknown';
  message: string;
  sources: string[];
}

export interface OAuth2Readiness {
  readonly status: OAuth2Status;
  readonly blockers: readonly OAuth2Blocker[];
  /** The blockers' messages as one sentence ('' when eligible). */
  readonly text: string;
  /** Some blocker is a product that never gets OAuth 2.0 product links (FishEye/Crucible, Generic). */
  readonly productUnsupported: boolean;
}

const PRODUCT_NAMES: Record<LinkEnd['product'], string> = {
  jira: 'Jira', jsm: 'Jira Service Management', confluence: 'Confluence', bitbucket: 'Bitbucket',
  bamboo: 'Bamboo', crowd: 'Crowd', fecru: 'FishEye / Crucible', generic: 'A generic application',
};

const IN_SENTENCE_NAMES: Record<LinkEnd['product'], string> = { ...PRODUCT_NAMES, generic: 'the remote application' };

/** A product's name for the middle of a sentence ("Treat the remote application as …", not "Treat A generic application"). */
export function productNameInSentence(product: LinkEnd['product']): string {
  return IN_SENTENCE_NAMES[product];
}

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

// Readiness depends on each end's product, version and scheme only: an estate has few distinct ends, so
// each end's blockers and each pair's readiness are worked out once (and shared, frozen).
// An end's blockers depend on its product, version and scheme (and name, for the messages): they are kept
// on the end's shared `EndInfo`, one slot per end name and scheme; each pair's readiness once per pair.
const pairCache = new Map<readonly OAuth2Blocker[], Map<readonly OAuth2Blocker[], OAuth2Readiness>>();
let pairs = 0;
const MAX_PAIRS = 20_000;

function cachedEndBlockers(endName: 'local' | 'remote', end: LinkEnd, info: EndInfo): readonly OAuth2Blocker[] {
  const https = isHttps(end);
  const slot = (endName === 'local' ? 0 : 3) + (https === null ? 0 : https ? 1 : 2);
  let blockers = info.memo[slot] as readonly OAuth2Blocker[] | undefined;
  if (!blockers) {
    blockers = Object.freeze(endBlockers(endName, end).map((b) => Object.freeze(b)));
    info.memo[slot] = blockers;
  }
  return blockers;
}

function readiness(local: readonly OAuth2Blocker[], remote: readonly OAuth2Blocker[]): OAuth2Readiness {
  const blockers = [...local, ...remote];
  const onlyUnconfirmed = blockers.every((blocker) => blocker.code === 'version-unconfirmed');
  return Object.freeze({
    status: blockers.length === 0 ? 'eligible' : onlyUnconfirmed ? 'unconfirmed' : 'not-eligible',
    blockers: Object.freeze(blockers),
    text: blockers.map((b) => b.message).join(' '),
    productUnsupported: blockers.some((b) => b.code === 'product-unsupported'),
  });
}

/**
 * Whether the link can become an "Atlassian product via OAuth 2.0" link (domain §11.1, R20/R21).
 * Unconfirmed only when the sole blockers are versions between the seed's and Atlassian's numbers.
 */
export function oauth2Readiness(link: Link, localInfo: EndInfo = endInfo(link.local), remoteInfo: EndInfo = endInfo(link.remote)): OAuth2Readiness {
  const local = cachedEndBlockers('local', link.local, localInfo);
  const remote = cachedEndBlockers('remote', link.remote, remoteInfo);
  let byRemote = pairCache.get(local);
  if (!byRemote) {
    if (pairs >= MAX_PAIRS) { pairCache.clear(); pairs = 0; }
    pairCache.set(local, (byRemote = new Map()));
  }
  let result = byRemote.get(remote);
  if (!result) {
    byRemote.set(remote, (result = readiness(local, remote)));
    pairs++;
  }
  return result;
}
