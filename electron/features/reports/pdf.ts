import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { OperationError } from '../../../shared/contract/operationError.ts';
import { DevtoolsPipe } from './devtoolsPipe.ts';
import { ReportCancelled, type PrintPdf } from './printReport.ts';

// One print of a part of a report; ten minutes is far beyond any we measured (docs/reports.md).
const PRINT_TIMEOUT_MS = 600_000;

/** Where a Chromium-based browser usually is, per platform. */
export const CHROMIUM_CANDIDATES: Readonly<Record<string, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'],
};

/** The Chromium the CLI prints PDFs with: the one given, else the first usual location that exists. */
export function findChromium(given: string | undefined): string {
  if (given) {
    if (!existsSync(given)) throw new OperationError('not-found', `${given}: no such Chromium. Pass the path of Chromium, Chrome or Edge with --chromium.`);
    return given;
  }
  const found = (CHROMIUM_CANDIDATES[process.platform] ?? []).find((p) => existsSync(p));
  if (!found) {
    throw new OperationError('not-found', `No Chromium, Chrome or Edge found (looked in ${(CHROMIUM_CANDIDATES[process.platform] ?? []).join(', ') || 'no known places on this system'}). Install one, pass its path with --chromium, or make an HTML report and print it from the app.`);
  }
  return found;
}

/** A headless Chromium kept for one report job, which may print several times (passes and parts). */
export interface PdfPrinter {
  print: PrintPdf;
  /** Stops the browser and removes its temporary folder. */
  close: () => Promise<void>;
}

interface Browser {
  child: ChildProcess;
  pipe: DevtoolsPipe;
  session: string;
  dir: string;
  exited: Promise<void>;
  stderr: () => string;
  /** The one URL the page may load: the report being printed. */
  allowed: { url: string };
}

/**
 * Prints report HTML to PDF with a headless Chromium, offline: the page's own CSP forbids every request,
 * its scripts are switched off, and Chromium's background networking is off. Page size, numbers and the
 * marking come from the report's @page rules; the PDF is tagged (accessible), as Chromium prints by default.
 *
 * The browser is started at the first print and kept until close(), driven over the DevTools pipe: a report
 * printed in passes and parts starts it once, and Page.printToPDF took 16 s where `--print-to-pdf` took 18 s
 * for the same 1,000 links (docs/reports.md). Cancelling a print (the signal) or its timeout stops the browser.
 */
