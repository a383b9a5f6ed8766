import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPrinter } from '../../electron/features/reports/pdf.ts';
import { produceReport, renderReport, type PrintPdf } from '../../electron/features/reports/reports.ts';
import { pdfPageCount } from '../../shared/present/report/pdfPages.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { generatedEstate } from '../fixtures/generatedEstate.ts';
import { medianMs, round, type Figure } from './figures.ts';

const META = { title: 'Bench estate', author: 'bench', generatedAt: new Date().toISOString(), appVersion: 'bench', classification: 'INTERNAL', includeChecklists: true };
/** A report job as the CLI runs one: a browser started for it, kept for all its passes, and stopped. */
async function withPrinter<T>(job: (print: PrintPdf) => Promise<T>): Promise<T> {
  const printer = chromiumPrinter(process.env.CHROMIUM ?? '/usr/bin/chromium');
  try {
    return await job(printer.print);
  } finally {
    await printer.close();
  }
}

/** Memory (MB) of the Chromium processes whose command line names `marker`: their proportional set sizes summed (shared pages counted once). */
async function chromiumRssMb(marker: string): Promise<number> {
  let kb = 0;
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      if (!(await readFile(`/proc/${pid}/cmdline`, 'latin1')).includes(marker)) continue;
      kb += Number(/^Pss:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended while it was read.
    }
  }
  return kb / 1024;
}

/** Runs `work` while sampling this process's and the printer's memory; returns the peaks (MB). */
async function peakMemory(marker: string, work: () => Promise<unknown>): Promise<{ node: number; chromium: number }> {
  let node = 0;
  let chromium = 0;
  const sample = async () => {
    node = Math.max(node, process.memoryUsage().rss / 1024 / 1024);
    if (process.platform === 'linux') chromium = Math.max(chromium, await chromiumRssMb(marker));
  };
  const timer = setInterval(() => void sample(), 250);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { node: round(node, 0), chromium: round(chromium, 0) };
}

/** Issue 18: the full PDF of 1,000 links, the summary PDF and the HTML of 10,000, their sizes and memory. */
export async function auditBench(): Promise<Figure[]> {
  // The printer's folders go in a folder of the bench's own, so its processes can be told from others.
  const own = await mkdtemp(path.join(tmpdir(), 'audit-bench-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = own;
  try {
    const big = generatedEstate(10_000);
    const thousand = big.slice(0, 1_000);
    let htmlBytes = 0;
    const html = await medianMs(5, () => { htmlBytes = Buffer.byteLength(renderReport(buildReport(big, META), 'html')); }, 1);
    let summaryPages = 0;
    const summary = await medianMs(3, async () => { summaryPages = pdfPageCount(await withPrinter((print) => produceReport(buildReport(big, META), 'pdf', { summary: true, printPdf: print })) as Buffer); }, 0);
    let fullPages = 0;
    const fullPdf = await medianMs(3, async () => { fullPages = pdfPageCount(await withPrinter((print) => produceReport(buildReport(thousand, META), 'pdf', { printPdf: print })) as Buffer); }, 0);
    const memory = await peakMemory(own, () => withPrinter((print) => produceReport(buildReport(thousand, META), 'pdf', { printPdf: print })));
    return [
      { name: 'audit: HTML report of 10,000 links, built and sealed (median of 5)', value: round(html, 0), unit: 'ms', budget: 3000 },
      { name: 'audit: size of that HTML report (MB of 1,000,000 bytes)', value: round(htmlBytes / 1_000_000, 2), unit: 'MB', budget: 25 },
      { name: 'audit: summary PDF of 10,000 links (median of 3)', value: round(summary / 1000, 1), unit: 's', budget: 10 },
      { name: 'audit: pages of that summary PDF', value: summaryPages, unit: 'pp', budget: 15 },
      { name: 'audit: full PDF of 1,000 links (median of 3)', value: round(fullPdf / 1000, 1), unit: 's', budget: 30 },
      { name: 'audit: pages of that full PDF', value: fullPages, unit: 'pp', budget: null },
      { name: 'audit: peak memory of the app process while printing it', value: memory.node, unit: 'MB', budget: null },
      { name: 'audit: peak memory of Chromium while printing it', value: memory.chromium, unit: 'MB', budget: null },
    ];
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(own, { recursive: true, force: true });
  }
}
