import { parse as jsoncParse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { InputProblem } from './validationMessages.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Line and column of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Parses strict JSON text. A syntax error is located by jsonc-parser (Node 20's JSON.parse
 * often names no position) and reported with its line and column.
 */
export function parseJsonText(text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const errors: ParseError[] = [];
    jsoncParse(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const reason = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : (error as Error).message;
    return { ok: false, problems: [{ path: first ? lineAndColumn(text, first.offset) : '(root)', message: `not valid JSON: ${reason}` }] };
  }
}

