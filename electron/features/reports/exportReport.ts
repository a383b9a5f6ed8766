import type { KeyObject } from 'node:crypto';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import { buildReport, type ReportExtras } from '../../../shared/present/report/reportModel.ts';
import { produceReport, type PrintPdf, type ReportFormat } from './reports.ts';

export interface ExportReportOptions {
  format: ReportFormat;
  title: string;
  author: string | null;
  classification: string | null;
  appVersion: string;
  includeChecklists: boolean;
  extras: ReportExtras;
  bom?: boolean;
  paper?: 'A4' | 'Letter';
  printPdf?: PrintPdf;
  key?: KeyObject;
}

/** A report of documents in one format, sealed (and signed, given a key): the one path of the app and the CLI. */
export function exportReport(documents: AssessmentDocument[], options: ExportReportOptions): Promise<string | Buffer> {
  const { format, title, author, classification, appVersion, includeChecklists, extras, bom, paper, printPdf, key } = options;
  const report = buildReport(documents, { title, author, classification, generatedAt: new Date().toISOString(), appVersion, includeChecklists }, extras);
  return produceReport(report, format, { bom, paper, printPdf, key });
}
