import { pdfDestinationPages, pdfLayout, pdfPageCount } from '../../../shared/present/report/pdfPages.ts';
import { joinPdfs, replaceLeadingPages } from '../../../shared/present/report/pdfSplice.ts';
import type { SummaryLimits } from '../../../shared/present/report/executiveSummary.ts';

/** Prints report HTML to PDF; aborting the signal stops the printer (and the promise rejects). */
export type PrintPdf = (html: string, signal?: AbortSignal) => Promise<Buffer>;

/** How far a report has got: a stage, and steps within the whole job. */
export interface ReportProgress {
  stage: 'building' | 'rendering' | 'printing' | 'sealing';
  step: number;
  steps: number;
  message: string;
}
export type OnProgress = (progress: ReportProgress) => void;

/** The user cancelled the report: nothing was written. */
export class ReportCancelled extends Error {
  constructor() {
    super('The report was cancelled; nothing was saved.');
    this.name = 'ReportCancelled';
  }
}

export const throwIfCancelled = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new ReportCancelled();
};

/** The summary's page limit (issue 18), and the caps tried in turn until the printed summary fits. */
/** A printer stopped by the signal fails in its own way (a destroyed window, a killed process): that is a cancel. */
function cancellable(print: PrintPdf, signal?: AbortSignal) {
  return async (html: string): Promise<Buffer> => {
    try {
      return await print(html, signal);
    } catch (error) {
      throwIfCancelled(signal);
      throw error;
    }
  };
}

export const SUMMARY_MAX_PAGES = 15;
export const SUMMARY_SHRINK: ReadonlyArray<Partial<SummaryLimits>> = [
  {},
  { servers: 10, risks: 8, decisions: 10, reasonChars: 160 },
  { servers: 5, risks: 5, linksPerRisk: 2, decisions: 5, reasonChars: 100 },
];

const samePages = (ids: readonly string[], a: Record<string, number>, b: Record<string, number>) => ids.every((id) => a[id] === b[id]);

/**
 * Prints a document whose table of contents carries page numbers. Chromium has no target-counter(),
 * so it is printed twice: the first printing tells on which page each heading's anchor lands (the
 * PDF's named destinations), the second prints those numbers in the contents' fixed-width column,
 * which moves nothing. The numbers are read back from the second printing; if they moved, once more.
 * `tocIds` are the anchors the contents lists; `fits` may refuse a first printing (too many pages),
 * and the next of `variants` is tried.
 */
export async function printWithContents<V>(options: {
  variants: readonly V[];
  render: (variant: V, pages: Record<string, number>) => string;
  tocIds: readonly string[];
  print: PrintPdf;
  fits?: (pageCount: number) => boolean;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Steps done before printing starts, and the job's total, for progress. */
  stepsBefore: number;
}): Promise<Buffer> {
  const { variants, render, tocIds, fits, signal, onProgress, stepsBefore } = options;
  const print = cancellable(options.print, signal);
  const steps = stepsBefore + 3;
  let first: Buffer | null = null;
  let variant = variants[0] as V;
  for (const [i, candidate] of variants.entries()) {
    throwIfCancelled(signal);
    onProgress?.({ stage: 'printing', step: stepsBefore, steps, message: i === 0 ? 'Printing (first pass: finding the page of each heading)…' : 'Printing again with shorter lists to stay within the page limit…' });
    variant = candidate;
    first = await print(render(candidate, {}));
    if (!fits || fits(pdfPageCount(first)) || i === variants.length - 1) break;
  }
  let pages = pdfDestinationPages(first!);
  let printed: Buffer = first!;
  for (let pass = 2; pass <= 3; pass++) {
    throwIfCancelled(signal);
    onProgress?.({ stage: 'printing', step: stepsBefore + 1, steps, message: `Printing (pass ${pass}: the contents with page numbers)…` });
    printed = await print(render(variant, pages));
    const check = pdfDestinationPages(printed);
    if (samePages(tocIds, pages, check)) break;
    pages = check;
  }
  throwIfCancelled(signal);
  return printed;
}

/** Links per Chromium print: memory grows with the document (1,000 links 2.4 GB, 2,000 links 4.1 GB), so a longer report is printed in parts and joined. Each part costs a Chromium start and parts of 500 took twice as long: 1,000 per part keeps a 1,000-link report within its 30 s. */
export const LINKS_PER_PRINT = 1_000;

/** What the full report's renderer is asked for in one printing. */
export interface PrintPass {
  tocPages: Record<string, number>;
  frontOnly?: boolean;
  totalPages?: number;
  chunk?: { index: number; count: number; from: number; to: number; pageOffset: number };
}

/**
 * Prints a long document whose contents carry page numbers, printing each part once: the links are
 * printed LINKS_PER_PRINT at a time (Chromium holds a whole document in memory while it prints), each part
 * numbering its pages on from the last; their named destinations tell each heading's page. Then only the
 * front pages (title and contents, which end with a page break, so nothing after them moves) are printed
 * again with the numbers and the total, and replace the first part's front pages (replaceLeadingPages);
 * the parts are joined into one PDF (joinPdfs). If the front pages do not come out as many as before,
 * the first part is printed again instead.
 */
export async function printLongWithContents(options: {
  render: (pass: PrintPass) => string;
  links: number;
  tocIds: readonly string[];
  print: PrintPdf;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  stepsBefore: number;
}): Promise<Buffer> {
  const { render, tocIds, signal, onProgress, stepsBefore } = options;
  const count = Math.max(1, Math.ceil(options.links / LINKS_PER_PRINT));
  const steps = stepsBefore + count + 2;
  const print = cancellable(options.print, signal);
  const parts: Buffer[] = [];
  const pages: Record<string, number> = {};
  let offset = 0;
  for (let index = 0; index < count; index++) {
    throwIfCancelled(signal);
    const from = index * LINKS_PER_PRINT;
    const to = Math.min(options.links, from + LINKS_PER_PRINT);
    onProgress?.({ stage: 'printing', step: stepsBefore + index, steps, message: count === 1 ? 'Printing (finding the page of each heading)…' : `Printing part ${index + 1} of ${count} (links ${from + 1}–${to})…` });
    const part = await print(render({ tocPages: {}, ...(count > 1 ? { chunk: { index, count, from, to, pageOffset: offset } } : {}) }));
    const layout = pdfLayout(part);
    for (const [id, page] of Object.entries(layout.destinations)) pages[id] ??= page + offset;
    offset += layout.pageCount;
    parts.push(part);
  }
  const frontCount = Math.min(...tocIds.map((id) => pages[id] ?? Infinity)) - 1;
  throwIfCancelled(signal);
  onProgress?.({ stage: 'printing', step: stepsBefore + count, steps, message: 'Printing the contents with page numbers…' });
  const front = Number.isFinite(frontCount) && frontCount >= 1 ? await print(render({ tocPages: pages, frontOnly: true, totalPages: offset })) : null;
  if (front && pdfPageCount(front) === frontCount) parts[0] = Buffer.from(replaceLeadingPages(parts[0]!, front, frontCount));
  else parts[0] = await print(render({ tocPages: pages, ...(count > 1 ? { chunk: { index: 0, count, from: 0, to: Math.min(options.links, LINKS_PER_PRINT), pageOffset: 0 } } : {}) }));
  throwIfCancelled(signal);
  return Buffer.from(joinPdfs(parts[0]!, parts.slice(1)));
}
