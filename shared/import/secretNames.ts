// Which names of fields, query parameters and `name=value` pairs say that their value is a secret.
// The rule works on the words of a name (camelCase, snake_case, kebab-case and dotted names split
// alike), so `os_password`, `sharedSecret`, `oauth.accessToken`, `X-Amz-Signature` and `api_key`
// are caught, while `os_authType`, `signatureMethod` or `privateNote` are not.

const SECRET_WORDS = new Set([
  'password', 'passwords', 'passwd', 'passphrase', 'pwd', 'secret', 'secrets', 'token', 'tokens',
  'credential', 'credentials', 'jwt', 'cookie', 'cookies', 'apikey', 'privatekey', 'passcode',
]);
// A word that makes the name a secret when it ends the name (`signature`, but not `signatureMethod`).
const SECRET_LAST_WORDS = new Set(['sig', 'signature', 'pass', 'session', 'sessionid', 'jsessionid', 'sid']);
// `apiKey`, `private_key`, `accessKey`, `signing.key` (an OAuth `consumerKey` or Connect `clientKey`
// names an application, not a secret).
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'signing', 'encryption', 'master', 'license']);
const WHOLE_NAMES = new Set(['auth', 'authorization', 'proxyauthorization']);
// Parameters that carry credentials in URLs only (OAuth 2 `code`, Google-style `key`, signed URLs' `sig`).
const URL_ONLY_NAMES = new Set(['code', 'key', 'sig']);
const USER_WORDS = new Set(['user', 'username', 'login', 'account', 'principal', 'userid']);

const MAX_NAME_LENGTH = 128;
// Every secret name holds one of these: a cheap test before splitting the name into words.
const HINTS = ['pass', 'pwd', 'secret', 'token', 'credential', 'jwt', 'cookie', 'key', 'sig', 'session', 'sid', 'auth'];

/** The lower-case words of a field or parameter name; empty for a name too long to be one. */
export function wordsOf(name: string): string[] {
  if (name.length > MAX_NAME_LENGTH) return [];
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a field or `name=value` pair of this name holds a secret (password, token, API key…). */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (!HINTS.some((hint) => lower.includes(hint))) return false;
  const words = wordsOf(name);
  if (words.length === 0) return false;
  if (WHOLE_NAMES.has(words.join(''))) return true;
  if (SECRET_LAST_WORDS.has(words[words.length - 1]!)) return true;
  return words.some((word, i) => SECRET_WORDS.has(word) || (word === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)));
}

/** True when a URL query (or path or fragment) parameter of this name holds a secret. */
export function isSecretParameter(name: string): boolean {
  return isSecretName(name) || URL_ONLY_NAMES.has(name.toLowerCase()) || /^x-amz-(credential|signature|security-token)$/i.test(name);
}

/** True for a field that names a user (`executingTwoLOUser`, `username`): `user:password` there is a pair. */
export function isUserFieldName(name: string): boolean {
  return wordsOf(name).some((word) => USER_WORDS.has(word));
}
