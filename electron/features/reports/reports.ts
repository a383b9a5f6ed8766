import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { OperationError } from '../../../shared/contract/operationError.ts';
import type { Report } from '../../../shared/present/report/reportModel.ts';
import { pdfInfoFor, withPdfInfo } from '../../../shared/present/report/pdfInfo.ts';
import { reportCsv, reportHtml, reportJson, reportMarkdown, reportToc } from '../../../shared/present/report/reportFormats.ts';
import { summaryHtml, summaryJson, summaryMarkdown } from '../../../shared/present/report/summaryDocument.ts';
import { SUMMARY_PARTS } from '../../../shared/present/report/summaryHtml.ts';
import { pdfPageCount } from '../../../shared/present/report/pdfPages.ts';
import { printLongWithContents, printWithContents, SUMMARY_MAX_PAGES, SUMMARY_SHRINK, throwIfCancelled, type OnProgress, type PrintPdf } from './printReport.ts';
import { DIGEST_MARKER, integrityText, sealReport, verifySeal, type SealCheck } from '../../../shared/present/report/reportSeal.ts';

import type { ReportFormat, ReportSection } from '../../../shared/model/vocabulary.ts';

export { REPORT_FORMATS, type ReportFormat } from '../../../shared/model/vocabulary.ts';
export type TextFormat = Exclude<ReportFormat, 'pdf'>;
export type { PrintPdf, OnProgress, ReportProgress } from './printReport.ts';
export { ReportCancelled } from './printReport.ts';

