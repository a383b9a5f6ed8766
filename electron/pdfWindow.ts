import { BrowserWindow, session } from 'electron';

/**
 * Prints report HTML to PDF in a hidden window: sandboxed, no preload, JavaScript off, in its own
 * in-memory session that refuses every request but the report itself (a data: URL), so nothing can
 * reach the network or the app's api. The page size, numbers and marking come from the report's @page rules.
 */
export async function printReportPdf(html: string, signal?: AbortSignal): Promise<Buffer> {
  const printing = session.fromPartition('applink-advisor-pdf', { cache: false });
  printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printing.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => callback({ cancel: !details.url.startsWith('data:text/html') }));
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, session: printing, webviewTag: false, disableBlinkFeatures: 'Auxclick' },
  });
  // Cancelling destroys the window: a pending load or print then fails, and the caller sees the abort.
  const stop = () => window.destroy();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    return await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true });
  } finally {
    signal?.removeEventListener('abort', stop);
    if (!window.isDestroyed()) window.destroy();
  }
}
