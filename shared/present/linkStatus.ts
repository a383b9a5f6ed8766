import type { Link } from '../model/link.ts';
import { lozengeFor } from './labels.ts';

/** How the inventory colours a lozenge: a working link, one to act on, one that is broken, or nothing known. */
export type LozengeTone = 'success' | 'warning' | 'danger' | 'neutral';

const TONES: Record<string, LozengeTone> = {
  CONNECTED: 'success', DEPRECATED: 'warning', 'CONFIG ERROR': 'danger', 'NETWORK ERROR': 'danger',
  'ACCESS DENIED': 'warning', 'AUTHENTICATE TO SEE STATUS': 'warning', INCOMPATIBLE: 'danger',
};

/**
 * The Applinks status lozenge of a link (domain §6.1–6.2, through lozengeFor): CONNECTED when the recorded
 * status works without an error, the category of its error type otherwise, and "unknown" when no status was
 * recorded or it says "not working" without saying why.
 */
export function statusLozenge(status: Link['status']): { label: string; tone: LozengeTone } {
  const lozenge = lozengeFor(status?.errorType, status?.working);
  const label = lozenge === 'NOT RECORDED' || lozenge === 'UNKNOWN' ? 'unknown' : lozenge;
  return { label, tone: TONES[label] ?? 'neutral' };
}
