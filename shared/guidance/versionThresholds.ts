import type { Product } from '../model/link.ts';

/**
 * Minimum product versions for "Atlassian product via OAuth 2.0" links (domain §11.1).
 * `strict` is the stricter of the two published numbers; `seed` is the seed page's where it differs.
 * A version in [seed, strict) is "unconfirmed" (domain §15 Q2).
 */
export interface OAuth2Threshold {
  strict: string;
  seed?: string;
  sources: string[];
}

export const OAUTH2_PRODUCT_LINK_THRESHOLDS: Readonly<Partial<Record<Product, OAuth2Threshold>>> = {
  jira: { strict: '11.2', sources: ['S27', 'seed'] },
  jsm: { strict: '11.2', sources: ['S27', 'seed'] },
  confluence: { strict: '10.1', seed: '10.0', sources: ['S27', 'seed'] },
  bitbucket: { strict: '10.1', sources: ['S27', 'seed'] },
  bamboo: { strict: '12.0', sources: ['S27', 'seed'] },
  crowd: { strict: '7.1', seed: '7.0', sources: ['S27', 'seed'] },
  // fecru and generic: no OAuth 2.0 product links (FishEye/Crucible is OAuth 1.0a only).
};

/** Applinks 5.2 ends Trusted Applications and Basic (domain §11.3). */
export const APPLINKS_LEGACY_UNSUPPORTED_FROM = '5.2';
/** The status API flags a remote Applinks older than this as incompatible (R22). */
export const APPLINKS_MINIMUM_COMPATIBLE = '4.0.13';
/** Crowd dropped Trusted Applications in 2.11 (R06, T10). */
export const CROWD_WITHOUT_TRUSTED_APPS_FROM = '2.11';
/** [3P] Jira 11 removed SAL TrustedRequestFactory: TA may not work at all (domain §15 Q5). */
export const JIRA_TRUSTED_APPS_MAY_BE_GONE_FROM = '11.0';

/** First product versions that bundle Application Links; older ones link in legacy mode (domain §10). */
export const FIRST_WITH_APPLINKS: Readonly<Partial<Record<Product, string>>> = {
  jira: '4.3',
  confluence: '3.5',
  fecru: '2.4',
  // Domain §10 [S61]: "From Bamboo 3.1, compatible with Applinks" (issue 15 point 9).
  bamboo: '3.1',
};

/**
 * The first product version that ships Applinks 5.2, the release with the DEPRECATED lozenge and the
 * update paths 1–5 (domain §11.3, version matrix [S23]): Confluence 5.10 (5.2.2), JIRA 7.2 platform (5.2.3),
 * Bitbucket Server 4.7 (5.2.2), FishEye/Crucible 4.2 (5.2.3). Jira Service Management follows the Jira
 * platform only from 10.0 [S54], so older JSM numbers are not mapped. Bamboo: 5.14/5.15 still ship 5.0.x and
 * its first 5.2 release is undocumented (open question Q7); see `APPLINKS_52_UNDOCUMENTED_FROM`.
 */
export const FIRST_WITH_APPLINKS_52: Readonly<Partial<Record<Product, string>>> = {
  confluence: '5.10',
  jira: '7.2',
  bitbucket: '4.7',
  fecru: '4.2',
};

/** Products whose versions from here on may or may not ship Applinks 5.2: the sources do not say (Q7). Below it, they do not. */
export const APPLINKS_52_UNDOCUMENTED_FROM: Readonly<Partial<Record<Product, string>>> = {
  bamboo: '5.16',
};

/** CVE-2019-15011 affected Applinks ranges, [from, to) (domain §8 SEC-10, R29). */
export const CVE_2019_15011_RANGES: ReadonlyArray<readonly [string | null, string]> = [
  [null, '5.0.12'],
  ['5.1.0', '5.2.11'],
  ['5.3.0', '5.3.7'],
  ['5.4.0', '5.4.13'],
  ['6.0.0', '6.0.5'],
];
