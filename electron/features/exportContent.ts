import { OperationError } from '../../shared/contract/operationError.ts';
import { assertInertSvg } from './exportedHtml.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
    // Read as a browser reads it: nothing that could run or load something when the file is opened.
    assertInertSvg(text);
  }
}
