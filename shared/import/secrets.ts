/** A secret removed from an import: where it was, never what it was. */
export interface RemovedSecret {
  path: string;
  why: string;
}

// Field names that hold secrets in Applinks exports and in files people assemble by hand.
const SECRET_NAME = /pass(word|wd|phrase)?$|secret|token|private.?key|credential|api.?key|^auth(orization)?$|^cookie$|^session/i;
// Values that are secrets whatever the field is called.
const SECRET_VALUE: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^Bearer\s+\S{8,}/i, 'a bearer token'],
  [/^Basic\s+[A-Za-z0-9+/=]{8,}$/i, 'a Basic authorization header'],
  [/^[A-Za-z0-9-_]{10,}\.[A-Za-z0-9-_]{10,}\.[A-Za-z0-9-_]{10,}$/, 'a JSON web token'],
  [/^(ATATT|ATCTT|BBDC-|NjU|MD)[A-Za-z0-9+/=_-]{20,}$/, 'an Atlassian API or personal access token'],
];
// Public keys are not secrets; the importer has no use for them either, so they are dropped unrecorded.
const PUBLIC_KEY_NAME = /^public.?key$/i;

const pathOf = (parent: string, key: string | number) => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/**
 * Returns a copy of parsed JSON with every secret removed — by field name (password, secret, token,
 * private key…) or by value (a PEM private key, a bearer token, a JWT…) — and where each one was. This
 * runs on every imported file before anything else reads it, so no secret reaches the workspace, a
 * log or a report.
 */
export function scrubSecrets(value: unknown): { value: unknown; removed: RemovedSecret[] } {
  const removed: RemovedSecret[] = [];
  const walk = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      const match = SECRET_VALUE.find(([pattern]) => pattern.test(node));
      if (match) {
        removed.push({ path: at || '(root)', why: match[1] });
        return undefined;
      }
      return node;
    }
    if (Array.isArray(node)) return node.map((child, i) => walk(child, pathOf(at, i))).filter((child) => child !== undefined);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
        if (PUBLIC_KEY_NAME.test(key)) continue;
        if (SECRET_NAME.test(key) && child !== null && child !== '' && child !== false) {
          removed.push({ path: pathOf(at, key), why: `a field named "${key}"` });
          continue;
        }
        const kept = walk(child, pathOf(at, key));
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    return node;
  };
  return { value: walk(value, ''), removed };
}
