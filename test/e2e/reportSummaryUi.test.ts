import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSession } from '../harness/appHarness.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';

const suite = e2eSuite();
let app: AppSession;

describe('report dialog: content', () => {
  it('saves the executive summary as a PDF; the full report keeps the parts ticked', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open();
    await page.getByRole('table', { name: 'Application links' }).waitFor();
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: `Report of all ${DEMO_LINKS} links` });
    await dialog.getByRole('radio', { name: /^Executive summary/ }).check();
    expect(await axeViolations(page), 'report dialog with the content choice').toEqual([]);
    await dialog.getByRole('button', { name: 'Save report…' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Saved the report of/ }).waitFor({ timeout: 60_000 });
    const summary = (await readdir(app.exportDir)).find((f) => /^applink-summary-.*\.pdf$/.test(f));
    expect(summary).toBeDefined();
    expect(execFileSync('pdftotext', [path.join(app.exportDir, summary!), '-'], { encoding: 'utf8' })).toContain('Executive summary');

    await dialog.getByRole('radio', { name: /^Full report/ }).check();
    await dialog.getByRole('radio', { name: /^HTML/ }).check();
    await dialog.getByRole('checkbox', { name: /^Checklists of each link/ }).uncheck();
    await dialog.getByRole('checkbox', { name: /^Recent history/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save report…' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Saved the report of/ }).waitFor({ timeout: 60_000 });
    const html = (await readdir(app.exportDir)).find((f) => /^applink-report-.*\.html$/.test(f));
    const text = await readFile(path.join(app.exportDir, html!), 'utf8');
    expect(text).toContain('Parts: summary, links, findings.');
    expect(text).not.toMatch(/required items done/);
  }, 120_000);
});
