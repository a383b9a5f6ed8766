import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { ReportCancelled } from '../../electron/features/reports/printReport.ts';

const CHROMIUM = '/usr/bin/chromium';
const tools = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftotext');
if (!tools) console.warn('\n⚠ SKIPPED: Chromium printer tests — need /usr/bin/chromium and poppler-utils (.ci/run installs both)\n');

/** Processes whose command line names `marker` (a temporary folder of this test's own). */
async function processesNaming(marker: string): Promise<number> {
  let found = 0;
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    try {
      if ((await readFile(`/proc/${pid}/cmdline`, 'latin1')).includes(marker)) found++;
    } catch {
      // Ended while it was read.
    }
  }
  return found;
}

async function pdfText(pdf: Buffer, dir: string, ...flags: string[]): Promise<string> {
  const file = path.join(dir, `read-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return execFileSync(flags[0] === 'info' ? 'pdfinfo' : 'pdftotext', flags[0] === 'info' ? [file] : [file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!tools)('the Chromium printer of the CLI', () => {
  let dir: string;
  let server: Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'applink-printer-test-'));
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('body::after{content:"FETCHED"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every pass of a job with one browser, and leaves no folder or process behind once closed', async () => {
    const root = await mkdtemp(path.join(dir, 'job-'));
    const printer = chromiumPrinter(CHROMIUM, root);
    try {
      const first = await printer.print('<!doctype html><title>one</title><p>First pass');
      const folders = await readdir(root);
      const second = await printer.print('<!doctype html><title>two</title><p>Second pass');
      expect(await readdir(root), 'the second print used the browser of the first').toEqual(folders);
      expect(folders).toHaveLength(1);
      expect(await pdfText(first, dir)).toContain('First pass');
      expect(await pdfText(second, dir)).toContain('Second pass');
    } finally {
      await printer.close();
    }
    expect(await readdir(root)).toEqual([]);
    expect(await processesNaming(root)).toBe(0);
  }, 60_000);

  it('prints a tagged (accessible) PDF on the page size of the report\'s @page rule, with no header or footer of its own', async () => {
    const pdf = await printPdfWithChromium('<!doctype html><title>Size</title><style>@page{size:Letter;margin:20mm}</style><p>Letter paper', CHROMIUM, undefined, dir);
    const info = await pdfText(pdf, dir, 'info');
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    const text = await pdfText(pdf, dir);
    expect(text).toContain('Letter paper');
    expect(text, 'Chromium\'s own header and footer print the file\'s address').not.toMatch(/file:|report-\d+\.html/);
  }, 60_000);

  it('runs no script and fetches nothing, even from a page without the report\'s CSP', async () => {
    requests.length = 0;
    const secretFile = path.join(dir, 'secret.txt');
    await writeFile(secretFile, 'LOCAL SECRET');
    const hostile = `<!doctype html><title>Hostile</title>
      <link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">
      <img src="http://127.0.0.1:${port}/pixel.png" alt="">
      <iframe src="http://127.0.0.1:${port}/frame"></iframe>
      <iframe src="file://${secretFile}"></iframe>
      <object data="file://${secretFile}"></object>
      <p id="p">Static text</p>
      <script>document.getElementById('p').textContent = 'SCRIPT RAN'; fetch('http://127.0.0.1:${port}/from-script');</script>`;
    const pdf = await printPdfWithChromium(hostile, CHROMIUM, undefined, dir);
    const text = await pdfText(pdf, dir);
    expect(text).toContain('Static text');
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).not.toContain('FETCHED');
    expect(text, 'a local file a page names').not.toContain('LOCAL SECRET');
    expect(requests, 'requests that reached the local server').toEqual([]);
  }, 60_000);

  // 50 ms: while the browser is still starting (it must still be stopped once it is up); 1,500 ms: while it prints.
  it.each([50, 1_500])('a cancel %i ms in stops the browser at once: the print rejects as cancelled and its folder is removed', async (after) => {
    const root = await mkdtemp(path.join(dir, 'cancel-'));
    const printer = chromiumPrinter(CHROMIUM, root);
    const controller = new AbortController();
    const long = `<!doctype html><title>Long</title>${'<table>' + '<tr><td>cell</td><td>cell</td></tr>'.repeat(40_000) + '</table>'}`;
    const printing = printer.print(long, controller.signal);
    setTimeout(() => controller.abort(), after);
    const started = Date.now();
    await expect(printing).rejects.toBeInstanceOf(ReportCancelled);
    // Printing that table takes several seconds here.
    expect(Date.now() - started, 'stopped, not waited for').toBeLessThan(after + 1_500);
    await printer.close();
    expect(await readdir(root)).toEqual([]);
    expect(await processesNaming(root)).toBe(0);
  }, 60_000);

  it('a browser that never finishes starting is still stopped by a cancel, and by close()', async () => {
    // Stands in for a program that is not Chromium, or one that hangs before it answers on the pipe.
    const stalls = path.join(dir, 'stalling-browser.sh');
    await writeFile(stalls, '#!/bin/sh\nexec sleep 1000\n', { mode: 0o755 });
    const root = await mkdtemp(path.join(dir, 'stall-'));
    const cancelled = chromiumPrinter(stalls, root);
    const controller = new AbortController();
    const printing = cancelled.print('<p>x', controller.signal);
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await expect(printing).rejects.toBeInstanceOf(ReportCancelled);
    expect(Date.now() - started).toBeLessThan(2_000);
    await cancelled.close();
    const closed = chromiumPrinter(stalls, root);
    const waiting = closed.print('<p>x');
    await new Promise((r) => setTimeout(r, 200));
    await closed.close();
    await expect(waiting).rejects.toThrow(/could not (be started for printing|print the report)/);
    expect(await readdir(root)).toEqual([]);
    expect(await processesNaming(root)).toBe(0);
  }, 30_000);

  it('names the browser that could not be started', async () => {
    await expect(printPdfWithChromium('<p>x', path.join(dir, 'no-such-chromium'), undefined, dir)).rejects.toThrow(/no-such-chromium could not be started/);
  });
});
