import type { Directions } from '../model/link.ts';
import { directionFacts, type DirectionFacts } from './linkFacts.ts';

/** One broken mirror: what `local.<localSide>` holds differs from `remote.<remoteSide>`. */
export interface EndMismatch {
  localSide: 'incoming' | 'outgoing';
  remoteSide: 'outgoing' | 'incoming';
  /** Which aspects differ: the OAuth {enabled, 2LO, 2LOi} triple, OAuth 2.0, Trusted Apps, Basic. */
  aspects: Array<'oauthLevel' | 'oauth2' | 'trustedApps' | 'basic'>;
  local: DirectionFacts;
  remote: DirectionFacts;
}

function compare(local: DirectionFacts, remote: DirectionFacts): EndMismatch['aspects'] {
  const aspects: EndMismatch['aspects'] = [];
  if (local.oauth !== remote.oauth) aspects.push('oauthLevel');
  if (local.oauth2 !== remote.oauth2) aspects.push('oauth2');
  if (local.trustedApps !== remote.trustedApps) aspects.push('trustedApps');
  if (local.basic !== remote.basic) aspects.push('basic');
  return aspects;
}

/**
 * The mirror rule (domain §4 rule 2): local incoming must equal remote outgoing and local outgoing
 * must equal remote incoming. Returns every pair that differs; empty when the ends mirror each other.
 */
export function reconcileEnds(local: Directions, remote: Directions): EndMismatch[] {
  const pairs = [
    ['incoming', 'outgoing'],
    ['outgoing', 'incoming'],
  ] as const;
  const mismatches: EndMismatch[] = [];
  for (const [localSide, remoteSide] of pairs) {
    const l = directionFacts(local[localSide]);
    const r = directionFacts(remote[remoteSide]);
    const aspects = compare(l, r);
    if (aspects.length > 0) mismatches.push({ localSide, remoteSide, aspects, local: l, remote: r });
  }
  return mismatches;
}
