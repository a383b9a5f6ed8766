import { parse as jsoncParse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { linkSchema, type Link } from './link.ts';
import { problemsFrom, type InputProblem } from './validationMessages.ts';

export const INVENTORY_FORMAT = 'applink-advisor.inventory';
export const INVENTORY_VERSION = 1;

export const inventorySchema = z.object({
  format: z.literal(INVENTORY_FORMAT),
  version: z.literal(INVENTORY_VERSION),
  links: z.array(linkSchema).max(100_000),
});

/** The app's own interchange file: a list of links (documented in docs/inventory-format.md). */
export type Inventory = z.infer<typeof inventorySchema>;

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

/** Parses and validates an inventory file's text. Every problem is reported; nothing partial is returned. */
export function parseInventory(text: string): ParseResult<Inventory> {
  const json = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!json.ok) return json;
  const result = inventorySchema.safeParse(json.value);
  if (!result.success) return { ok: false, problems: problemsFrom(result.error) };
  const seen = new Map<string, number>();
  const problems: InputProblem[] = [];
  result.data.links.forEach((link: Link, index) => {
    const first = seen.get(link.id);
    if (first !== undefined) problems.push({ path: `links[${index}].id`, message: `duplicate id "${link.id}" (first used at links[${first}])` });
    else seen.set(link.id, index);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: result.data };
}
