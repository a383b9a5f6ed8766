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
};

/** CVE-2019-15011 affected Applinks ranges, [from, to) (domain §8 SEC-10, R29). */
export const CVE_2019_15011_RANGES: ReadonlyArray<readonly [string | null, string]> = [
  [null, '5.0.12'],
  ['5.1.0', '5.2.11'],
  ['5.3.0', '5.3.7'],
  ['5.4.0', '5.4.13'],
  ['6.0.0', '6.0.5'],
];
