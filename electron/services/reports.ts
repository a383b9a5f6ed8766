import { createHash } from 'node:crypto';
import type { Report } from '../../shared/present/report/reportModel.ts';
import { reportCsv, reportHtml, reportJson, reportMarkdown } from '../../shared/present/report/reportFormats.ts';
import { sealReport, UNSEALED, verifySeal } from '../../shared/present/report/reportSeal.ts';

export const REPORT_FORMATS = ['html', 'pdf', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
// A PDF is bytes: handled as a latin1 string, one character per byte, so the seal is byte-exact.
const sha256Bytes = (text: string) => createHash('sha256').update(text, 'latin1').digest('hex');

export type TextFormat = Exclude<ReportFormat, 'pdf'>;

/** A report in a text format, with its SHA-256 written into it. */
export function renderReport(report: Report, format: TextFormat, options: { bom?: boolean; paper?: 'A4' | 'Letter' } = {}): string {
  const text = format === 'html' ? reportHtml(report, { size: options.paper ?? 'A4' }) : format === 'md' ? reportMarkdown(report) : format === 'csv' ? reportCsv(report, { bom: options.bom ?? false }) : reportJson(report);
  return sealReport(text, sha256);
}

/** Seals a printed PDF: its digest as a comment line after %%EOF, which PDF readers ignore. */
export function sealPdf(pdf: Buffer): Buffer {
  return Buffer.from(sealReport(`${pdf.toString('latin1')}\n%${UNSEALED}\n`, sha256Bytes), 'latin1');
}

/** Prints report HTML to PDF: Electron's printToPDF in the app, Chromium in the CLI and the tests. */
export type PrintPdf = (html: string) => Promise<Buffer>;

/** A report in any format, sealed: text, or the bytes of a PDF. */
export async function produceReport(report: Report, format: ReportFormat, options: { bom?: boolean; paper?: 'A4' | 'Letter'; printPdf?: PrintPdf } = {}): Promise<string | Buffer> {
  if (format !== 'pdf') return renderReport(report, format, options);
  if (!options.printPdf) throw new Error('no PDF printer');
  return sealPdf(await options.printPdf(reportHtml(report, { size: options.paper ?? 'A4', forPdf: true })));
}

/** Recomputes a report's digest (text or PDF). */
export function verifyReport(content: string | Buffer) {
  if (typeof content !== 'string') {
    return content.subarray(0, 5).toString('latin1') === '%PDF-' ? verifySeal(content.toString('latin1'), sha256Bytes) : verifySeal(content.toString('utf8'), sha256);
  }
  return verifySeal(content, sha256);
}
