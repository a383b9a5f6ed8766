// Recognises a secret by what it looks like, whatever it is called. Every check here is a single
// pass over characters (no regular expression runs on unbounded input), so an 8 MB token costs
// milliseconds and cannot exhaust the stack.

/** What kind of secret was found: the noun in its `[removed: …]` marker and the words in the preview. */
export const SECRET_KINDS = {
  privateKey: { marker: 'private key', said: 'a private key' },
  pem: { marker: 'PEM block', said: 'a PEM block' },
  password: { marker: 'password', said: 'a password' },
  token: { marker: 'token', said: 'a token' },
  secret: { marker: 'secret', said: 'a secret' },
  bearer: { marker: 'bearer token', said: 'a bearer token' },
  basic: { marker: 'Basic credentials', said: 'Basic authorization credentials' },
  jwt: { marker: 'JSON web token', said: 'a JSON web token' },
  atlassian: { marker: 'Atlassian token', said: 'an Atlassian API or access token' },
  pat: { marker: 'personal access token', said: 'a personal access token' },
  randomKey: { marker: 'key or token', said: 'a key or token (a long random string)' },
} as const;
export type SecretKind = keyof typeof SECRET_KINDS;

/** The text left in place of a secret. */
export const markerOf = (kind: SecretKind): string => `[removed: ${SECRET_KINDS[kind].marker}]`;

const code = (text: string, i: number) => text.charCodeAt(i);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isUpper(c) || isLower(c) || isDigit(c);
/** Characters of base64, base64url and JWTs: letters, digits, + / = _ - (and . ~ between parts). */
export const isTokenChar = (c: number): boolean => isAlnum(c) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45 || c === 46 || c === 126;
const isBase64Char = (c: number) => isAlnum(c) || c === 43 || c === 47 || c === 61;
const isBase64UrlChar = (c: number) => isAlnum(c) || c === 45 || c === 95 || c === 61;

function every(text: string, test: (c: number) => boolean, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) if (!test(code(text, i))) return false;
  return true;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The first bytes (at most `limit` characters read) of a base64 text, as Latin-1 text; null if not base64. */
export function base64Prefix(text: string, limit: number): string | null {
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < Math.min(text.length, limit); i++) {
    const ch = text[i]!;
    if (ch === '=') break;
    const index = BASE64_ALPHABET.indexOf(ch === '-' ? '+' : ch === '_' ? '/' : ch);
    if (index < 0) return null;
    value = (value << 6) | index;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

// Random strings change between upper case, lower case, digits and symbols at most characters
// (about two in three for base64); identifiers such as OAuthAuthenticationProvider2 rarely do.
function looksRandom(text: string, from: number, to: number): boolean {
  if (to - from < 32) return false;
  let upper = false, lower = false, digit = false, changes = 0, previous = -1;
  for (let i = from; i < to; i++) {
    const c = code(text, i);
    const kind = isUpper(c) ? 0 : isLower(c) ? 1 : isDigit(c) ? 2 : 3;
    if (kind === 0) upper = true;
    else if (kind === 1) lower = true;
    else if (kind === 2) digit = true;
    if (previous !== -1 && kind !== previous) changes++;
    previous = kind;
  }
  return upper && lower && digit && changes >= 0.4 * (to - from);
}

// Atlassian Cloud API tokens (ATATT…), access and admin tokens, Bitbucket app passwords and Bitbucket
// Data Center HTTP access tokens carry a fixed prefix.
const ATLASSIAN_PREFIXES = ['ATATT', 'ATCTT', 'ATOAT', 'ATBB', 'BBDC-'];

/** The kind of secret a token (a run of token characters, no spaces) is, or null. */
export function classifyToken(token: string): SecretKind | null {
  if (token.length < 16) return null;
  if (token.startsWith('eyJ')) {
    // A JWT: base64url header ("{"… encodes as eyJ), payload and signature (JWE: five parts; an
    // unsigned JWT ends with its dot, which may have been taken for a full stop).
    const parts = token.split('.');
    if (parts.length >= 2 && parts.length <= 5 && parts[0]!.length >= 10 && parts.every((p) => every(p, isBase64UrlChar))) return 'jwt';
  }
  for (const prefix of ATLASSIAN_PREFIXES) if (token.startsWith(prefix) && token.length >= prefix.length + 20) return 'atlassian';
  // Jira, Confluence and Bitbucket Data Center personal access tokens: base64 of "<numeric id>:<random bytes>".
  if (token.length >= 32 && every(token, isBase64Char) && /^\d{6,}:/.test(base64Prefix(token, 24) ?? '')) return 'pat';
  let start = 0;
  for (let i = 0; i <= token.length; i++) {
    if (i === token.length || token[i] === '.' || token[i] === '~') {
      if (looksRandom(token, start, i)) return 'randomKey';
      start = i + 1;
    }
  }
  return null;
}

/** True when the credential after "Basic" is base64 of "user:password". */
export function isBasicCredential(token: string): boolean {
  if (token.length < 8 || !every(token, isBase64Char)) return false;
  return (base64Prefix(token, 1024) ?? '').includes(':');
}

/**
 * True when what follows "Bearer" is a credential, not prose ("Bearer authentication"): at least 16
 * characters, or at least 8 with a digit, a symbol or a capital after the first character.
 */
export function isBearerCredential(token: string): boolean {
  if (token.length >= 16) return true;
  if (token.length < 8) return false;
  for (let i = 1; i < token.length; i++) if (!isLower(code(token, i))) return true;
  return false;
}
