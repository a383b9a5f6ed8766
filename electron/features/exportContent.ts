import { OperationError } from '../../shared/contract/operationError.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// What would let a saved drawing run or fetch something when opened in a browser.
const ACTIVE_SVG = /<script\b|<foreignObject\b|\son[a-z]+\s*=|javascript:|<iframe\b|<embed\b|<object\b|\bhref\s*=\s*["']?(?!#|data:image\/)[a-z]+:/i;

/**
 * The main process checks what the renderer asks it to write as an image: a PNG must be a PNG, an SVG an
 * SVG document that cannot run script or load anything. Other formats are text the app produced.
 */
export function checkExportContent(format: string, content: string | Buffer): void {
  if (format === 'png') {
    if (typeof content === 'string' || content.length < PNG_SIGNATURE.length || !content.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
      throw new OperationError('invalid-argument', 'The picture to save as PNG is not a PNG image (expected base64 content starting with the PNG signature).');
    }
    return;
  }
  if (format === 'svg') {
    const text = typeof content === 'string' ? content : content.toString('utf8');
    if (!/^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(text) || !/<\/svg>\s*$/.test(text)) {
      throw new OperationError('invalid-argument', 'The picture to save as SVG is not an SVG document (expected text from <svg …> to </svg>).');
    }
    const active = ACTIVE_SVG.exec(text);
    if (active) throw new OperationError('invalid-argument', `The SVG to save contains "${active[0].trim()}", which could run or load something when opened; nothing was saved.`);
  }
}
