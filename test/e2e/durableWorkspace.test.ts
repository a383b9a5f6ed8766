import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/features/bundles.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink, mirrored, OAUTH_IMP } from '../fixtures/links.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { DEMO_LINKS } from '../fixtures/demoEstateSize.ts';

const suite = e2eSuite();
let app: AppSession;

async function openDemo() {
  app = await suite.start();
  await app.open();
  await app.page.getByRole('table', { name: 'Application links' }).waitFor();
  return app.page;
}
const savedAll = (page: AppSession['page']) => expect.poll(() => page.locator('[data-save-state="saved"]').count()).toBe(1);

describe('durable workspace journeys', () => {
  it('shows a link\'s history and the difference between two saved states, fields and verdict', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Jira ↔ Wiki (Confluence)' }).click();
    await page.getByLabel('Notes').fill('Migration planned for the January window');
    await savedAll(page);
    await page.getByRole('button', { name: /^History \(revision 2\)/ }).click();
    const dialog = page.getByRole('dialog', { name: 'History' });
    await dialog.getByRole('table').waitFor();
    expect(await dialog.getByLabel('To').locator('option:checked').textContent()).toMatch(/^Revision 2 — .* \(current\)$/);
    const row = dialog.getByRole('row', { name: /link\.notes/ });
    expect(await row.textContent()).toContain('Migration planned for the January window');
    expect(await dialog.locator('.change-changed').textContent()).toBe('Changed');
    expect(await axeViolations(page), 'history dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'History' }).count()).toBe(0);
  });

  it('answers "what changed since a backup": a remediated link and a new one, and is axe-clean', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('dialog', { name: 'Backups' }).getByRole('status').filter({ hasText: `Backed up ${DEMO_LINKS} links.` }).waitFor();
    await page.getByRole('dialog', { name: 'Backups' }).getByRole('button', { name: 'Close' }).click();

    // Between the backup and now: the Trusted Apps link migrated (as the checklist would record it), a link added.
    const before = (await app.store.get('jira-wiki'))!.link;
    await app.store.save({ ...before, config: mirrored(OAUTH_IMP), status: { working: true } });
    await app.open();
    await page.getByLabel('New link name').fill('Bamboo ↔ Bitbucket');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bamboo ↔ Bitbucket' }).waitFor();

    await page.getByRole('button', { name: 'What changed' }).click();
    await page.getByLabel('a backup').check();
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.locator('table.changes-table');
    await table.waitFor();
    expect(await table.locator('tr[data-change="remediated"]').textContent()).toContain('Jira ↔ Wiki (Confluence)');
    expect(await table.locator('tr[data-change="new"]').textContent()).toContain('Bamboo ↔ Bitbucket');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('status').filter({ hasText: 'Compared with the workspace in the backup of' }).textContent()).toMatch(/0 regressed, 1 new, 1 remediated, 0 changed, 0 removed/);
    expect(await axeViolations(page), 'what changed').toEqual([]);
  });

  it('imports a bundle: preview, a conflict that needs a choice, keep both; a tampered bundle is refused', async () => {
    const page = await openDemo();
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'applink-e2e-other-'));
    try {
      const other = new WorkspaceStore(elsewhere);
      const theirs = (await app.store.get('jira-bitbucket'))!.link;
      await other.save({ ...theirs, notes: 'Changed on the other machine' });
      await other.save(makeLink({ id: 'crowd-jira', name: 'Crowd → Jira (from the lab)' }));
      const file = path.join(elsewhere, 'lab.bundle');
      await writeFile(file, (await exportBundle(other, null, 'Applink Advisor lab')).text);

      app.nextOpenPath = file;
      await page.getByRole('button', { name: 'Import bundle…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import lab.bundle' });
      await dialog.waitFor();
      expect(await dialog.getByRole('status').first().textContent()).toBe('2 links: 1 new, 0 updates, 0 older, 1 conflicts, 0 identical.');
      const merge = dialog.getByRole('button', { name: /^Merge/ });
      expect(await merge.isDisabled()).toBe(true);
      expect(await axeViolations(page), 'bundle preview').toEqual([]);
      await dialog.getByLabel('Action for Jira ↔ Bitbucket').selectOption('keep-both');
      await merge.click();
      await page.getByRole('status').filter({ hasText: 'Merged lab.bundle: 1 added, 0 updated, 1 kept both' }).waitFor();
      await page.getByRole('button', { name: 'Crowd → Jira (from the lab)' }).waitFor();
      await page.getByRole('button', { name: 'Jira ↔ Bitbucket (from lab.bundle)' }).waitFor();
      expect((await app.store.get('jira-bitbucket'))!.link.notes).toBe(theirs.notes);

      const tampered = path.join(elsewhere, 'tampered.bundle');
      await writeFile(tampered, (await readFile(file, 'utf8')).replace('Changed on the other machine', 'Changed by hand'));
      app.nextOpenPath = tampered;
      await page.getByRole('button', { name: 'Import bundle…' }).click();
      await page.getByRole('status').filter({ hasText: 'Not imported: tampered.bundle has been changed since it was made' }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('exports the workspace as a bundle that another workspace reads back', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Export bundle…' }).click();
    await page.getByRole('status').filter({ hasText: new RegExp(`Wrote ${DEMO_LINKS} links to .*applink-advisor\\.bundle`) }).waitFor();
    const bundle = JSON.parse(await readFile(path.join(app.exportDir, 'applink-advisor.bundle'), 'utf8'));
    expect(bundle).toMatchObject({ format: 'applink-advisor.bundle', createdBy: 'Applink Advisor test' });
    expect(bundle.content.links).toHaveLength(DEMO_LINKS);
  });

  it('opens another workspace folder, starts it empty, and goes back through the recent list', async () => {
    const page = await openDemo();
    const usb = await mkdtemp(path.join(tmpdir(), 'applink-e2e-usb-'));
    try {
      await page.getByRole('button', { name: /^Workspace: / }).click();
      const dialog = page.getByRole('dialog', { name: 'Workspace folder' });
      expect(await dialog.textContent()).toContain('the default workspace');
      expect(await axeViolations(page), 'workspace dialog').toEqual([]);
      app.nextOpenPath = usb;
      await dialog.getByRole('button', { name: 'Open another folder…' }).click();
      await page.getByText('No links yet.').waitFor();
      expect(await page.getByRole('button', { name: /^Workspace: / }).textContent()).toContain(usb);
      expect(await page.getByRole('region', { name: 'Demo estate' }).count()).toBe(0);
      await page.getByLabel('New link name').fill('On the stick');
      await page.getByRole('button', { name: 'Add link' }).click();
      await page.getByRole('heading', { level: 1, name: 'On the stick' }).waitFor();
      await savedAll(page);

      await page.getByRole('button', { name: /^Workspace: / }).click();
      await dialog.getByRole('button', { name: app.workspaceDir }).click();
      await page.getByRole('button', { name: 'Jira ↔ Wiki (Confluence)' }).waitFor();
      expect((await new WorkspaceStore(usb).list()).documents.map((d) => d.link.name)).toEqual(['On the stick']);
    } finally {
      await rm(usb, { recursive: true, force: true });
    }
  });
});

