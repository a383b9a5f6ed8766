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
  return appendUpdate(target, objects, next);
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

/** Copies the objects `pages` use out of `source` under numbers from `next` on (the page tree above them left out). */
function copyPages(source: ParsedPdf, pages: readonly string[], next: number): { renumber: Map<string, number>; objects: Array<[number, string]>; next: number; rewrite: (dict: string) => string } {
  const renumber = new Map<string, number>();
  for (const page of pages) renumber.set(page, next++);
  const queue = [...pages];
  while (queue.length) {
    const n = queue.shift()!;
    for (const m of splitStream(body_(source, n)).dict.replace(/\/Parent \d+ 0 R/g, '').matchAll(/(\d+) 0 R/g)) {
      if (!renumber.has(m[1]!)) {
        renumber.set(m[1]!, next++);
        queue.push(m[1]!);
      }
    }
  }
  const rewrite = (dict: string) => dict.replace(/(\d+) 0 R/g, (all, ref: string) => (renumber.has(ref) ? `${renumber.get(ref)} 0 R` : all));
  const objects: Array<[number, string]> = [];
  for (const [old, now] of renumber) {
    const { dict, stream } = splitStream(body_(source, old));
    objects.push([now, `${withoutStructure(rewrite(dict))}${stream}`]);
  }
  return { renumber, objects, next, rewrite };
}

/** Named destinations of a PDF as [name, the rest of its array], from the catalog's /Dests dictionary. */
function destinations(pdf: ParsedPdf): Array<[string, string]> {
  const catalog = body_(pdf, /\/Root (\d+) 0 R/.exec(pdf.trailer)![1]!);
  const ref = /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  const dict = ref ? body_(pdf, ref) : '';
  return [...dict.matchAll(/\/([^\s/[\]<>()]+)\s*\[([^\]]*)\]/g)].map((m) => [m[1]!, m[2]!]);
}

/**
 * One PDF of several printed by Chromium, in order, as an incremental update of the first: the others'
 * pages and what they use are appended under new numbers, a new root of the page tree holds the first's
 * tree and one node per other document, and the named destinations of all are merged (ids are unique
 * across a report, so a link in one part to an anchor in another still works).
 */
export function joinPdfs(first: Uint8Array, others: readonly Uint8Array[]): Uint8Array {
  if (others.length === 0) return first;
  const base = parse(first);
  let next = Number(/\/Size (\d+)/.exec(base.trailer)?.[1] ?? NaN);
  const rootRef = /\/Root (\d+) 0 R/.exec(base.trailer)![1]!;
  const catalog = body_(base, rootRef);
  const basePages = /\/Pages (\d+) 0 R/.exec(catalog)![1]!;
  const newRoot = next++;
  const objects: Array<[number, string]> = [];
  const kids = [`${basePages} 0 R`];
  let count = pageOrder(base).length;
  const dests = destinations(base).map(([name, rest]) => `/${name} [${rest}]`);
  for (const other of others) {
    const source = parse(other);
    const pages = pageOrder(source);
    const node = next++;
    const copied = copyPages(source, pages, next);
    next = copied.next;
    objects.push(...copied.objects.filter(([n]) => !pages.some((p) => copied.renumber.get(p) === n)));
    for (const page of pages) {
      const dict = withoutStructure(copied.rewrite(body_(source, page).replace(/\/Parent \d+ 0 R/, `/Parent ${node} 0 R`)));
      objects.push([copied.renumber.get(page)!, dict]);
    }
    objects.push([node, `<</Type /Pages /Parent ${newRoot} 0 R /Count ${pages.length} /Kids [${pages.map((p) => `${copied.renumber.get(p)} 0 R`).join(' ')}]>>`]);
    kids.push(`${node} 0 R`);
    count += pages.length;
    for (const [name, rest] of destinations(source)) dests.push(`/${name} [${copied.rewrite(rest)}]`);
  }
  objects.push([newRoot, `<</Type /Pages /Count ${count} /Kids [${kids.join(' ')}]>>`]);
  objects.push([Number(basePages), body_(base, basePages).replace(/<<\s*/, `<</Parent ${newRoot} 0 R `)]);
  const destsRef = /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  const destsNum = destsRef ? Number(destsRef) : next++;
  objects.push([destsNum, `<<${dests.join('\n')}>>`]);
  let newCatalog = catalog.replace(`/Pages ${basePages} 0 R`, `/Pages ${newRoot} 0 R`);
  if (!destsRef) newCatalog = newCatalog.replace(/<<\s*/, `<</Dests ${destsNum} 0 R `);
  objects.push([Number(rootRef), newCatalog]);
  return appendUpdate(base, objects, next);
}

// Appends objects (new ones and redefinitions) to a parsed PDF as one incremental update; its own bytes are copied as they are.
function appendUpdate(target: ParsedPdf, objects: Array<[number, string]>, size: number): Uint8Array {
  const base = target.bytes.length;
  let out = target.text.endsWith('\n') ? '' : '\n';
  const xref: string[] = [];
  for (const [n, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    xref.push(`${n} 1\n${String(base + out.length).padStart(10, '0')} 00000 n\r\n`);
    out += `${n} 0 obj\n${body.trim()}\nendobj\n`;
  }
  const prev = [...target.text.slice(-4096).matchAll(/startxref\s+(\d+)\s+%%EOF/g)].at(-1)![1];
  const root = /\/Root (\d+ \d+ R)/.exec(target.trailer)![1];
  const info = /\/Info (\d+ \d+ R)/.exec(target.trailer)?.[1];
  const xrefAt = base + out.length;
  out += `xref\n${xref.join('')}trailer\n<</Size ${size}\n/Root ${root}${info ? `\n/Info ${info}` : ''}\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const bytes = new Uint8Array(base + out.length);
  bytes.set(target.bytes);
  for (let i = 0; i < out.length; i++) bytes[base + i] = out.charCodeAt(i);
  return bytes;
}
