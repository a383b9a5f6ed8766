import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppSession } from '../harness/appHarness.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

const suite = e2eSuite();
let app: AppSession;

const status = (working: boolean, error: unknown) => JSON.stringify({ link: { id: 'a1', name: 'Wiki' }, working, error }, null, 2);
const checklist = (page: Page) => page.locator('[data-checklist="ta-to-oauth"]');
const item = (page: Page, id: string) => checklist(page).locator(`li[data-item="${id}"]`);
const statusOf = (page: Page, id: string) => item(page, id).locator('select').first();
const stored = async (id: string) => JSON.parse(await readFile(path.join(app.workspaceDir, 'links', `${id}.json`), 'utf8'));
const savedAll = (page: Page) => expect.poll(() => page.locator('[data-save-state="saved"]').count()).toBe(1);

describe('migration checklist journey', () => {
  it('works through the Trusted Apps checklist with notes and evidence, keeps it across a reload, undoes a tick, and records the new configuration', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open();
    await page.getByRole('button', { name: 'Operator: not set' }).click();
    await page.getByLabel('Operator name').fill('A. Admin');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Operator: A. Admin' }).waitFor();

    await app.open('/index.html#/link/jira-wiki');
    await checklist(page).waitFor();
    expect(await checklist(page).textContent()).toContain('Update path 1: Auto update (recommended).');

    await statusOf(page, 'ta-pre-backup').selectOption('done');
    await item(page, 'ta-pre-backup').getByText('Note', { exact: true }).first().click();
    await item(page, 'ta-pre-backup').getByLabel('Note').fill('Nightly dumps of both databases checked on 30 Nov');
    await savedAll(page);

    // Evidence that the link is not working blocks "done" until an override reason is given.
    const evidenceItem = item(page, 'ta-verify-status-local');
    await evidenceItem.locator('summary').click();
    await evidenceItem.getByLabel(/^Evidence/).fill(status(false, { category: 'CONFIG_ERROR', type: 'AUTH_LEVEL_MISMATCH' }));
    expect(await evidenceItem.getByRole('status').textContent()).toBe('Not working, error CONFIG_ERROR/AUTH_LEVEL_MISMATCH (Wiki).');
    await statusOf(page, 'ta-verify-status-local').selectOption('done');
    expect(await evidenceItem.getByRole('alert').textContent()).toMatch(/does not show a working link/);
    expect(await statusOf(page, 'ta-verify-status-local').inputValue()).toBe('open');
    await evidenceItem.getByLabel(/^Evidence/).fill('{"working": tru');
    expect(await evidenceItem.getByRole('status').textContent()).toMatch(/^Not a status answer: line 1, column \d+: not valid JSON/);
    await evidenceItem.getByLabel(/^Evidence/).fill(status(true, null));
    expect(await evidenceItem.getByRole('status').textContent()).toBe('Working, no error (Wiki).');
    await statusOf(page, 'ta-verify-status-local').selectOption('done');
    await savedAll(page);

    await page.reload();
    await checklist(page).waitFor();
    expect(await statusOf(page, 'ta-pre-backup').inputValue()).toBe('done');
    expect(await item(page, 'ta-pre-backup').getByLabel('Note').inputValue()).toBe('Nightly dumps of both databases checked on 30 Nov');
    expect(await item(page, 'ta-pre-backup').textContent()).toContain('by A. Admin');
    const saved = (await stored('jira-wiki')).checklists['ta-to-oauth'].items;
    expect(saved['ta-pre-backup']).toMatchObject({ status: 'done', by: 'A. Admin', note: 'Nightly dumps of both databases checked on 30 Nov' });
    expect(saved['ta-verify-status-local'].evidence).toContain('"working": true');

    // Undo a tick with the keyboard.
    await statusOf(page, 'ta-step-open').selectOption('done');
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusOf(page, 'ta-step-open').inputValue()).toBe('open');

    // Complete every required item, then record the new configuration.
    const required = await checklist(page).locator('li.checklist-item').evaluateAll((items) =>
      items.filter((i) => !i.querySelector('.item-meta')?.textContent?.includes('optional')).map((i) => (i as HTMLElement).dataset.item!));
    for (const id of required) {
      if (id === 'ta-verify-status-remote') {
        await item(page, id).locator('summary').click();
        await item(page, id).getByLabel(/^Evidence/).fill(status(true, null));
      }
      if ((await statusOf(page, id).inputValue()) !== 'done') await statusOf(page, id).selectOption('done');
    }
    await page.getByRole('button', { name: 'Record the new configuration' }).click();
    await checklist(page).getByText('Migration recorded').waitFor();
    expect(await checklist(page).textContent()).toMatch(/The re-assessment has no findings above info\./);

    await page.getByRole('button', { name: '← Inventory' }).click();
    const row = page.locator('tr[data-link-id="jira-wiki"]');
    await expect.poll(() => row.textContent()).toContain('Migrated');
    expect(await row.textContent()).toContain('3LO + 2LO + 2LOi / 3LO + 2LO + 2LOi');
    const after = await stored('jira-wiki');
    expect(after.link.config.local.outgoing).toEqual(['oauth3lo', 'oauth2lo', 'oauth2loi']);
    expect(after.checklists['ta-to-oauth'].closed).toMatchObject({ by: 'A. Admin', previousConfig: { local: { outgoing: ['trustedApps'] } } });
  });

  it('shows the OAuth 2.0 checklist locked for an unconfirmed Confluence 10.0, and exports a checklist for a change ticket', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open('/index.html#/link/jira11-wiki10');
    const locked = page.locator('[data-checklist="oauth-to-oauth2"]');
    await locked.waitFor();
    expect(await locked.locator('.locked').textContent()).toMatch(/Locked\. Eligibility is unconfirmed: .*10\.0.*10\.1/);
    expect(await locked.locator('select').first().isDisabled()).toBe(true);

    await app.open('/index.html#/link/jira-wiki');
    await checklist(page).getByRole('button', { name: 'Export Markdown' }).click();
    await checklist(page).getByRole('status').filter({ hasText: /^Saved .*\.md$/ }).waitFor();
    const markdown = await readFile(path.join(app.exportDir, 'jira-wiki-ta-to-oauth.md'), 'utf8');
    expect(markdown).toMatch(/^# Trusted Applications \/ Basic → OAuth: Jira ↔ Wiki \(Confluence\)/);
    expect(markdown).toContain('- [ ] `ta-step-auto-update`');
    await checklist(page).getByRole('button', { name: 'Export HTML' }).click();
    await checklist(page).getByRole('status').filter({ hasText: /^Saved .*\.html$/ }).waitFor();
    const html = await readFile(path.join(app.exportDir, 'jira-wiki-ta-to-oauth.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
  });
});
