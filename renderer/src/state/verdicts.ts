import { assessLink, type Verdict } from '../../../shared/engine/assessLink.ts';
import type { Link } from '../../../shared/model/link.ts';

// Links are immutable in the renderer (an edit makes a new object), so a verdict is computed once per link state.
const cache = new WeakMap<Link, Verdict>();

/** The engine's verdict for a link, memoised per link object. */
export function verdictOf(link: Link): Verdict {
  let verdict = cache.get(link);
  if (!verdict) {
    verdict = assessLink(link);
    cache.set(link, verdict);
  }
  return verdict;
}
