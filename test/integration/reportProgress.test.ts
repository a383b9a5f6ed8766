import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../electron/ipc.ts';
import { printPdfWithChromium } from '../../electron/features/reports/pdf.ts';
import { createHandlers } from '../../electron/operations/handlers.ts';
import { WorkspaceSession } from '../../electron/workspace/session.ts';
import type { Handlers, ResultOf } from '../../shared/contract/api.ts';
import { testDependencies } from '../fixtures/handlerDependencies.ts';
import { generatedEstate } from '../fixtures/generatedEstate.ts';

const JOB = 'ab'.repeat(16);
let dir: string;
let session: WorkspaceSession;
let handlers: Handlers;
let exportDir: string;
let savesAsked: number;

// The printer's temporary folders, in a temporary folder of this test's own (other tests print too).
const printerDirs = async () => (await readdir(path.join(dir, 'tmp'))).filter((n) => n.startsWith('applink-pdf-'));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'report-progress-'));
  exportDir = path.join(dir, 'exports');
  await mkdir(exportDir);
  await mkdir(path.join(dir, 'tmp'));
  savesAsked = 0;
  session = new WorkspaceSession(path.join(dir, 'workspace'), path.join(dir, 'prefs', 'recent.json'), 'test');
  await session.switchTo(session.defaultDir);
  handlers = createHandlers(testDependencies(dir, session, {
    chooseSavePath: async (name) => {
      savesAsked++;
      return path.join(exportDir, name);
    },
    printPdf: (html, signal) => printPdfWithChromium(html, '/usr/bin/chromium', signal, path.join(dir, 'tmp')),
  }));
  await dispatchOperation(handlers, 'workspace.open', {});
  const saved = await dispatchOperation(handlers, 'links.saveMany', { links: generatedEstate(400).map((d) => d.link) });
  expect(saved.ok).toBe(true);
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const ARGS = { format: 'pdf', title: 'Estate', classification: null, includeChecklists: true, includeHistory: false, changesSinceBackup: null, paper: 'A4', bom: false, sign: false, job: JOB } as const;

describe('a report in the app: progress and cancel', () => {
  it('tells how far it got while it prints, then saves; afterwards the job is unknown', async () => {
    const seen = new Set<string>();
    const made = dispatchOperation(handlers, 'reports.export', { ...ARGS, summary: true });
    let done = false;
    void made.then(() => (done = true));
    while (!done) {
      const answer = await dispatchOperation(handlers, 'reports.progress', { job: JOB });
      expect(answer.ok).toBe(true);
      const progress = answer.ok ? (answer.value as ResultOf<'reports.progress'>).progress : null;
      if (progress) seen.add(`${progress.stage}: ${progress.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await made).toMatchObject({ ok: true, value: { saved: true, links: 400 } });
    expect([...seen].some((s) => s.startsWith('printing: Printing (first pass'))).toBe(true);
    expect(await dispatchOperation(handlers, 'reports.progress', { job: JOB })).toEqual({ ok: true, value: { progress: null } });
    expect(await readdir(exportDir)).toEqual([expect.stringMatching(/^applink-summary-.*\.pdf$/)]);
  }, 120_000);

  it('cancelled while printing: the printer stops, nothing is offered for saving, no file and no temporary folder is left', async () => {
    const made = dispatchOperation(handlers, 'reports.export', { ...ARGS, sections: ['links', 'findings', 'checklists'] });
    for (;;) {
      const answer = await dispatchOperation(handlers, 'reports.progress', { job: JOB });
      if (answer.ok && (answer.value as ResultOf<'reports.progress'>).progress?.stage === 'printing') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    const cancelledAt = Date.now();
    expect(await dispatchOperation(handlers, 'reports.cancel', { job: JOB })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await made).toEqual({ ok: true, value: { saved: false, links: 0, bytes: 0, cancelled: true } });
    // Printing 400 links takes several seconds here; a stopped printer answers at once.
    expect(Date.now() - cancelledAt, 'the printer was stopped, not waited for').toBeLessThan(3_000);
    expect(savesAsked).toBe(0);
    expect(await readdir(exportDir)).toEqual([]);
    expect(await printerDirs()).toEqual([]);
    // The printer's helper processes die with it: nothing comes back into the temporary folder afterwards.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await readdir(path.join(dir, 'tmp'), { recursive: true })).toEqual([]);
    expect(await dispatchOperation(handlers, 'reports.cancel', { job: JOB }), 'a finished job cannot be cancelled').toEqual({ ok: true, value: { cancelled: false } });
  }, 120_000);

  it('refuses a malformed job id and a CSV summary before doing anything', async () => {
    expect(await dispatchOperation(handlers, 'reports.progress', { job: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatchOperation(handlers, 'reports.export', { ...ARGS, format: 'csv', summary: true })).toMatchObject({ ok: false, error: { code: 'invalid-argument', problems: [{ path: 'summary' }] } });
    expect(savesAsked).toBe(0);
  });
});
