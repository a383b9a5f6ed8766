import { isSecretName, wordsOf } from './secretNames.ts';
import { SECRET_KINDS, classifyToken, isBasicCredential, isBearerCredential, isTokenChar, markerOf, type SecretKind } from './secretTokens.ts';
import { scrubUrl } from './scrubUrl.ts';

/** Free text with its secrets replaced by `[removed: …]` markers, and what was removed (never the value). */
export interface ScrubbedText {
  text: string;
  removed: string[];
}

interface Cut {
  start: number;
  end: number;
  replacement: string;
  said: string;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return isAlnum(c) || c === 95 || c === 46 || c === 45;
};
const isUserChar = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return isAlnum(c) || c === 95 || c === 46 || c === 45 || c === 64 || c === 43;
};
const MAX_NAME = 64;
// A password is shorter than this; anything longer is left to the long-random-string rule.
const MAX_PAIRED_VALUE = 256;

// Applies cuts (in order, not overlapping); markers of the same kind separated only by white space
// become one, so a PEM body split into 64-character lines is one removal.
function applyCuts(text: string, cuts: Cut[], removed: string[]): string {
  if (cuts.length === 0) return text;
  let out = '';
  let at = 0;
  let lastMarker: string | null = null;
  for (const cut of cuts) {
    const gap = text.slice(at, cut.start);
    if (lastMarker !== null && cut.replacement === lastMarker && gap.trim() === '') {
      at = cut.end;
      continue;
    }
    out += gap + cut.replacement;
    removed.push(cut.said);
    lastMarker = cut.replacement.startsWith('[removed: ') ? cut.replacement : null;
    at = cut.end;
  }
  return out + text.slice(at);
}

const marker = (kind: SecretKind, start: number, end: number): Cut => ({ start, end, replacement: markerOf(kind), said: SECRET_KINDS[kind].said });

// -----BEGIN … PRIVATE KEY----- … -----END … PRIVATE KEY-----, or a header whose end was cut off
// (then its base64 body goes with it).
function pemBlocks(text: string): Cut[] {
  const cuts: Cut[] = [];
  let from = 0;
  // The next "-----END " at or after a place, remembered so that many headers cost one scan.
  let nextEnd = -2;
  const endAfter = (at: number) => {
    if (nextEnd !== -1 && nextEnd < at) nextEnd = text.indexOf('-----END ', at);
    return nextEnd;
  };
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', from);
    if (begin < 0) return cuts;
    const labelEnd = text.indexOf('-----', begin + 11);
    if (labelEnd < 0 || labelEnd - begin > 80) {
      from = begin + 11;
      continue;
    }
    const label = text.slice(begin + 11, labelEnd);
    const footer = `-----END ${label}-----`;
    const footerAt = endAfter(labelEnd + 5);
    let end: number;
    if (footerAt >= 0 && text.startsWith(footer, footerAt)) end = footerAt + footer.length;
    else end = bareBodyEnd(text, labelEnd + 5);
    cuts.push(marker(/PRIVATE/i.test(label) ? 'privateKey' : 'pem', begin, end));
    from = end;
  }
}

// No footer: the body is the lines of base64 that follow the header (and its Proc-Type lines).
function bareBodyEnd(text: string, from: number): number {
  let end = from;
  for (;;) {
    let lineStart = end;
    while (lineStart < text.length && (text[lineStart] === '\n' || text[lineStart] === '\r')) lineStart++;
    if (lineStart >= text.length) return end;
    const header = text.startsWith('Proc-Type:', lineStart) || text.startsWith('DEK-Info:', lineStart);
    let i = lineStart;
    let lastKept = lineStart;
    for (; i < text.length && text[i] !== '\n'; i++) {
      const c = text.charCodeAt(i);
      if (isAlnum(c) || c === 43 || c === 47 || c === 61) lastKept = i + 1;
      else if (c === 13 || c === 32 || c === 9) continue;
      else if (!header) return end;
    }
    if (lastKept === lineStart && !header) return end;
    end = header ? i : lastKept;
  }
}

