import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OperationError } from '../../../shared/contract/operationError.ts';
import { ReportCancelled } from './printReport.ts';

// A large report takes one Chromium print per pass; ten minutes is far beyond any we measured (docs/reports.md).
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

/**
 * Prints report HTML to PDF with a headless Chromium, offline: the page's own CSP forbids every
 * request, and Chromium's background networking is switched off. Page size, numbers and the marking
 * come from the report's @page rules.
 */
export async function printPdfWithChromium(html: string, chromium: string, signal?: AbortSignal, tempRoot = tmpdir()): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tempRoot, 'applink-pdf-'));
  try {
    const page = path.join(dir, 'report.html');
    const out = path.join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless', '--disable-gpu', '--no-pdf-header-footer', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-extensions', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${out}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), pathToFileURL(page).href,
    ];
    await runPrinter(chromium, args, signal);
    if (!existsSync(out)) throw new OperationError('internal', `${chromium} printed no PDF.`);
    return await readFile(out);
  } finally {
    // A cancelled Chromium's helpers may still be writing into its profile for a moment.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/**
 * Runs Chromium and waits for it. On POSIX it gets a process group of its own, so a cancel or a timeout kills
 * its helper processes with it at once: killed one by one, they went on writing into the temporary folder for a
 * moment after it was removed (seen in CI: ENOTEMPTY on a folder the printer had already cleaned).
 */
function runPrinter(chromium: string, args: string[], signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const group = process.platform !== 'win32';
    const child = spawn(chromium, args, { detached: group, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString();
    });
    const kill = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, PRINT_TIMEOUT_MS);
    signal?.addEventListener('abort', kill, { once: true });
    if (signal?.aborted) kill();
    const done = (error: OperationError | ReportCancelled | null) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      kill(); // any helper still alive after the browser process ended
      if (error) reject(error);
      else resolve();
    };
    child.on('error', (error) => done(new OperationError('internal', `${chromium} could not be started: ${error.message}`)));
    child.on('close', (code, killedBy) => {
      if (signal?.aborted) done(new ReportCancelled());
      else if (timedOut) done(new OperationError('internal', `${chromium} did not finish printing within ${PRINT_TIMEOUT_MS / 60_000} minutes and was stopped.`));
      else if (code !== 0) done(new OperationError('internal', `${chromium} could not print the report: ${stderr.trim().split('\n').at(-1) || (killedBy ? `stopped by ${killedBy}` : `exit status ${code}`)}`));
      else done(null);
    });
  });
}
