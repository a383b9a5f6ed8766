import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, verifyReport } from '../../electron/features/reports/reports.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';

const suite = e2eSuite();
let app: AppSession;

describe('report journey', () => {
  it('saves a PDF of the whole estate and a Markdown report of one link, both sealed', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open();
    await page.getByRole('table', { name: 'Application links' }).waitFor();
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: `Report of all ${DEMO_LINKS} links` });
    await dialog.waitFor();
    expect(await axeViolations(page), 'report dialog').toEqual([]);
    await dialog.getByLabel(/^Classification marking/).fill('INTERNAL');
    await dialog.getByRole('button', { name: 'Save report…' }).click();
    await dialog.getByRole('status').filter({ hasText: new RegExp(`^Saved the report of ${DEMO_LINKS} links`) }).waitFor({ timeout: 60_000 });
    const pdfName = (await readdir(app.exportDir)).find((f) => f.endsWith('.pdf'))!;
    const pdf = await readFile(path.join(app.exportDir, pdfName));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(verifyReport(pdf)).toMatchObject({ status: 'intact' });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Jira ↔ Wiki (Confluence)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jira ↔ Wiki (Confluence)' }).waitFor();
    await page.getByRole('button', { name: 'Report…' }).click();
    const one = page.getByRole('dialog', { name: 'Report of this link' });
    await one.getByRole('radio', { name: /Markdown/ }).check();
    // Signed with a key the user keeps outside the workspace, picked in the file dialog.
    const { privatePem, publicPem } = generateSigningKeys();
    const keyFile = path.join(app.exportDir, '..', `${path.basename(app.exportDir)}-signing.key`);
    await writeFile(keyFile, privatePem, { mode: 0o600 });
    app.nextOpenPath = keyFile;
    await one.getByRole('checkbox', { name: /Sign with my Ed25519 private key/ }).check();
    await one.getByRole('button', { name: 'Save report…' }).click();
    await one.getByRole('status').filter({ hasText: /^Saved the report of 1 links/ }).waitFor();
    const md = await readFile(path.join(app.exportDir, (await readdir(app.exportDir)).find((f) => f.endsWith('.md'))!), 'utf8');
    // Markdown escapes only what could become markup: parentheses stay as typed.
    expect(md).toContain('### Jira ↔ Wiki (Confluence)');
    expect(md.match(/^### /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(verifyReport(md, publicPem)).toMatchObject({ status: 'intact', signatureValid: true });
    expect(md).not.toContain('PRIVATE KEY');
    await rm(keyFile);
  });
});
