import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/engine/triage.ts';
import { dayText } from '../../shared/present/triageText.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

const suite = e2eSuite();
let app: AppSession;

const stored = async (id: string) => JSON.parse(await readFile(path.join(app.workspaceDir, 'links', `${id}.json`), 'utf8'));
const savedAll = (page: Page) => expect.poll(() => page.locator('[data-save-state="saved"]').count()).toBe(1);
const finding = (page: Page, rule: string) => page.locator(`.verdict li.finding[data-rule="${rule}"]`);
const findingsHeading = (page: Page) => page.getByRole('heading', { level: 3, name: /^Findings \(/ });
const day = (offset: number) => localDay(new Date(Date.now() + offset * 86_400_000));

describe('triage journey', () => {
  it('accepts a risk from the keyboard, counts it, sees it expire and count as open again, and reports it', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open();
    await page.getByRole('button', { name: 'Operator: not set' }).click();
    await page.getByLabel('Operator name').fill('A. Admin');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Operator: A. Admin' }).waitFor();

    await app.open('/index.html#/link/jira-wiki');
    const r06 = finding(page, 'R06');
    await r06.waitFor();
    await expect.poll(() => findingsHeading(page).textContent()).toMatch(/^Findings \(\d+\): 1 high(, \d+ \w+)*$/);

    // Keyboard only: open the form, choose "Accepted risk", try to save without a reason.
    await r06.getByText('Triage R06', { exact: true }).focus();
    await page.keyboard.press('Enter');
    const status = r06.getByLabel('Status');
    await status.focus();
    await status.selectOption('accepted-risk');
    await r06.getByRole('button', { name: 'Save decision' }).focus();
    await page.keyboard.press('Enter');
    const alert = r06.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Give a reason: an accepted risk must say why.*Nothing was saved\.$/);
    expect(await r06.getByLabel('Reason (required)').getAttribute('aria-invalid')).toBe('true');
    expect((await stored('jira-wiki')).link.triage).toBeUndefined();
    expect(await axeViolations(page, '.verdict'), 'verdict with an inline error').toEqual([]);

    await r06.getByLabel('Reason (required)').focus();
    await page.keyboard.type('Server retired in March');
    await r06.getByLabel('Owner (optional)').focus();
    await page.keyboard.type('Ann Admin');
    await r06.getByLabel('Review or expiry date (optional)').fill(day(30));
    await r06.getByRole('button', { name: 'Save decision' }).focus();
    await page.keyboard.press('Enter');

    await r06.getByText(`Accepted risk until ${dayText(day(30))} — Server retired in March — owner: Ann Admin`).waitFor();
    await expect.poll(() => findingsHeading(page).textContent()).toMatch(/: (\d+ info, )?1 accepted$/);
    await savedAll(page);
    expect((await stored('jira-wiki')).link.triage).toEqual({
      R06: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'Ann Admin', due: day(30), at: expect.any(String), by: 'A. Admin' },
    });
    expect(await axeViolations(page, '.verdict'), 'verdict with a decision').toEqual([]);

    // The review day passes (set to yesterday with the mouse): the acceptance expires and counts as open again.
    await r06.getByText('Change triage of R06').click();
    await r06.getByLabel('Review or expiry date (optional)').fill(day(-1));
    await r06.getByRole('button', { name: 'Save decision' }).click();
    await r06.getByRole('note').filter({ hasText: `acceptance expired on ${dayText(day(-1))}, counts as open again` }).waitFor();
    await expect.poll(() => findingsHeading(page).textContent()).toMatch(/: 1 high, (\d+ info, )?1 expired$/);
    expect(await r06.getAttribute('data-rule')).toBe('R06');
    expect(await r06.locator('.triage').getAttribute('data-triage-status')).toBe('open');
    await savedAll(page);
    expect((await stored('jira-wiki')).link.triage.R06.due).toBe(day(-1));
    expect(await axeViolations(page, '.verdict'), 'verdict with an expired decision').toEqual([]);

    // The report of this link, from the app's report dialog, shows the decision and flags it.
    await page.getByRole('button', { name: 'Report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report of this link' });
    await dialog.getByRole('radio', { name: /^HTML/ }).check();
    await dialog.getByRole('button', { name: 'Save report…' }).click();
    await dialog.getByRole('status').filter({ hasText: /^Saved the report of 1 links/ }).waitFor();
    const html = await readFile(path.join(app.exportDir, (await readdir(app.exportDir)).find((f) => f.endsWith('.html'))!), 'utf8');
    expect(html).toContain(`<span class="triage expired">Triage: Accepted risk — acceptance expired on ${dayText(day(-1))}, counts as open again — Server retired in March — owner: Ann Admin</span>`);
  });

  it('clears a decision by setting the finding open again, and a false positive needs a reason too', async () => {
    app = await suite.start();
    const { page } = app;
    await app.open('/index.html#/link/jira-wiki');
    const r06 = finding(page, 'R06');
    await r06.getByText('Triage R06', { exact: true }).click();
    await r06.getByLabel('Status').selectOption('false-positive');
    await r06.getByRole('button', { name: 'Save decision' }).click();
    await r06.getByRole('alert').filter({ hasText: 'a false positive must say why' }).waitFor();
    // A credential pasted into the reason never reaches the disk: it becomes a marker, and the user is told.
    await r06.getByLabel('Reason (required)').fill('The remote is not Trusted Apps any more (checked with password=hunter2secret)');
    await r06.getByRole('button', { name: 'Save decision' }).click();
    await r06.getByText(/^False positive — The remote is not Trusted Apps any more \(checked with password=\[removed: /).waitFor();
    await r06.getByRole('status').filter({ hasText: '1 secret was removed from the text before saving.' }).waitFor();
    await expect.poll(() => findingsHeading(page).textContent()).toMatch(/1 false positive$/);
    await savedAll(page);
    expect(JSON.stringify(await stored('jira-wiki'))).not.toContain('hunter2secret');

    await r06.getByText('Change triage of R06').click();
    await r06.getByLabel('Status').selectOption('open');
    await r06.getByRole('button', { name: 'Save decision' }).click();
    await expect.poll(() => findingsHeading(page).textContent()).toMatch(/^Findings \(\d+\): 1 high(, \d+ info)?$/);
    await savedAll(page);
    expect((await stored('jira-wiki')).link.triage).toBeUndefined();
  });
});
