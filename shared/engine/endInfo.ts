import type { LinkEnd } from '../model/link.ts';
import {
  APPLINKS_52_UNDOCUMENTED_FROM, APPLINKS_LEGACY_UNSUPPORTED_FROM, APPLINKS_MINIMUM_COMPATIBLE, CVE_2019_15011_RANGES, FIRST_WITH_APPLINKS, FIRST_WITH_APPLINKS_52,
} from '../guidance/versionThresholds.ts';
import { compareVersions, versionKey } from './version.ts';

/** What the engine needs to know about one end's product and versions, worked out once per distinct end. */
export interface EndInfo {
  /** An Atlassian application with Application Links (not Generic, not legacy mode; domain §10). */
  readonly hasApplinks: boolean;
  /** Runs Applinks 5.2 or later (true), older (false), or unknown (null); domain §11.3. */
  readonly applinks52: boolean | null;
  /** Its Applinks version is in a CVE-2019-15011 range (R29). */
  readonly cve2019_15011: boolean;
  /** Where its Applinks version stands for compatibility (R22): below 4.0.13, below 4.2, 4.2 up to 5.0, 5.0 and later, or unknown. */
  readonly applinksEra: 'incompatible' | 'before-4.2' | '4.2-5.0' | '5.0+' | null;
  /** Slots for what depends on more than the versions (e.g. OAuth 2.0 blockers per end name and scheme), filled by their owners. */
  readonly memo: unknown[];
}

const CVE_RANGE_KEYS = CVE_2019_15011_RANGES.map(([from, to]) => [from === null ? -Infinity : versionKey(from), versionKey(to)] as const);

function compute(end: LinkEnd): EndInfo {
  const first = FIRST_WITH_APPLINKS[end.product];
  const hasApplinks = end.product !== 'generic' && end.legacyMode !== true && !(first && end.version && compareVersions(end.version, first) < 0);
  let applinks52: boolean | null = null;
  if (end.applinksVersion) applinks52 = compareVersions(end.applinksVersion, APPLINKS_LEGACY_UNSUPPORTED_FROM) >= 0;
  else if (end.version) {
    const first52 = FIRST_WITH_APPLINKS_52[end.product];
    const undocumented = APPLINKS_52_UNDOCUMENTED_FROM[end.product];
    if (first52) applinks52 = compareVersions(end.version, first52) >= 0;
    else if (undocumented && compareVersions(end.version, undocumented) < 0) applinks52 = false;
  }
  const key = end.applinksVersion === undefined ? null : versionKey(end.applinksVersion);
  const cve2019_15011 = key !== null && CVE_RANGE_KEYS.some(([from, to]) => key >= from && key < to);
  let applinksEra: EndInfo['applinksEra'] = null;
  if (end.applinksVersion) {
    if (compareVersions(end.applinksVersion, APPLINKS_MINIMUM_COMPATIBLE) < 0) applinksEra = 'incompatible';
    else if (compareVersions(end.applinksVersion, '4.2') < 0) applinksEra = 'before-4.2';
    else applinksEra = compareVersions(end.applinksVersion, '5.0') < 0 ? '4.2-5.0' : '5.0+';
  }
  return Object.freeze({ hasApplinks, applinks52, cve2019_15011, applinksEra, memo: [] });
}

// product → version → Applinks version → [not legacy mode, legacy mode]. An estate has few distinct ends.
const cache = new Map<string, Map<string, Map<string, Array<EndInfo | undefined>>>>();
let size = 0;
const MAX_CACHED = 50_000;

export function endInfo(end: LinkEnd): EndInfo {
  if (size >= MAX_CACHED) { cache.clear(); size = 0; }
  let byVersion = cache.get(end.product);
  if (!byVersion) cache.set(end.product, (byVersion = new Map()));
  const version = end.version ?? '';
  let byApplinks = byVersion.get(version);
  if (!byApplinks) byVersion.set(version, (byApplinks = new Map()));
  const applinks = end.applinksVersion ?? '';
  let slots = byApplinks.get(applinks);
  if (!slots) byApplinks.set(applinks, (slots = [undefined, undefined]));
  const slot = end.legacyMode === true ? 1 : 0;
  let info = slots[slot];
  if (!info) {
    info = compute(end);
    slots[slot] = info;
    size++;
  }
  return info;
}