export function chromiumPrinter(chromium: string, tempRoot = tmpdir()): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  // The browser process from the moment it is spawned: a cancel, a timeout or close() must reach one that never finishes starting.
  let child: ChildProcess | null = null;
  let printed = 0;
  const kill = () => {
    if (child) killGroup(child);
  };
  const stop = async () => {
    const running = browser;
    browser = null;
    if (!running) return;
    kill();
    const b = await running.catch(() => null);
    child = null;
    if (!b) return;
    await b.exited;
    await removeBrowserFolders(b.dir);
  };
  const print = async (html: string, signal?: AbortSignal): Promise<Buffer> => {
    if (signal?.aborted) throw new ReportCancelled();
    browser ??= startBrowser(chromium, tempRoot, (spawned) => (child = spawned));
    const starting = browser;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, PRINT_TIMEOUT_MS);
    signal?.addEventListener('abort', kill, { once: true });
    try {
      const b = await starting;
      if (signal?.aborted) throw new ReportCancelled();
      const page = path.join(b.dir, `report-${++printed}.html`);
      await writeFile(page, html);
      return await printPage(b, pathToFileURL(page).href);
    } catch (error) {
      await stop();
      if (signal?.aborted) throw new ReportCancelled();
      if (timedOut) throw new OperationError('internal', `${chromium} did not finish printing within ${PRINT_TIMEOUT_MS / 60_000} minutes and was stopped.`);
      if (error instanceof OperationError) throw error;
      throw new OperationError('internal', `${chromium} could not print the report: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
    }
  };
  return { print, close: stop };
}

/** Prints one document with a Chromium of its own (started and stopped for it). */
export async function printPdfWithChromium(html: string, chromium: string, signal?: AbortSignal, tempRoot = tmpdir()): Promise<Buffer> {
  const printer = chromiumPrinter(chromium, tempRoot);
  try {
    return await printer.print(html, signal);
  } finally {
    await printer.close();
  }
}

/**
 * Starts Chromium with the DevTools pipe and opens one page for printing. On POSIX it gets a process group of
 * its own, so a cancel or a timeout kills its helper processes with it at once: killed one by one, they went on
 * writing into the temporary folder for a moment after it was removed (seen in CI: ENOTEMPTY).
 */
async function startBrowser(chromium: string, tempRoot: string, spawned: (child: ChildProcess) => void): Promise<Browser> {
  const dir = await mkdtemp(path.join(tempRoot, 'applink-pdf-'));
  const args = [
    '--headless', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--disable-default-apps', '--remote-debugging-pipe', `--user-data-dir=${path.join(dir, 'profile')}`,
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'about:blank',
  ];
  const child = spawn(chromium, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  spawned(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += chunk.toString();
  });
  const pipe = new DevtoolsPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new OperationError('internal', `${chromium} could not be started: ${error.message}`)));
  });
  void exited.then(() => pipe.close(new Error(`Chromium ended${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`)));
  try {
    await started;
    const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await pipe.send('Target.attachToTarget', { targetId, flatten: true });
    const session = String(sessionId);
    const allowed = { url: '' };
    await pipe.send('Page.enable', {}, session);
    await pipe.send('Emulation.setScriptExecutionDisabled', { value: true }, session);
    // Behind the report's CSP, a second wall: every request the page makes but the report file itself fails.
    pipe.on('Fetch.requestPaused', (params, from) => {
      const request = params.request as { url?: string } | undefined;
      const ours = from === session && request?.url === allowed.url;
      void pipe.send(ours ? 'Fetch.continueRequest' : 'Fetch.failRequest', { requestId: params.requestId, ...(ours ? {} : { errorReason: 'BlockedByClient' }) }, from).catch(() => undefined);
    });
    await pipe.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, session);
    return { child, pipe, session, dir, exited, stderr: () => stderr, allowed };
  } catch (error) {
    killGroup(child);
    await exited;
    await removeBrowserFolders(dir);
    if (error instanceof OperationError) throw error;
    throw new OperationError('internal', `${chromium} could not be started for printing: ${stderr.trim().split('\n').at(-1) || (error as Error).message}`);
  }
}

/** Loads a page and prints it, reading the PDF back in pieces (a long report is tens of megabytes). */
async function printPage({ pipe, session, allowed }: Browser, url: string): Promise<Buffer> {
  allowed.url = url;
  const loaded = pipe.next('Page.loadEventFired', session);
  // Handled here too: if the navigation fails first (or the browser is stopped), nobody awaits it.
  loaded.catch(() => undefined);
  const navigated = await pipe.send('Page.navigate', { url }, session);
  if (navigated.errorText) throw new Error(`the report page did not load: ${String(navigated.errorText)}`);
  await loaded;
  const { stream } = await pipe.send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, transferMode: 'ReturnAsStream' }, session);
  const chunks: Buffer[] = [];
  for (;;) {
    const piece = await pipe.send('IO.read', { handle: stream, size: 4 * 1024 * 1024 }, session);
    chunks.push(Buffer.from(String(piece.data ?? ''), piece.base64Encoded ? 'base64' : 'latin1'));
    if (piece.eof) break;
  }
  await pipe.send('IO.close', { handle: stream }, session);
  return Buffer.concat(chunks);
}

/**
 * Removes the printer's folder, and the folder Chromium made for its process-singleton socket in the system's
 * temporary folder (named by the SingletonSocket link in the profile; killed, Chromium leaves it behind). Not by
 * moving Chromium's temporary files into the printer's folder: that lengthens the socket's path past what a Unix
 * socket may have (104 bytes on macOS), and Chromium then fails to start.
 */
async function removeBrowserFolders(dir: string): Promise<void> {
  const socket = await readlink(path.join(dir, 'profile', 'SingletonSocket')).catch(() => null);
  const socketDir = socket ? path.dirname(socket) : null;
  if (socketDir && /^\.?org\.chromium\.Chromium\.\w+$/.test(path.basename(socketDir)) && path.dirname(socketDir) === path.resolve(tmpdir())) {
    await rm(socketDir, { recursive: true, force: true });
  }
  // A stopped Chromium's helpers may still be writing into its profile for a moment.
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

function killGroup(child: ChildProcess) {
  try {
    if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}
