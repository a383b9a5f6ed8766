/**
 * Every report carries the SHA-256 of its own text in a marker, always the last one in the file: the
 * digest is computed with the marker's 64 hex digits set to zeros, then written into it.
 * `verify-report` does the same and compares. Formats differ only in where the marker sits (a footer,
 * the last JSON field, a final comment line). Only the last marker counts, so a link named like a
 * marker changes nothing. A signed report has a second marker right after it: the Ed25519 signature of
 * the digest, zeroed likewise while the digest is computed.
 */
export const DIGEST_MARKER = 'applink-advisor-sha256:';
export const SIGNATURE_MARKER = 'applink-advisor-ed25519:';
export const UNSEALED = `${DIGEST_MARKER}${'0'.repeat(64)}`;
export const UNSIGNED = `${SIGNATURE_MARKER}${'0'.repeat(128)}`;
const SEALED = new RegExp(`${DIGEST_MARKER}[0-9a-f]{64}( ${SIGNATURE_MARKER}[0-9a-f]{128})?`, 'g');

/** The integrity marker a format writes: the digest, and a signature slot when the report will be signed. */
export const integrityText = (signed: boolean) => (signed ? `${UNSEALED} ${UNSIGNED}` : UNSEALED);

const replaceAt = (text: string, at: number, length: number, by: string) => text.slice(0, at) + by + text.slice(at + length);

/**
 * Writes the digest (and, given `sign`, the signature of the digest) into a report made with
 * `integrityText` at its end.
 */
export function sealReport(text: string, sha256: (text: string) => string, sign?: (digest: string) => string): string {
  const placeholder = integrityText(Boolean(sign));
  const at = text.lastIndexOf(placeholder);
  if (at < 0) throw new Error(sign ? 'the report has no signature slot' : 'the report has no digest marker');
  const digest = sha256(text);
  const signature = sign ? sign(digest) : null;
  if (signature !== null && !/^[0-9a-f]{128}$/.test(signature)) throw new Error('an Ed25519 signature is 64 bytes');
  return replaceAt(text, at, placeholder.length, `${DIGEST_MARKER}${digest}${signature ? ` ${SIGNATURE_MARKER}${signature}` : ''}`);
}

export type SealCheck =
  | { status: 'intact' | 'modified'; recorded: string; actual: string; signature: string | null }
  | { status: 'unsealed' };

/** Checks a report's digest: intact, modified, or not a sealed report at all; returns the signature if any. */
export function verifySeal(text: string, sha256: (text: string) => string): SealCheck {
  const last = [...text.matchAll(SEALED)].at(-1);
  if (!last || last.index === undefined) return { status: 'unsealed' };
  const recorded = last[0].slice(DIGEST_MARKER.length, DIGEST_MARKER.length + 64);
  const signature = last[1] ? last[1].slice(1 + SIGNATURE_MARKER.length) : null;
  const actual = sha256(replaceAt(text, last.index, last[0].length, integrityText(signature !== null)));
  return { status: actual === recorded ? 'intact' : 'modified', recorded, actual, signature };
}
