import { objectBody, pageOrder, parse, type ParsedPdf } from './pdfPages.ts';

// Object body split into its dictionary (where references are) and its stream bytes (left untouched).
function splitStream(body: string): { dict: string; stream: string } {
  const m = /(>>\s*)stream(\r\n|\n)/.exec(body);
  return m ? { dict: body.slice(0, m.index + m[1]!.length), stream: body.slice(m.index + m[1]!.length) } : { dict: body, stream: '' };
}

// The structure tree of the first printing describes its own pages; the replaced pages are left out of it.
const withoutStructure = (dict: string) => dict.replace(/\/StructParents? \d+/g, '');

/**
 * `full` with its first `count` pages replaced by the first `count` pages of `front`, as a standard
 * incremental update (ISO 32000-1 §7.5.6): the front pages' objects (contents, fonts, annotations) are
 * appended under new numbers, and each replaced page object is redefined under its own number, so the
 * page tree, the named destinations and everything else of `full` stay as they are. Used to print a
 * long report's contents page again with its page numbers without printing the whole report twice.
 * Reads Chromium's PDFs (classic cross-reference tables, uncompressed dictionaries).
 */
export function replaceLeadingPages(full: Uint8Array, front: Uint8Array, count: number): Uint8Array {
  const target = parse(full);
  const source = parse(front);
  const targetPages = pageOrder(target).slice(0, count);
  const sourcePages = pageOrder(source).slice(0, count);
  if (targetPages.length !== count || sourcePages.length !== count) throw new Error(`cannot replace ${count} pages: the documents have ${targetPages.length} and ${sourcePages.length}`);
  let next = Number(/\/Size (\d+)/.exec(target.trailer)?.[1] ?? NaN);
  if (!Number.isFinite(next)) throw new Error('the PDF trailer has no /Size');
  // Every object the front pages use, except the page tree above them.
  const renumber = new Map<string, number>();
  const queue = [...sourcePages];
  const pageSet = new Set(sourcePages);
  while (queue.length) {
    const n = queue.shift()!;
    const body = body_(source, n);
    for (const m of splitStream(body).dict.replace(/\/Parent \d+ 0 R/g, '').matchAll(/(\d+) 0 R/g)) {
      const ref = m[1]!;
      if (!renumber.has(ref) && !pageSet.has(ref)) {
        renumber.set(ref, next++);
        queue.push(ref);
      }
    }
  }
  const rewrite = (dict: string) => dict.replace(/(\d+) 0 R/g, (all, ref: string) => (renumber.has(ref) ? `${renumber.get(ref)} 0 R` : all));
  const objects: Array<[number, string]> = [];
  for (const [old, now] of renumber) {
    const { dict, stream } = splitStream(body_(source, old));
    objects.push([now, `${withoutStructure(rewrite(dict))}${stream}`]);
  }
  sourcePages.forEach((page, i) => {
    const parent = /\/Parent (\d+) 0 R/.exec(body_(target, targetPages[i]!))?.[1];
    if (!parent) throw new Error(`page ${i + 1} has no parent`);
    const dict = withoutStructure(rewrite(body_(source, page).replace(/\/Parent \d+ 0 R/, `/Parent ${parent} 0 R`)));
    objects.push([Number(targetPages[i]), dict]);
  });
  let out = target.text;
  if (!out.endsWith('\n')) out += '\n';
  const xref: string[] = [];
  for (const [n, body] of objects.sort((a, b) => a[0] - b[0])) {
    xref.push(`${n} 1\n${String(out.length).padStart(10, '0')} 00000 n\r\n`);
    out += `${n} 0 obj\n${body.trim()}\nendobj\n`;
  }
  const prev = [...target.text.slice(-4096).matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1)![1];
  const root = /\/Root (\d+ \d+ R)/.exec(target.trailer)![1];
  const info = /\/Info (\d+ \d+ R)/.exec(target.trailer)?.[1];
  const xrefAt = out.length;
  out += `xref\n${xref.join('')}trailer\n<</Size ${next}\n/Root ${root}${info ? `\n/Info ${info}` : ''}\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const bytes = new Uint8Array(out.length);
  for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
  return bytes;
}

// An object's text: its dictionary and, for a stream, exactly /Length bytes of data (which may hold any bytes).
function body_(pdf: ParsedPdf, n: string): string {
  const at = pdf.offsets.get(n);
  if (at === undefined) throw new Error(`the PDF names a missing object ${n}`);
  const start = pdf.text.indexOf('obj', at) + 3;
  const end = pdf.text.indexOf('endobj', start);
  const m = /(>>\s*)stream(\r\n|\n)/.exec(pdf.text.slice(start, Math.min(end, start + 100_000)));
  if (!m || pdf.text.slice(start, start + m.index).includes('endobj')) return objectBody(pdf, n)!;
  const dict = pdf.text.slice(start, start + m.index + m[1]!.length);
  const length = /\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1];
  if (length === undefined) throw new Error(`stream object ${n} has no direct /Length`);
  const dataAt = start + m.index + m[0].length;
  return `${dict}stream\n${pdf.text.slice(dataAt, dataAt + Number(length))}\nendstream`;
}
