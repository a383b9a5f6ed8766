/**
 * What a report needs to know about a printed PDF, read from Chromium's output without a PDF library:
 * how many pages it has, and on which page each named destination (an anchor some link points to)
 * lands. Chromium (Skia) writes classic, uncompressed object dictionaries, which is all this reads.
 */

/** A PDF's bytes as a string of one character per byte (latin1), so offsets are byte offsets. */
export const text = (pdf: Uint8Array): string => {
  // Small chunks joined once: spreading 64 KB chunks into fromCharCode and appending took 1.3 s for a 23 MB PDF; this takes 0.15 s.
  const parts: string[] = [];
  const chunk = 8_192;
  for (let i = 0; i < pdf.length; i += chunk) parts.push(String.fromCharCode.apply(null, pdf.subarray(i, i + chunk) as unknown as number[]));
  return parts.join('');
};

export interface ParsedPdf { bytes: Uint8Array; text: string; offsets: Map<string, number>; trailer: string }

/** The cross-reference table (and those of earlier updates, through /Prev): object number → byte offset. */
export function parse(pdf: Uint8Array): ParsedPdf {
  const s = text(pdf);
  const offsets = new Map<string, number>();
  // The last startxref: a sealed report carries a comment line after %%EOF.
  let at = Number([...s.slice(-4096).matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1)?.[1] ?? NaN);
  let trailer = '';
  for (let guard = 0; Number.isFinite(at) && guard < 16; guard++) {
    if (s.slice(at, at + 4) !== 'xref') throw new Error('the PDF has no classic cross-reference table');
    const end = s.indexOf('trailer', at);
    const lines = s.slice(at + 4, end).trim().split(/\r?\n|\r/);
    for (let i = 0; i < lines.length;) {
      const [first, count] = lines[i]!.trim().split(/\s+/).map(Number);
      for (let k = 0; k < count!; k++) {
        const [offset, , kind] = lines[i + 1 + k]!.trim().split(/\s+/);
        const n = String(first! + k);
        if (kind === 'n' && !offsets.has(n)) offsets.set(n, Number(offset));
      }
      i += 1 + count!;
    }
    const dict = s.slice(end, s.indexOf('startxref', end));
    trailer ||= dict;
    at = Number(/\/Prev (\d+)/.exec(dict)?.[1] ?? NaN);
  }
  if (!trailer) throw new Error('the PDF has no trailer');
  return { bytes: pdf, text: s, offsets, trailer };
}

/** The body of object `n 0 obj … endobj`, or null. */
export function objectBody(pdf: ParsedPdf, n: string): string | null {
  const at = pdf.offsets.get(n);
  if (at === undefined) return null;
  const end = pdf.text.indexOf('endobj', at);
  return pdf.text.slice(pdf.text.indexOf('obj', at) + 3, end);
}

/** The page objects in reading order, walking the page tree from the catalog's /Pages. */
export function pageOrder(pdf: ParsedPdf): string[] {
  const root = /\/Root (\d+) 0 R/.exec(pdf.trailer)?.[1];
  const catalog = root ? objectBody(pdf, root) : null;
  const pagesRoot = catalog ? /\/Pages (\d+) 0 R/.exec(catalog)?.[1] : undefined;
  if (!pagesRoot) throw new Error('the PDF has no page tree');
  const order: string[] = [];
  const walk = (n: string, depth: number) => {
    const body = objectBody(pdf, n);
    if (!body || depth > 32) throw new Error(`the PDF's page tree names a missing object ${n}`);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (/\/Type\s*\/Pages\b/.test(body) && kids) for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(k[1]!, depth + 1);
    else order.push(n);
  };
  walk(pagesRoot, 0);
  return order;
}

/** The number of pages of a PDF (the /Count of its page tree's root). */
export function pdfPageCount(pdf: Uint8Array): number {
  return pageOrder(parse(pdf)).length;
}

/** Named destination → page number (from 1), from the catalog's /Dests dictionary. */
export function pdfDestinationPages(pdf: Uint8Array): Record<string, number> {
  return pdfLayout(pdf).destinations;
}

/** A PDF's page count and the page of each named destination, from one reading of it (a large PDF takes a quarter-second to read). */
export function pdfLayout(pdf: Uint8Array): { pageCount: number; destinations: Record<string, number> } {
  const s = parse(pdf);
  const order = pageOrder(s);
  const index = new Map(order.map((n, i) => [n, i + 1]));
  const root = /\/Root (\d+) 0 R/.exec(s.trailer)![1]!;
  const catalog = objectBody(s, root)!;
  const destsRef = /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  const dests = destsRef ? objectBody(s, destsRef) : /\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1];
  const destinations: Record<string, number> = {};
  for (const m of dests?.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+) 0 R/g) ?? []) {
    const page = index.get(m[2]!);
    if (page) destinations[decodeName(m[1]!)] = page;
  }
  return { pageCount: order.length, destinations };
}

// PDF names write other bytes as #xx (ISO 32000-1 §7.3.5).
const decodeName = (name: string) => name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
