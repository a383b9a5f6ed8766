import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { printPdfWithChromium } from '../electron/features/reports/pdf.ts';
import { produceReport } from '../electron/features/reports/reports.ts';
import { parseInventory } from '../shared/model/inventory.ts';
import { buildReport } from '../shared/present/report/reportModel.ts';
import path from 'node:path';
import { launchChromium, startApp } from '../test/harness/appHarness.ts';
import { triageScreens } from './screens/triage.ts';
import { planScreens } from './screens/plan.ts';
import { fleetScreens } from './screens/fleet.ts';

// `npm run screenshots`: every screen in light and dark, from the built renderer over the demo estate.
const OUT = 'docs/screenshots';
const ESTATE = path.resolve('test/fixtures/import/estate');
await mkdir(OUT, { recursive: true });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const app = await startApp(browser, { colorScheme: scheme, viewport: { width: 1440, height: 900 } });
    const { page } = app;
    await app.open();
    await page.getByRole('table', { name: 'Application links' }).waitFor();
    await page.screenshot({ path: path.join(OUT, `inventory-${scheme}.png`) });
    await app.open('/index.html#/link/jira-wiki');
    await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    await page.screenshot({ path: path.join(OUT, `link-${scheme}.png`) });
    // The flowchart panel is taller than the window since its labels stay readable (#17): shown from its heading.
    await app.open('/index.html#/link/jira-wiki/flowchart');
    await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    await page.screenshot({ path: path.join(OUT, `flowchart-${scheme}.png`) });
    await page.locator('#checklists-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `checklist-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: path.join(OUT, `shortcuts-${scheme}.png`) });
    await page.keyboard.press('Escape');
    // History of a link with one edit, and what changed since the start of the session's backup.
    await page.getByRole('button', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('dialog', { name: 'Backups' }).getByRole('status').filter({ hasText: 'Backed up' }).waitFor();
    await page.getByRole('dialog', { name: 'Backups' }).getByRole('button', { name: 'Close' }).click();
    await app.open('/index.html#/link/jira-wiki');
    await page.getByLabel('Notes').fill('Migration booked for the January change window (CHG-2231).');
    await page.locator('[data-save-state="saved"]').waitFor();
    await page.getByRole('button', { name: /^History/ }).click();
    await page.getByRole('dialog', { name: 'History' }).getByRole('table').waitFor();
    await page.screenshot({ path: path.join(OUT, `history-${scheme}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'What changed' }).click();
    await page.getByLabel('a backup').check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('table.changes-table').waitFor();
    await page.screenshot({ path: path.join(OUT, `changes-${scheme}.png`) });
    app.nextImportPaths = (await readdir(ESTATE)).map((n) => path.join(ESTATE, n));
    await page.getByRole('button', { name: 'Inventory' }).click();
    await page.getByRole('button', { name: 'Import exports…' }).click();
    await page.getByRole('dialog', { name: /^Import \d+ files$/ }).waitFor();
    await page.screenshot({ path: path.join(OUT, `import-${scheme}.png`) });
    await app.close();
  }
  const small = await startApp(browser, { viewport: { width: 1280, height: 720 } });
  await small.open();
  await small.page.getByRole('table', { name: 'Application links' }).waitFor();
  await small.page.screenshot({ path: path.join(OUT, 'inventory-1280x720.png') });
  await small.open('/index.html#/link/jsm-wiki');
  await small.page.locator('.flowchart-svg[data-state="ready"]').waitFor();
  await small.page.screenshot({ path: path.join(OUT, 'link-1280x720.png') });
  await small.close();
  const large = await startApp(browser, { viewport: { width: 1920, height: 1080 } });
  await large.open('/index.html#/link/wiki-mismatch');
  await large.page.locator('.flowchart-svg[data-state="ready"]').waitFor();
  await large.page.screenshot({ path: path.join(OUT, 'link-1920x1080.png') });
  await large.close();
  await triageScreens(browser, OUT);
  await planScreens(browser, OUT);
  // A page of the PDF report, as an auditor sees it (needs pdftoppm from poppler-utils).
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate invalid');
  const at = new Date().toISOString();
  const report = buildReport(inventory.value.links.map((link) => ({ schemaVersion: 3, revision: 1, link, createdAt: at, updatedAt: at })), {
    title: 'Application links — demo estate', author: 'A. Admin', generatedAt: at, appVersion: '0.1.0', classification: 'INTERNAL — Restricted', includeChecklists: true,
  });
  const pdf = await produceReport(report, 'pdf', { printPdf: (html) => printPdfWithChromium(html, '/usr/bin/chromium') });
  const pdfFile = path.join(OUT, 'report.tmp.pdf');
  await writeFile(pdfFile, pdf);
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '70', '-png', '-singlefile', pdfFile, path.join(OUT, 'report-page-1')]);
  execFileSync('pdftoppm', ['-f', '8', '-l', '8', '-r', '70', '-png', '-singlefile', pdfFile, path.join(OUT, 'report-page-8')]);
  await rm(pdfFile);
  await fleetScreens(browser, OUT);
  await (await import('./screens/audit.ts')).auditScreens(OUT);
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
}
