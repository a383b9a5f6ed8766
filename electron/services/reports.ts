import { createHash } from 'node:crypto';
import type { Report } from '../../shared/present/report/reportModel.ts';
import { reportCsv, reportHtml, reportJson, reportMarkdown } from '../../shared/present/report/reportFormats.ts';
import { sealReport, verifySeal } from '../../shared/present/report/reportSeal.ts';

export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A report in one format, with its SHA-256 written into it. */
export function renderReport(report: Report, format: ReportFormat, options: { bom?: boolean } = {}): string {
  const text = format === 'html' ? reportHtml(report) : format === 'md' ? reportMarkdown(report) : format === 'csv' ? reportCsv(report, { bom: options.bom ?? false }) : reportJson(report);
  return sealReport(text, sha256);
}

/** Recomputes a report's digest. */
export function verifyReport(text: string) {
  return verifySeal(text, sha256);
}
