/**
 * Every report carries the SHA-256 of its own text in a marker, always the last one in the file: the
 * digest is computed with the marker's 64 hex digits set to zeros, then written into it.
 * `verify-report` does the same and compares. Formats differ only in where the marker sits (a footer,
 * the last JSON field, a final comment line). Only the last marker counts, so a link named like a
 * marker changes nothing.
 */
export const DIGEST_MARKER = 'applink-advisor-sha256:';
export const UNSEALED = `${DIGEST_MARKER}${'0'.repeat(64)}`;
const SEALED = new RegExp(`${DIGEST_MARKER}[0-9a-f]{64}`, 'g');

const replaceLast = (text: string, at: number, length: number, by: string) => text.slice(0, at) + by + text.slice(at + length);

/** Writes the digest into a report made with the `UNSEALED` marker at its end. */
export function sealReport(text: string, sha256: (text: string) => string): string {
  const at = text.lastIndexOf(UNSEALED);
  if (at < 0) throw new Error('the report has no digest marker');
  return replaceLast(text, at, UNSEALED.length, `${DIGEST_MARKER}${sha256(text)}`);
}

/** Checks a report's digest: intact, modified, or not a sealed report at all. */
export function verifySeal(text: string, sha256: (text: string) => string): { status: 'intact' | 'modified'; recorded: string; actual: string } | { status: 'unsealed' } {
  const matches = [...text.matchAll(SEALED)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return { status: 'unsealed' };
  const recorded = last[0].slice(DIGEST_MARKER.length);
  const actual = sha256(replaceLast(text, last.index, last[0].length, UNSEALED));
  return { status: actual === recorded ? 'intact' : 'modified', recorded, actual };
}
