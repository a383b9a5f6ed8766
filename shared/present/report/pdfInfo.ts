import type { ReportMeta } from './reportModel.ts';

/** The document information a report's PDF carries (title, author, the app as creator). */
export interface PdfInfo {
  title: string;
  author: string | null;
  subject: string | null;
  creator: string;
  createdAt: string;
}

export const pdfInfoFor = (meta: ReportMeta): PdfInfo => ({
  title: meta.title, author: meta.author, subject: meta.classification, creator: `Applink Advisor ${meta.appVersion}`, createdAt: meta.generatedAt,
});

// A PDF text string as UTF-16BE hex with its byte-order mark: any character, nothing to escape.
const pdfString = (text: string) => {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
};
const pdfDate = (iso: string) => `(D:${iso.replace(/\.\d+/, '').replace(/[-:T]/g, '').replace('Z', "Z00'00'")})`;
const latin1 = (bytes: Uint8Array, from: number) => { let s = ''; for (let i = from; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!); return s; };

/**
 * Gives a printed PDF our document information. Chromium names the PDF after <title> only and puts its
 * own user agent as creator, ignoring <meta name="author">; so the report appends a standard incremental
 * update (ISO 32000-1 §7.5.6): a new Info dictionary, an xref section for it and a trailer pointing back
 * to the previous one. The original bytes are kept unchanged. Throws when the PDF ends in no classic
 * trailer (Chromium's do).
 */
export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  const tailFrom = Math.max(0, pdf.length - 4096);
  const tail = latin1(pdf, tailFrom);
  const prev = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1];
  const trailer = tail.slice(tail.lastIndexOf('trailer'));
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)?.[1];
  if (!prev || !size || !root || !tail.includes('trailer')) throw new Error('the printed PDF has no trailer to add document information to');
  const id = Number(size);
  const fields = [
    `/Title ${pdfString(info.title)}`, ...(info.author ? [`/Author ${pdfString(info.author)}`] : []), ...(info.subject ? [`/Subject ${pdfString(info.subject)}`] : []),
    `/Creator ${pdfString(info.creator)}`, `/Producer ${pdfString(`${info.creator} (printed by Chromium)`)}`, `/CreationDate ${pdfDate(info.createdAt)}`,
  ];
  const object = `\n${id} 0 obj\n<<${fields.join('\n')}>>\nendobj\n`;
  const xrefAt = pdf.length + object.length;
  const update = `${object}xref\n${id} 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n\r\ntrailer\n<</Size ${id + 1}\n/Root ${root}\n/Info ${id} 0 R\n/Prev ${prev}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf);
  for (let i = 0; i < update.length; i++) out[pdf.length + i] = update.charCodeAt(i);
  return out;
}