/** What to print of a report: the executive summary alone, or the full report's chosen parts. */
export interface ReportContent {
  summary?: boolean;
  sections?: readonly ReportSection[];
  /** The zone local times are printed in (the machine's by default), and the day triage is judged on. */
  timeZone?: string;
  today?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
// A PDF is bytes: handled as a latin1 string, one character per byte, so the seal is byte-exact.
const sha256Bytes = (text: string) => createHash('sha256').update(text, 'latin1').digest('hex');

/** An Ed25519 key pair in PEM, for the user to keep: the private key never enters a report or a workspace. */
export function generateSigningKeys(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Reads a PEM private key and checks it is Ed25519. */
export function signingKey(pem: string, file: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new OperationError('invalid-argument', `${file} is not a PEM private key.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new OperationError('invalid-argument', `${file} is a ${key.asymmetricKeyType ?? 'unknown'} key; reports are signed with Ed25519 (applink-advisor keygen).`);
  return key;
}

const signer = (key: KeyObject | undefined) => (key ? (digest: string) => sign(null, Buffer.from(digest, 'ascii'), key).toString('hex') : undefined);

/** A report in a text format, sealed (and signed, given a key). A CSV has no summary form. */
export function renderReport(report: Report, format: TextFormat, options: ReportContent & { bom?: boolean; paper?: 'A4' | 'Letter'; key?: KeyObject } = {}): string {
  const signed = { ...report, meta: { ...report.meta, signed: Boolean(options.key) } };
  const view = { size: options.paper ?? 'A4', sections: options.sections, timeZone: options.timeZone, today: options.today } as const;
  if (options.summary && format === 'csv') throw new OperationError('invalid-argument', 'A CSV report has one row per link and no summary form; use --format md, html, pdf or json with --summary (or assess --format csv).');
  const text = options.summary
    ? (format === 'html' ? summaryHtml(signed, view) : format === 'md' ? summaryMarkdown(signed, view) : summaryJson(signed, view))
    : format === 'html' ? reportHtml(signed, view) : format === 'md' ? reportMarkdown(signed, view) : format === 'csv' ? reportCsv(signed, { bom: options.bom ?? false }) : reportJson(signed);
  return sealReport(text, sha256, signer(options.key));
}

/** Seals a printed PDF: its digest (and signature) as a comment line after %%EOF, which PDF readers ignore. */
export function sealPdf(pdf: Buffer, key?: KeyObject): Buffer {
  return Buffer.from(sealReport(`${pdf.toString('latin1')}\n%${integrityText(Boolean(key))}\n`, sha256Bytes, signer(key)), 'latin1');
}

/**
 * A report in any format, sealed: text, or the bytes of a PDF. A PDF is printed twice for the page
 * numbers of its contents (printWithContents); a summary PDF is printed with shorter lists until it fits
 * in SUMMARY_MAX_PAGES. `signal` cancels (ReportCancelled; nothing is returned), `onProgress` hears each stage.
 */
export async function produceReport(report: Report, format: ReportFormat, options: ReportContent & { bom?: boolean; paper?: 'A4' | 'Letter'; printPdf?: PrintPdf; key?: KeyObject; signal?: AbortSignal; onProgress?: OnProgress } = {}): Promise<string | Buffer> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  if (format !== 'pdf') {
    onProgress?.({ stage: 'rendering', step: 1, steps: 2, message: `Writing the ${format.toUpperCase()} report…` });
    return renderReport(report, format, options);
  }
  if (!options.printPdf) throw new Error('no PDF printer');
  const view = { size: options.paper ?? 'A4', forPdf: true, sections: options.sections, timeZone: options.timeZone, today: options.today } as const;
  onProgress?.({ stage: 'rendering', step: 1, steps: 5, message: 'Laying out the report…' });
  // Chromium names itself the creator and ignores the author: the document information is added to the
  // printed PDF (an incremental update) before it is sealed.
  const printed = options.summary
    ? await printWithContents({
      variants: SUMMARY_SHRINK, tocIds: [...SUMMARY_PARTS.map(([id]) => id), 'sources'], print: options.printPdf, signal, onProgress, stepsBefore: 2,
      render: (limits, tocPages) => summaryHtml(report, { ...view, limits, tocPages }), fits: (pages) => pages <= SUMMARY_MAX_PAGES,
    })
    : await printLongWithContents({
      links: report.links.length, tocIds: reportToc(report, options.sections).map((e) => e.id), print: options.printPdf, signal, onProgress, stepsBefore: 2,
      render: (pass) => reportHtml(report, { ...view, ...pass }),
    });
  onProgress?.({ stage: 'sealing', step: 4, steps: 5, message: `Sealing the PDF (${pdfPageCount(printed)} pages)…` });
  return sealPdf(Buffer.from(withPdfInfo(printed, pdfInfoFor(report.meta))), options.key);
}

/** Recomputes a report's digest (text or PDF), and checks its signature against a public key when given one. */
export function verifyReport(content: string | Buffer, publicPem?: string): SealCheck & { signatureValid?: boolean } {
  const check = typeof content === 'string'
    ? verifySeal(content, sha256)
    : content.subarray(0, 5).toString('latin1') === '%PDF-' ? verifySeal(content.toString('latin1'), sha256Bytes) : verifySeal(content.toString('utf8'), sha256);
  if (check.status === 'unsealed' || publicPem === undefined) return check;
  if (!check.signature) return { ...check, signatureValid: false };
  let key: KeyObject;
  try {
    key = createPublicKey(publicPem);
  } catch {
    throw new OperationError('invalid-argument', 'The --key file is not a PEM public key.');
  }
  return { ...check, signatureValid: verify(null, Buffer.from(check.recorded, 'ascii'), key, Buffer.from(check.signature, 'hex')) };
}

/** A public key's fingerprint as people compare it: SHA-256 of the key, in groups of four hex digits. */
export function keyFingerprint(publicPem: string): string {
  let key: KeyObject;
  try {
    key = createPublicKey(publicPem);
  } catch {
    throw new OperationError('invalid-argument', 'The --key file is not a PEM public key.');
  }
  const digest = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
  return `SHA256:${digest.slice(0, 32).match(/.{4}/g)!.join(':')}`;
}

/**
 * Signs a report that was sealed without a signature: checks it is intact, gives its marker a signature
 * slot and seals it again with the key (the digest changes, since the marker is part of what is hashed).
 * A modified, unsealed or already signed report is refused.
 */
export function signExistingReport(content: Buffer, key: KeyObject, file: string): Buffer {
  const pdf = content.subarray(0, 5).toString('latin1') === '%PDF-';
  const check = verifyReport(content);
  if (check.status === 'unsealed') throw new OperationError('invalid-argument', `${file} is not an Applink Advisor report (no integrity marker); nothing was signed.`);
  if (check.status === 'modified') throw new OperationError('invalid-argument', `${file} has been MODIFIED since it was sealed; a changed report is not signed.`);
  if (check.signature) throw new OperationError('invalid-argument', `${file} is already signed; verify it with verify-report --key.`);
  const text = content.toString(pdf ? 'latin1' : 'utf8');
  const marker = `${DIGEST_MARKER}${check.recorded}`;
  const at = text.lastIndexOf(marker);
  const slotted = `${text.slice(0, at)}${integrityText(true)}${text.slice(at + marker.length)}`;
  return Buffer.from(sealReport(slotted, pdf ? sha256Bytes : sha256, signer(key)), pdf ? 'latin1' : 'utf8');
}
