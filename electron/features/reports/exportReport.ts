import type { KeyObject } from 'node:crypto';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import { buildReport, type ReportExtras } from '../../../shared/present/report/reportModel.ts';
import { produceReport, type OnProgress, type PrintPdf, type ReportContent, type ReportFormat } from './reports.ts';

export interface ExportReportOptions extends ReportContent {
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
  signal?: AbortSignal;
  onProgress?: OnProgress;
}

/** A report of documents in one format, sealed (and signed, given a key): the one path of the app and the CLI. */
export function exportReport(documents: AssessmentDocument[], options: ExportReportOptions): Promise<string | Buffer> {
  const { format, title, author, classification, appVersion, includeChecklists, extras, ...rest } = options;
  rest.onProgress?.({ stage: 'building', step: 0, steps: format === 'pdf' ? 5 : 2, message: `Assessing ${documents.length} link${documents.length === 1 ? '' : 's'}…` });
  const report = buildReport(documents, { title, author, classification, generatedAt: new Date().toISOString(), appVersion, includeChecklists }, extras);
  return produceReport(report, format, rest);
}
