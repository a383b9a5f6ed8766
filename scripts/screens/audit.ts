import { execFileSync } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { produceReport } from '../../electron/features/reports/reports.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { generatedEstate } from '../../test/fixtures/generatedEstate.ts';

/**
 * Every page of the executive summary of a generated 1,200-link estate, as docs/screenshots/summary-page-NN.png
 * (needs pdftoppm from poppler-utils): what an auditor is handed, to look at page by page.
 */
export async function auditScreens(out: string, chromium = '/usr/bin/chromium'): Promise<void> {
  const report = buildReport(generatedEstate(1_200), {
    title: 'Application links — generated estate', author: 'A. Admin', generatedAt: new Date().toISOString(), appVersion: '0.1.0', classification: 'INTERNAL — Restricted', includeChecklists: true,
  });
  const pdf = await produceReport(report, 'pdf', { summary: true, printPdf: (html, signal) => printPdfWithChromium(html, chromium, signal) });
  const file = path.join(out, 'summary.tmp.pdf');
  await writeFile(file, pdf);
  for (const old of (await readdir(out)).filter((n) => /^summary-page-\d+\.png$/.test(n))) await rm(path.join(out, old));
  execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(out, 'summary-page')]);
  await rm(file);
}
