import { z } from 'zod';
import { linkSchema, type Link } from './link.ts';
import { parseJsonText, type ParseResult } from './jsonText.ts';
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

export type { ParseResult };

/** Whether a parsed JSON value says it is an inventory file (its `format` tag), valid or not. */
export function isInventoryValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === INVENTORY_FORMAT;
}

/** Parses and validates an inventory file's text. Every problem is reported; nothing partial is returned. */
export function parseInventory(text: string): ParseResult<Inventory> {
  const json = parseJsonText(text.replace(/^\uFEFF/, ''));
  return json.ok ? validateInventory(json.value) : json;
}

/** Validates an already parsed inventory (ids unique); every problem is reported. */
export function validateInventory(value: unknown): ParseResult<Inventory> {
  const result = inventorySchema.safeParse(value);
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
