import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acquireWorkspaceLock } from '../../electron/workspace/lock.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../harness/axe.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';

const suite = e2eSuite();
let app: AppSession;

const rowNames = (page: Page) => page.locator('table.grid tbody tr[data-link-id] td.col-name').allTextContents();
const storedLink = async (session: AppSession, id: string) => JSON.parse(await readFile(path.join(session.workspaceDir, 'links', `${id}.json`), 'utf8')).link;
const takenNodes = (page: Page) => page.locator('.flowchart-svg g.node.taken').evaluateAll((nodes) => nodes.map((n) => /flowchart-([A-Z_0-9]+)-/.exec(n.id)?.[1]));
const recommendation = (page: Page) => page.locator('.recommendation-label strong').textContent();
const findingRules = (page: Page) => page.locator('.findings > li').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.rule));
const savedAll = (page: Page) => expect.poll(() => page.locator('[data-save-state="saved"]').count()).toBe(1);

async function openDemo(): Promise<Page> {
  app = await suite.start();
  await app.open();
  await app.page.getByRole('table', { name: 'Application links' }).waitFor();
  return app.page;
}

describe('workspace UI journeys', () => {
  it('opens the demo estate on first launch, filters to Trusted Apps links, and a changed answer changes the verdict, the findings and the path', async () => {
    const page = await openDemo();
    expect(await page.getByText('You are exploring a demo estate').count()).toBe(1);
    expect((await rowNames(page)).length).toBeGreaterThan(15);

    await page.getByLabel('Authentication').selectOption('trustedApps');
    await expect.poll(() => rowNames(page)).toEqual(['Jira → Crowd (directory)', 'Jira ↔ Wiki (Confluence)', 'Jira ↔ Wiki (DR site)', 'Wiki → Jira Data Center cluster']);

    await page.getByRole('button', { name: 'Jira ↔ Wiki (Confluence)' }).click();
    await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    expect(await recommendation(page)).toBe('OAuth (impersonation)');
    expect(await findingRules(page)).toContain('R03');
    expect(await takenNodes(page)).toContain('O_IMP');

    await page.getByRole('group', { name: /share the same user base/ }).getByLabel('No', { exact: true }).check();
    await expect.poll(() => recommendation(page)).toBe('OAuth');
    expect(await findingRules(page)).toContain('R04');
    expect(await findingRules(page)).not.toContain('R03');
    await expect.poll(() => takenNodes(page)).toContain('O_OAUTH');
    expect(await takenNodes(page)).not.toContain('O_IMP');
    expect(await page.locator('.path-text').textContent()).toMatch(/Q_USERS.*No/);

    await savedAll(page);
    await page.reload();
    await expect.poll(() => recommendation(page)).toBe('OAuth');
    expect(await page.getByRole('group', { name: /share the same user base/ }).getByLabel('No', { exact: true }).isChecked()).toBe(true);
    expect((await storedLink(app, 'jira-wiki')).answers.sharedUserBase).toBe(false);
  });

  it('runs the same journey with the keyboard only, and undoes the change with Ctrl+Z', async () => {
    const page = await openDemo();
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inventory-search');
    await page.keyboard.type('Wiki (Confluence)');
    await expect.poll(() => rowNames(page)).toEqual(['Jira ↔ Wiki (Confluence)']);

    // Tab from the filters into the grid, then open the focused row with Enter.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'TR')) break;
    }
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.linkId)).toBe('jira-wiki');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Jira ↔ Wiki (Confluence)' }).waitFor();

    const noRadio = page.getByRole('group', { name: /share the same user base/ }).getByLabel('No', { exact: true });
    await noRadio.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => recommendation(page)).toBe('OAuth');

    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => recommendation(page)).toBe('OAuth (impersonation)');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => recommendation(page)).toBe('OAuth');
    await page.keyboard.press('Control+z');
    await savedAll(page);
    expect((await storedLink(app, 'jira-wiki')).answers.sharedUserBase).toBe(true);

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Inventory' }).waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(0);
  });

  it('is axe-clean (WCAG 2.1 AA) on every screen, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      app = await suite.start({ colorScheme });
      const { page } = app;
      await app.open();
      await page.getByRole('table', { name: 'Application links' }).waitFor();
      expect(await axeViolations(page), `inventory (${colorScheme})`).toEqual([]);
      await page.getByLabel('Select all shown links').check();
      expect(await axeViolations(page), `inventory with bulk actions (${colorScheme})`).toEqual([]);
      await page.getByRole('button', { name: /^Delete…/ }).click();
      expect(await axeViolations(page), `delete confirmation (${colorScheme})`).toEqual([]);
      await page.keyboard.press('Escape');
      await app.open('/index.html#/link/jira-wiki');
      await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
      await page.locator('details.observations summary').click();
      expect(await axeViolations(page), `link view (${colorScheme})`).toEqual([]);
      await page.getByLabel('Documented (Confluence 5.0)').check();
      await page.locator('.flowchart-svg[data-chart="documented"][data-state="ready"]').waitFor();
      expect(await axeViolations(page), `documented chart (${colorScheme})`).toEqual([]);
      await page.locator('body').press('?');
      expect(await axeViolations(page), `shortcut sheet (${colorScheme})`).toEqual([]);
    }
  });

  it('renders hostile link names literally, as text, in the inventory, the editor and the flowchart screen', async () => {
    app = await suite.start({ seed: () => [] });
    const { page } = app;
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const hostile = ['"]; click A call alert(1); %%{init:{}}%%', '<img src=x onerror=alert(1)>'];
    await app.open();
    for (const name of hostile) {
      await page.getByLabel('New link name').fill(name);
      await page.getByRole('button', { name: 'Add link' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      await page.getByRole('button', { name: '← Inventory' }).click();
    }
    await expect.poll(() => rowNames(page)).toEqual([...hostile].sort((a, b) => a.localeCompare(b)));
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('shows a failed save, keeps the edit, and saves it once the disk accepts it again', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Jira ↔ Bitbucket' }).click();
    // A folder where the file should be makes the atomic rename fail, as a broken disk would.
    const target = path.join(app.workspaceDir, 'links', 'jira-bitbucket.json');
    await rm(target);
    await mkdir(target);
    await page.getByLabel('Notes').fill('Checked with the Bitbucket team');
    await expect.poll(() => page.locator('[data-save-state="error"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Not saved' }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Notes').inputValue()).toBe('Checked with the Bitbucket team');

    await rm(target, { recursive: true });
    await page.getByRole('button', { name: 'Retry now' }).click();
    await savedAll(page);
    expect((await storedLink(app, 'jira-bitbucket')).notes).toBe('Checked with the Bitbucket team');
  });

  it('keeps invalid text in the field with an inline message and saves only a valid version', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Jira ↔ Bitbucket' }).click();
    const version = page.getByRole('group', { name: 'Remote end' }).getByLabel('Version', { exact: true });
    await version.fill('10.1.');
    expect(await version.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Expected a version such as 11.2.0. Not saved yet.').count()).toBe(1);
    await page.getByRole('button', { name: '← Inventory' }).click();
    await page.getByRole('button', { name: 'Jira ↔ Bitbucket' }).click();
    expect(await version.inputValue()).toBe('10.1.');
    await version.fill('10.1.0');
    await savedAll(page);
    expect((await storedLink(app, 'jira-bitbucket')).remote.version).toBe('10.1.0');
  });

  it('sets an answer on several links at once, and deletes a selection after confirmation', async () => {
    const page = await openDemo();
    await page.getByLabel('Authentication').selectOption('trustedApps');
    await page.getByLabel('Select all shown links').check();
    await page.getByLabel('Set answer', { exact: true }).selectOption('sysadminOnRemote');
    await page.getByLabel('Answer', { exact: true }).selectOption('false');
    await page.getByRole('button', { name: 'Apply to 4' }).click();
    await savedAll(page);
    for (const id of ['jira-crowd', 'jira-wiki', 'jira-ssl', 'wiki-jira-dc']) expect((await storedLink(app, id)).answers.sysadminOnRemote).toBe(false);

    await page.getByRole('button', { name: /^Delete…/ }).click();
    await page.getByRole('button', { name: 'Delete 4 links' }).click();
    await expect.poll(() => rowNames(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    const files = await readdir(path.join(app.workspaceDir, 'links'));
    expect(files).not.toContain('jira-wiki.json');
    expect(files.length).toBeGreaterThan(10);
  });

  it('exports the flowchart as SVG and PNG through the save dialog', async () => {
    const page = await openDemo();
    await app.open('/index.html#/link/jira-wiki');
    await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Export SVG' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved .*\.svg$/ }).waitFor();
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByRole('status').filter({ hasText: /^Saved .*\.png$/ }).waitFor();
    const svg = await readFile(path.join(app.exportDir, 'jira-wiki-current-flowchart.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*aria-roledescription="flowchart-v2"/);
    expect(svg).toContain('O_IMP');
    const png = await readFile(path.join(app.exportDir, 'jira-wiki-current-flowchart.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('opens the rest of the workspace when a file is corrupt, and says where it was moved', async () => {
    const workspaceDir = await mkdtemp(path.join(tmpdir(), 'applink-e2e-corrupt-'));
    try {
      await new WorkspaceStore(workspaceDir).save(makeLink({ id: 'intact', name: 'Intact link' }));
      await writeFile(path.join(workspaceDir, 'links', 'broken.json'), '{"schemaVersion": 1, "link": ');
      app = await suite.start({ workspaceDir });
      await app.open();
      const alert = app.page.getByRole('alert').filter({ hasText: 'could not be opened' });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/broken\.json: not valid JSON.*moved to .*quarantine.*broken\.json\./);
      await app.page.getByRole('button', { name: 'Intact link' }).waitFor();
    } finally {
      await rm(workspaceDir, { recursive: true, force: true });
    }
  });

  it('opens read-only, saying who holds it, when another process has the workspace', async () => {
    const workspaceDir = await mkdtemp(path.join(tmpdir(), 'applink-e2e-locked-'));
    const other = await acquireWorkspaceLock(workspaceDir, 'Applink Advisor on the other desk');
    try {
      app = await suite.start({ workspaceDir, seed: () => [] });
      await app.open();
      await app.page.getByRole('alert').filter({ hasText: 'Read-only.' }).waitFor();
      expect(await app.page.getByRole('alert').filter({ hasText: 'Read-only.' }).textContent()).toMatch(/open in Applink Advisor on the other desk/);
      await app.page.getByLabel('New link name').fill('Should not be saved');
      await app.page.getByRole('button', { name: 'Add link' }).click();
      await app.page.getByRole('alert').filter({ hasText: /read-only here/ }).nth(1).waitFor();
      await expect(readdir(path.join(workspaceDir, 'links'))).rejects.toThrow();
    } finally {
      if (other.held) await other.release();
      await rm(workspaceDir, { recursive: true, force: true });
    }
  });

  it('restores a backup after links were deleted (a safety snapshot of the state before is taken first)', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Backups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await dialog.getByText(`Backed up ${DEMO_LINKS} links.`).waitFor();
    expect(await axeViolations(page), 'backups dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Authentication').selectOption('trustedApps');
    await page.getByLabel('Select all shown links').check();
    await page.getByRole('button', { name: /^Delete…/ }).click();
    await page.getByRole('button', { name: 'Delete 4 links' }).click();
    await expect.poll(() => rowNames(page)).toEqual([]);

    await page.getByRole('button', { name: 'Backups' }).click();
    await dialog.getByText('before deleting 4 links (automatic)').waitFor();
    await dialog.getByRole('row').filter({ hasText: 'on demand' }).getByRole('button', { name: /^Restore the backup/ }).click();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: /^(Restored|Failed)/ }).waitFor();
    expect(await dialog.getByRole('status').filter({ hasText: /^(Restored|Failed)/ }).textContent()).toMatch(new RegExp(`^Restored ${DEMO_LINKS} links from`));
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => rowNames(page)).toEqual(['Jira → Crowd (directory)', 'Jira ↔ Wiki (Confluence)', 'Jira ↔ Wiki (DR site)', 'Wiki → Jira Data Center cluster']);
    expect((await readdir(path.join(app.workspaceDir, 'links'))).length).toBe(DEMO_LINKS);
  });

  it('starts an empty workspace from the demo after confirmation', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Start an empty workspace…' }).click();
    await page.getByRole('button', { name: 'Remove the demo links' }).click();
    await page.getByText('No links yet.').waitFor();
    expect(await page.getByText('You are exploring a demo estate').count()).toBe(0);
    await page.reload();
    await page.getByText('No links yet.').waitFor();
    expect(await readdir(path.join(app.workspaceDir, 'links'))).toEqual([]);
  });
});