// Every URL in the text (scheme://…), without credentials or secret parameters.
function urls(text: string): Cut[] {
  const cuts: Cut[] = [];
  let from = 0;
  for (;;) {
    const sep = text.indexOf('://', from);
    if (sep < 0) return cuts;
    let start = sep;
    while (start > 0 && sep - start < 32 && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
    let end = sep + 3;
    while (end < text.length && !isSpace(text[end]) && !'"\'<>`'.includes(text[end]!)) end++;
    if (start < sep && /[A-Za-z]/.test(text[start]!)) {
      const scrubbed = scrubUrl(text.slice(start, end));
      if (scrubbed.removed.length) cuts.push({ start, end, replacement: scrubbed.url, said: scrubbed.removed.join(', ') });
    }
    from = end;
  }
}

const kindOfName = (name: string): SecretKind => {
  const words = wordsOf(name);
  if (words.some((w) => /^pass|^pwd$/.test(w))) return 'password';
  if (words.some((w) => w.startsWith('token'))) return 'token';
  return 'secret';
};

// password=…, pwd: …, "api_key": "…", token = … — the value after a name that says secret.
function namedValues(text: string): Cut[] {
  const cuts: Cut[] = [];
  let lastEnd = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '=' && ch !== ':') continue;
    let j = i;
    while (j > 0 && i - j < 4 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    if (text[j - 1] === '"' || text[j - 1] === "'") j--;
    let nameStart = j;
    while (nameStart > 0 && j - nameStart <= MAX_NAME && isNameChar(text, nameStart - 1)) nameStart--;
    if (nameStart === j || j - nameStart > MAX_NAME || nameStart < lastEnd || !isSecretName(text.slice(nameStart, j))) continue;
    let start = i + 1;
    while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
    const quote = text[start] === '"' || text[start] === "'" ? text[start]! : null;
    let end: number;
    if (quote) {
      start++;
      end = start;
      while (end < text.length && text[end] !== quote && text[end] !== '\n') end++;
    } else {
      end = start;
      while (end < text.length && !isSpace(text[end]) && !'&;,"\'<>)]}'.includes(text[end]!)) end++;
    }
    if (end === start || text.startsWith('[removed: ', start)) continue;
    // "Authorization: Bearer abc…", "password: correct horse": a short word may be a scheme or half the secret.
    if (!quote && end - start <= 12 && /^[A-Za-z]+$/.test(text.slice(start, end)) && (text[end] === ' ' || text[end] === '\t')) {
      let next = end;
      while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
      let nextEnd = next;
      while (nextEnd < text.length && !isSpace(text[nextEnd]) && !'&;,"\'<>)]}'.includes(text[nextEnd]!)) nextEnd++;
      if (nextEnd > next) end = nextEnd;
    }
    const scheme = text.slice(start, Math.min(end, start + 7)).toLowerCase();
    const kind = scheme.startsWith('bearer ') ? 'bearer' : scheme.startsWith('basic ') ? 'basic' : kindOfName(text.slice(nameStart, j));
    cuts.push(marker(kind, start, end));
    lastEnd = end;
    i = end - 1;
  }
  return cuts;
}

// Runs of token characters that are a JWT, an Atlassian token, a personal access token, a long random
// string, or the credential after "Bearer" / "Basic".
function tokens(text: string): Cut[] {
  const cuts: Cut[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
    let end = i;
    while (end > start && text[end - 1] === '.') end--;
    if (end - start < 8) continue;
    const token = text.slice(start, end);
    let w = start;
    while (w > 0 && start - w < 4 && isSpace(text[w - 1])) w--;
    const scheme = w < start ? text.slice(Math.max(0, w - 6), w).toLowerCase() : '';
    // The scheme word goes with its credential: "Bearer abc…" as a whole is the header value.
    const lastEnd = cuts.length ? cuts[cuts.length - 1]!.end : 0;
    if (scheme.endsWith('bearer') && isBearerCredential(token)) cuts.push(marker('bearer', Math.max(w - 6, lastEnd), end));
    else if (scheme.endsWith('basic') && isBasicCredential(token)) cuts.push(marker('basic', Math.max(w - 5, lastEnd), end));
    else {
      const kind = classifyToken(token);
      if (kind) cuts.push(marker(kind, start, end));
      else {
        // A token glued to a word by a separator (a file named jira-ATATT….json): cut from the prefix.
        const inner = embeddedTokenStart(token);
        if (inner > 0) cuts.push(marker('atlassian', start + inner, end));
      }
    }
  }
  return cuts;
}