describe('help and diagnostics', () => {
  it('shows diagnostics without user data, copies them and opens the log folder', async () => {
    const page = await openDemo();
    await page.getByRole('button', { name: 'Jira ↔ Wiki (Confluence)' }).click();
    await page.getByLabel('Notes').fill('A private note that must stay out of the log');
    await savedAll(page);
    await page.getByRole('button', { name: 'Help' }).click();
    const dialog = page.getByRole('dialog', { name: 'Help' });
    await expect.poll(() => dialog.getByLabel('Diagnostics').inputValue()).toMatch(/^Applink Advisor test\n/);
    const text = await dialog.getByLabel('Diagnostics').inputValue();
    expect(text).toContain(`workspace: ${DEMO_LINKS} links, 0 unreadable, writable, default folder`);
    expect(text).toMatch(/"event":"operation","operation":"links\.save","ms":\d+/);
    expect(text).not.toMatch(/Jira ↔ Wiki|private note|corp\.example|applink-advisor-e2e/);
    expect(await axeViolations(page), 'help dialog').toEqual([]);
    await dialog.getByRole('button', { name: 'Copy diagnostics' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Diagnostics copied' }).waitFor();
    expect(app.clipboard).toContain(`workspace: ${DEMO_LINKS} links`);
    await dialog.getByRole('button', { name: 'Open log folder' }).click();
    await dialog.getByRole('status').filter({ hasText: 'The log folder is open' }).waitFor();
    expect(app.openedFolders).toEqual([path.join(app.exportDir, 'logs')]);
  });
});
