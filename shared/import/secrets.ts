import { isSecretName, isUserFieldName } from './secretNames.ts';
import { markerOf } from './secretTokens.ts';
import { onlyMarkers, scrubText, type ScrubbedText } from './scrubText.ts';

/** A secret removed from an import: where it was, never what it was. */
export interface RemovedSecret {
  path: string;
  why: string;
}

// Public keys are not secrets; the importer has no use for them either, so they are dropped unrecorded.
const PUBLIC_KEY_NAME = /^public.?key$/i;
/** Deeper than this, a value is refused (parseJsonText refuses such text before it gets here). */
export const MAX_SCRUB_DEPTH = 200;

const pathOf = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

// In a field that names a user, "name:password" is a pair whatever the password looks like.
function userField(text: string): { text: string; removed: boolean } {
  const colon = text.indexOf(':');
  // 557058:f58131cb-… is an Atlassian account id, not a pair.
  if (colon <= 0 || colon === text.length - 1 || text.includes('://') || text.startsWith('[removed: ', colon + 1) || /^\d+$/.test(text.slice(0, colon))) return { text, removed: false };
  return { text: `${text.slice(0, colon + 1)}${markerOf('password')}`, removed: true };
}

/**
 * Returns a copy of parsed JSON with every secret removed, and where each one was:
 * - a field whose name says secret (password, secret, token, private key, API key…) is dropped;
 * - every other string, and every field name, is scrubbed by value (scrubText: PEM blocks, URL
 *   credentials and secret parameters, Bearer/Basic credentials, JWTs, Atlassian tokens, `password=`
 *   and `user:password` pairs, long random strings): the secret becomes a `[removed: …]` marker, a
 *   string that was nothing but a secret is dropped, and a field whose name held one is dropped with
 *   the marker in its path.
 * This runs on every imported file before anything else reads it, so no secret reaches an id, the
 * workspace, a log or a report. The paths name no secret.
 */
export function scrubSecrets(value: unknown): { value: unknown; removed: RemovedSecret[] } {
  const removed: RemovedSecret[] = [];
  // Exports repeat the same field names and values thousands of times; each is scrubbed once.
  const names = new Map<string, { safe: ScrubbedText; secret: boolean; user: boolean }>();
  const nameInfo = (name: string) => {
    let info = names.get(name);
    if (!info) names.set(name, (info = { safe: scrubText(name), secret: isSecretName(name), user: isUserFieldName(name) }));
    return info;
  };
  const values = new Map<string, ScrubbedText>();
  const scrubValue = (text: string) => {
    if (text.length > 200) return scrubText(text);
    let done = values.get(text);
    if (!done) values.set(text, (done = scrubText(text)));
    return done;
  };
  const walk = (node: unknown, at: string, key: string, depth: number): unknown => {
    if (depth > MAX_SCRUB_DEPTH) throw new RangeError(`nested more than ${MAX_SCRUB_DEPTH} levels deep at ${at}`);
    if (typeof node === 'string') {
      let text = node;
      if (key && nameInfo(key).user) {
        const pair = userField(text);
        if (pair.removed) removed.push({ path: at || '(root)', why: 'a password paired with a user name' });
        text = pair.text;
      }
      const scrubbed = scrubValue(text);
      for (const why of scrubbed.removed) removed.push({ path: at || '(root)', why });
      if (scrubbed.removed.length && onlyMarkers(scrubbed.text)) return undefined;
      return scrubbed.text;
    }
    if (Array.isArray(node)) return node.map((child, i) => walk(child, pathOf(at, i), key, depth + 1)).filter((child) => child !== undefined);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(node as Record<string, unknown>)) {
        if (PUBLIC_KEY_NAME.test(name)) continue;
        const info = nameInfo(name);
        const safeName = info.safe;
        if (safeName.removed.length) {
          removed.push({ path: pathOf(at, safeName.text), why: `${safeName.removed.join(', ')} used as a field name` });
          continue;
        }
        if (info.secret && child !== null && child !== '' && child !== false) {
          removed.push({ path: pathOf(at, name), why: `a field named "${name}"` });
          continue;
        }
        const kept = walk(child, pathOf(at, name), name, depth + 1);
        if (kept !== undefined) out[name] = kept;
      }
      return out;
    }
    return node;
  };
  return { value: walk(value, '', '', 0), removed };
}
