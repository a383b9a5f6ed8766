import { parse } from 'csv-parse/sync';
import { linkSchema, type Link } from '../model/link.ts';
import { AUTH_TOKENS } from '../model/vocabulary.ts';
import { problemsFrom } from '../model/validationMessages.ts';
import { scrubText } from './scrubText.ts';
import type { RemovedSecret } from './secrets.ts';
import type { ImportProblem } from './shapes.ts';

/** The columns of a spreadsheet of links (documented in docs/import.md); only the first five are required. */
export const CSV_COLUMNS = [
  'id', 'name', 'local_product', 'remote_product', 'local_url',
  'remote_url', 'local_version', 'remote_version', 'local_applinks_version', 'remote_applinks_version',
  'local_outgoing', 'local_incoming', 'remote_outgoing', 'remote_incoming',
  'mutual_trust', 'shared_user_base', 'admin_on_remote', 'sysadmin_on_remote', 'working', 'notes',
] as const;
const REQUIRED = CSV_COLUMNS.slice(0, 5);

const tokens = (cell: string | undefined) => (cell ?? '').split(/[+;,\s]+/).filter(Boolean);
const yesNo = (cell: string | undefined): boolean | null | undefined => {
  const value = (cell ?? '').trim().toLowerCase();
  if (value === '') return null;
  if (['yes', 'y', 'true', '1'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  return undefined;
};

// Every cell, header included, loses its secrets to markers before anything reads it (a name that was
// only a token becomes "[removed: …]", so the row still imports); `removed` says which line and column.
function scrubCells(rows: string[][], removed: RemovedSecret[]): string[][] {
  let names: string[] = [];
  return rows.map((cells, row) => {
    const scrubbed = cells.map((cell, column) => {
      const { text, removed: found } = scrubText(cell);
      const where = `line ${row + 1}, column ${row === 0 || !names[column] ? column + 1 : names[column]}`;
      for (const why of found) removed.push({ path: where, why });
      return text;
    });
    if (row === 0) names = scrubbed.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
    return scrubbed;
  });
}

/**
 * Reads links typed in a spreadsheet and saved as CSV (comma separated, a header row naming the
 * columns, any order). Each problem names the file, the row and column, and what was expected.
 * Secrets in any cell are removed first (`removed` says where).
 */
export function readCsvLinks(text: string, file: string): { links: Link[]; problems: ImportProblem[]; removed: RemovedSecret[] } {
  let rows: string[][];
  const removed: RemovedSecret[] = [];
  try {
    rows = scrubCells(parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][], removed);
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    // csv-parse quotes the start of the offending cell ("value is …"): it may hold a secret too.
    const reason = scrubText((error as Error).message.replace(/^Invalid [^:]*: /, '')).text;
    return { links: [], removed, problems: [{ file, path: line ? `line ${line}` : '(file)', message: `not valid CSV: ${reason}` }] };
  }
  const [header, ...body] = rows;
  if (!header) return { links: [], removed, problems: [{ file, path: 'line 1', message: `expected a header row naming the columns (${REQUIRED.join(', ')}, …)` }] };
  const names = header.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const problems: ImportProblem[] = [];
  const unknown = names.filter((n) => n && !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) problems.push({ file, path: 'line 1', message: `unknown column(s) ${unknown.join(', ')}; expected some of ${CSV_COLUMNS.join(', ')}` });
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length) return { links: [], removed, problems: [...problems, { file, path: 'line 1', message: `missing column(s) ${missing.join(', ')}` }] };
  const links: Link[] = [];
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: (typeof CSV_COLUMNS)[number]) => {
      const at = names.indexOf(column);
      return at >= 0 ? cells[at] : undefined;
    };
    const rowProblems: ImportProblem[] = [];
    const answer = (column: (typeof CSV_COLUMNS)[number]) => {
      const value = yesNo(cell(column));
      if (value === undefined) rowProblems.push({ file, path: `line ${line}, column ${column}`, message: 'expected yes, no or empty' });
      return value ?? null;
    };
    const directions = (out: (typeof CSV_COLUMNS)[number], inc: (typeof CSV_COLUMNS)[number]) => {
      const check = (column: (typeof CSV_COLUMNS)[number]) => {
        const list = tokens(cell(column));
        for (const t of list) if (!(AUTH_TOKENS as readonly string[]).includes(t)) rowProblems.push({ file, path: `line ${line}, column ${column}`, message: `"${t}" is not one of ${AUTH_TOKENS.join(', ')} (separate several with +)` });
        return list;
      };
      return { outgoing: check(out), incoming: check(inc) };
    };
    const optional = (value: string | undefined) => (value ? value : undefined);
    const hasRemote = Boolean(cell('remote_outgoing') || cell('remote_incoming'));
    const working = yesNo(cell('working'));
    const candidate = {
      id: cell('id'), name: cell('name'),
      local: { product: cell('local_product')?.toLowerCase(), baseUrl: optional(cell('local_url')), version: optional(cell('local_version')), applinksVersion: optional(cell('local_applinks_version')) },
      remote: { product: cell('remote_product')?.toLowerCase(), baseUrl: optional(cell('remote_url')), version: optional(cell('remote_version')), applinksVersion: optional(cell('remote_applinks_version')) },
      config: { local: directions('local_outgoing', 'local_incoming'), ...(hasRemote ? { remote: directions('remote_outgoing', 'remote_incoming') } : {}) },
      answers: { mutualTrust: answer('mutual_trust'), sharedUserBase: answer('shared_user_base'), adminOnRemote: answer('admin_on_remote'), sysadminOnRemote: answer('sysadmin_on_remote') },
      ...(typeof working === 'boolean' ? { status: { working } } : {}),
      ...(cell('notes') ? { notes: cell('notes') } : {}),
    };
    if (rowProblems.length) {
      problems.push(...rowProblems);
      return;
    }
    const parsed = linkSchema.safeParse(candidate);
    if (!parsed.success) {
      problems.push(...problemsFrom(parsed.error).map((p) => ({ file, path: `line ${line}, ${csvColumnOf(p.path)}`, message: p.message })));
      return;
    }
    links.push(parsed.data);
  });
  return { links, problems, removed };
}

// A link path such as local.baseUrl, as the CSV column that holds it.
function csvColumnOf(linkPath: string): string {
  const map: Record<string, string> = {
    id: 'id', name: 'name', 'local.product': 'local_product', 'remote.product': 'remote_product', 'local.baseUrl': 'local_url', 'remote.baseUrl': 'remote_url',
    'local.version': 'local_version', 'remote.version': 'remote_version', 'local.applinksVersion': 'local_applinks_version', 'remote.applinksVersion': 'remote_applinks_version',
  };
  return `column ${map[linkPath] ?? linkPath}`;
}
