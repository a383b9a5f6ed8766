import { parse as jsoncParse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { InputProblem } from './validationMessages.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Arrays and objects nested deeper than this are refused: no file this app reads comes near it. */
export const MAX_JSON_NESTING = 100;

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Where the nesting first goes deeper than the limit (a character offset), or -1. One pass, no recursion. */
function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/**
 * Parses strict JSON text (a leading byte-order mark is accepted). A syntax error is located by
 * jsonc-parser (Node 20's JSON.parse often names no position) and reported with its line and column;
 * nesting deeper than MAX_JSON_NESTING is refused before parsing, so no later walk can exhaust the stack;
 * text holding NUL characters is named as UTF-16, which is what such a file almost always is.
 */
/** The same key written with \u escapes ("\u005f_proto__"): JSON.parse decodes it to "__proto__" too. */
function escapedProtoKey(text: string): RegExpExecArray | null {
  if (!text.includes('\\u')) return null;
  // Only keys holding an escape are decoded; text that parsed has no backslash outside its strings.
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*\\u(?:[^"\\]|\\.)*)"\s*:/g)) {
    try {
      if (JSON.parse(`"${match[1]}"`) === '__proto__') return match;
    } catch {
      // not a whole string: cannot be a key
    }
  }
  return null;
}

export function parseJsonText(input: string): ParseResult<unknown> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return { ok: false, problems: [{ path: lineAndColumn(text, nul), message: 'not UTF-8 text: it holds NUL characters, so it was probably saved as UTF-16; save it as UTF-8' }] };
  }
  const deep = tooDeepAt(text, MAX_JSON_NESTING);
  if (deep >= 0) {
    return { ok: false, problems: [{ path: lineAndColumn(text, deep), message: `nested more than ${MAX_JSON_NESTING} levels deep (arrays and objects within each other); the limit is ${MAX_JSON_NESTING}` }] };
  }
  try {
    const value = JSON.parse(text) as unknown;
    // A "__proto__" key is an own property after JSON.parse, but copying or sorting objects drops or
    // misreads it (a bundle's digest would not cover it): no file the app reads has a use for one.
    const proto = /"__proto__"\s*:/.exec(text) ?? escapedProtoKey(text);
    if (proto) return { ok: false, problems: [{ path: lineAndColumn(text, proto.index), message: 'a key named "__proto__" is not allowed' }] };
    return { ok: true, value };
  } catch (error) {
    const errors: ParseError[] = [];
    jsoncParse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const reason = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : (error as Error).message;
    return { ok: false, problems: [{ path: first ? lineAndColumn(text, first.offset) : '(root)', message: `not valid JSON: ${reason}` }] };
  }
}