/** Where an Atlassian-prefixed token starts inside a run, after a `-` or `_`; 0 when none does. */
function embeddedTokenStart(token: string): number {
  for (const prefix of ['ATATT', 'ATCTT', 'ATOAT', 'ATBB', 'BBDC-']) {
    for (let at = token.indexOf(prefix, 1); at > 0; at = token.indexOf(prefix, at + 1)) {
      if ((token[at - 1] === '-' || token[at - 1] === '_') && classifyToken(token.slice(at)) === 'atlassian') return at;
    }
  }
  return 0;
}

// user:password written together (svc-link:Hunter2!), where the part after the colon has letters and
// digits or symbols — not a time (10:30), a port (host:8080), a path (C:\…) or a URL.
const TIME_REST = /^\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2})?)?[.,;)]?$/;

function userPasswordPairs(text: string): Cut[] {
  const cuts: Cut[] = [];
  // Where the value after a colon stops (white space or a quote), found once for many colons.
  let stop = -1;
  const stopAfter = (at: number) => {
    if (stop < at) {
      stop = at;
      while (stop < text.length && !isSpace(text[stop]) && !'"\'<>'.includes(text[stop]!)) stop++;
    }
    return stop;
  };
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let nameStart = i;
    while (nameStart > 0 && i - nameStart <= MAX_NAME && isUserChar(text, nameStart - 1)) nameStart--;
    if (i - nameStart < 2 || i - nameStart > MAX_NAME) continue;
    const before = text[nameStart - 1];
    if (before !== undefined && !isSpace(before) && !'"\'(=,;<'.includes(before)) continue;
    const end = stopAfter(i + 1);
    if (end - i > MAX_PAIRED_VALUE) continue;
    const value = text.slice(i + 1, end);
    if ( value.length < 6 || '/\\:['.includes(value[0]!)) continue;
    if (!/[A-Za-z]/.test(value) || !/[^A-Za-z]/.test(value) || /^\d+$/.test(text.slice(nameStart, i))) continue;
    // The minutes of a time stamp (2026-12-03T04:10:11.123Z, 04:10:11+01:00) are not a password.
    if (/\d$/.test(text.slice(nameStart, i)) && TIME_REST.test(value)) continue;
    cuts.push(marker('password', i + 1, end));
    i = end - 1;
  }
  return cuts;
}

// Which passes can find anything: most names and values (ids, class names, product types) have no
// colon, no equals sign and no run of 8 token characters, and most URLs need only two passes. One scan tells.
function passesFor(text: string): Array<(text: string) => Cut[]> {
  let run = 0;
  let longRun = false;
  let colon = false;
  let equals = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) colon = true;
    else if (c === 61) equals = true;
    if (isTokenChar(c)) {
      if (++run >= 8) longRun = true;
    } else run = 0;
  }
  const passes: Array<(text: string) => Cut[]> = [];
  if (longRun && text.includes('-----BEGIN ')) passes.push(pemBlocks);
  if (colon && text.includes('://')) passes.push(urls);
  if (colon || equals) passes.push(namedValues);
  if (longRun) passes.push(tokens);
  if (colon) passes.push(userPasswordPairs);
  return passes;
}

/**
 * Replaces every secret in free text (a name, a note, a CSV cell, a JSON key or value) by a marker
 * such as `[removed: password]`: PEM blocks and bare PEM bodies, credentials and secret parameters in
 * URLs, `password=`/`pwd:`/`token:` pairs, Bearer and Basic credentials, JWTs, Atlassian tokens,
 * personal access tokens, long random strings and `user:password` pairs. Linear in the text's length.
 */
export function scrubText(input: string): ScrubbedText {
  const removed: string[] = [];
  let text = input;
  // A pass only ever shortens the text to markers, so what later passes need is known from the input.
  for (const pass of passesFor(input)) text = applyCuts(text, pass(text), removed);
  return { text, removed };
}

/** True when nothing but markers and white space is left: the whole text was a secret. */
export function onlyMarkers(text: string): boolean {
  return text.replace(/\[removed: [^\]]{1,40}\]/g, '').trim() === '';
}
