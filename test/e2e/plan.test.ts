import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertSelfContainedHtml } from '../../electron/features/exportedHtml.ts';
import { axeViolations } from '../harness/axe.ts';
import type { AppSession } from '../harness/appHarness.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';

// #17 "Migration waves": plan links in the link view, see the waves and an order problem, export the plan.
const suite = e2eSuite();
let app: AppSession;
const stored = async (id: string) => JSON.parse(await readFile(path.join(app.workspaceDir, 'links', `${id}.json`), 'utf8')).link;
const savedAll = (page: Page) => expect.poll(() => page.locator('[data-save-state="saved"]').count()).toBe(1);

async function planLink(page: Page, id: string, plan: { owner?: string; ticket?: string; window: string }) {
  await app.open(`/index.html#/link/${id}`);
  const fields = page.getByRole('group', { name: 'Migration plan' });
  if (plan.owner) await fields.getByLabel('Owner').fill(plan.owner);
  if (plan.ticket) await fields.getByLabel('Change ticket').fill(plan.ticket);
  await fields.getByLabel('Planned window').fill(plan.window);
  await savedAll(page);
}

describe('the migration plan', () => {
  it('plans links in the link view, groups them into waves with progress, flags an order problem, and exports the plan', async () => {
    app = await suite.start();
    const { page } = app;
    await planLink(page, 'jira-wiki', { owner: 'A. Admin', ticket: 'CHG-2231', window: '2027-01-14' });
    await planLink(page, 'jira-crowd', { owner: 'I. Dentity', ticket: 'CHG-2240', window: '2027-02-11' });
    await planLink(page, 'jira-bitbucket', { window: '2027-02-11' });
    expect((await stored('jira-wiki')).plan).toEqual({ owner: 'A. Admin', ticket: 'CHG-2231', window: '2027-01-14' });
    expect((await stored('jira-bitbucket')).plan).toEqual({ window: '2027-02-11' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Migration plan' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/plan');
    const waves = page.locator('section.wave');
    expect(await waves.evaluateAll((s) => s.map((w) => (w as HTMLElement).dataset.window))).toEqual(['2027-01-14', '2027-02-11', 'unscheduled']);
    const second = page.locator('section.wave[data-window="2027-02-11"]');
    expect(await second.locator('.wave-summary').textContent()).toMatch(/^2 links: 1 open, 0 done, 1 locked · 0 of \d+ required checklist items done$/);
    expect(await second.locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.linkId))).toEqual(['jira-crowd', 'jira-bitbucket']);
    expect(await page.locator('.plan-totals').textContent()).toMatch(/^17 links: \d+ migrations open, 0 done, \d+ locked\./);

    // Jira depends on Crowd for its users: its link to the wiki is planned before its link to Crowd (PLAN04),
    // and Jira ↔ Bitbucket waits for upgrades before OAuth 2.0 (PLAN01).
    const crowdFirst = page.locator('.problem[data-rule="PLAN04"]');
    expect(await crowdFirst.getAttribute('data-link-id')).toBe('jira-wiki');
    expect(await crowdFirst.textContent()).toMatch(/jira\.corp\.example depends on the directory at crowd\.corp\.example.*Sources: S5, S24, S27/);
    expect(await page.locator('.problem[data-rule="PLAN01"][data-link-id="jira-bitbucket"]').count()).toBe(2);
    await page.locator('.gantt-svg[data-state="ready"]').waitFor();
    expect(await page.locator('.gantt-svg svg').textContent()).toContain('Jira → Crowd (directory) — I. Dentity');
    expect(await axeViolations(page), 'plan view').toEqual([]);

    // Export: Markdown with the gantt as Mermaid source, HTML with the gantt drawn inline and nothing fetched.
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    await page.getByRole('status').filter({ hasText: 'migration-plan.md' }).waitFor();
    const md = await readFile(path.join(app.exportDir, 'migration-plan.md'), 'utf8');
    expect(md).toMatch(/^```mermaid\n%%\{init: .*\}%%\ngantt\n/m);
    expect(md).toContain('- **PLAN04** Jira ↔ Wiki (Confluence) (jira-wiki)');
    expect(md).toMatch(/\| Jira → Crowd \(directory\) \(jira-crowd\) \| I. Dentity \| CHG-2240 \| Open \|/);
    await page.getByRole('button', { name: 'Export HTML' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'migration-plan.html' }).count()).toBe(1);
    const html = await readFile(path.join(app.exportDir, 'migration-plan.html'), 'utf8');
    expect(html).toMatch(/<figure class="gantt"><svg [^>]*aria-roledescription="gantt"/);
    expect(() => assertSelfContainedHtml(html)).not.toThrow();

    // Link names lead to the link view, with the keyboard too.
    await page.getByRole('heading', { level: 1, name: 'Migration plan' }).scrollIntoViewIfNeeded();
    const name = second.getByRole('button', { name: 'Jira → Crowd (directory)' });
    await name.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Jira → Crowd (directory)' }).waitFor();
    expect(await page.getByRole('group', { name: 'Migration plan' }).getByLabel('Change ticket').inputValue()).toBe('CHG-2240');
  });

  it('moves a link to another wave when its window changes, flags a window in the past, and is axe-clean in dark', async () => {
    app = await suite.start({ colorScheme: 'dark' });
    const { page } = app;
    await planLink(page, 'jsm-wiki', { owner: 'S. Desk', window: '2001-05-01' });
    await app.open('/index.html#/plan');
    await page.locator('.problem[data-rule="PLAN05"][data-link-id="jsm-wiki"]').waitFor();
    expect(await page.locator('section.wave[data-window="2001-05-01"] tbody tr').count()).toBe(1);
    await planLink(page, 'jsm-wiki', { window: '2999-05-01' });
    await app.open('/index.html#/plan');
    await page.locator('section.wave[data-window="2999-05-01"]').waitFor();
    expect(await page.locator('section.wave[data-window="2001-05-01"]').count()).toBe(0);
    expect(await page.locator('.problem[data-rule="PLAN05"]').count()).toBe(0);
    await page.locator('.gantt-svg[data-state="ready"]').waitFor();
    expect(await axeViolations(page), 'plan view (dark)').toEqual([]);
  });

  it('draws hostile link names in the gantt exactly as typed, one bar each, with Mermaid itself', async () => {
    const hostile = ['Jira: prod; #1 %% x', 'section Evil\nclick t1 call alert(1)', '"]:crit, t9, 2000-01-01, 9d', '<img src=x onerror=alert(1)>'];
    app = await suite.start({ seed: () => hostile.map((name, i) => makeLink({ id: `h${i}`, name, config: mirrored(TA), plan: { window: '2027-01-15', owner: 'Ops; #2' } })) });
    const { page } = app;
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await app.open('/index.html#/plan');
    await page.locator('.gantt-svg[data-state="ready"]').waitFor();
    const drawn = await page.locator('.gantt-svg svg').evaluate((svg) => ({
      bars: svg.querySelectorAll('rect.task').length,
      labels: Array.from(svg.querySelectorAll('text.taskText, text.taskTextOutsideRight, text.taskTextOutsideLeft')).map((t) => t.textContent),
      sections: Array.from(svg.querySelectorAll('text.sectionTitle')).map((t) => t.textContent),
    }));
    expect(drawn.bars).toBe(hostile.length);
    expect(drawn.labels.sort()).toEqual(hostile.map((n) => `${n.replace(/\n/g, ' ')} — Ops; #2`).sort());
    expect(drawn.sections.map((t) => t?.trim())).toEqual(['Wave 2027-01-15 (4 links)']);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('draws the first 200 links of a large wave and the rest on request', async () => {
    app = await suite.start({ seed: () => Array.from({ length: 250 }, (_, i) => makeLink({ id: `l${String(i).padStart(3, '0')}`, name: `Link ${String(i).padStart(3, '0')}`, config: mirrored(TA) })) });
    const { page } = app;
    await app.open('/index.html#/plan');
    const unscheduled = page.locator('section.wave[data-window="unscheduled"]');
    await unscheduled.waitFor();
    expect(await unscheduled.locator('.wave-summary').textContent()).toMatch(/^250 links: 250 open/);
    expect(await unscheduled.locator('tbody tr').count()).toBe(200);
    await unscheduled.getByRole('button', { name: 'Show all 250 links of Unscheduled' }).click();
    await expect.poll(() => unscheduled.locator('tbody tr').count()).toBe(250);
  });

  it('exports as HTML a plan whose names look like what the self-contained check refuses, and the page opened in Chromium fetches and runs nothing', async () => {
    // Red-team pass (3 Dec 2026): the stricter check must not refuse the app's own page because of what a link is called.
    const hostile = ['url(https://evil.example/x) @import "https://evil.example/y"', 'R&D &colon; &#40; \\75rl( image-set("x")', '<img src=https://evil.example/i onerror=alert(1)>', '" onload="alert(1)'];
    app = await suite.start({ seed: () => hostile.map((name, i) => makeLink({ id: `h${i}`, name, config: mirrored(TA), plan: { window: '2027-01-15', owner: 'javascript:alert(1)', ticket: '<meta http-equiv=refresh content=0;url=https://evil.example/>' } })) });
    const { page } = app;
    await app.open('/index.html#/plan');
    await page.locator('.gantt-svg[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Export HTML' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'migration-plan.html' }).count()).toBe(1);
    const file = path.join(app.exportDir, 'migration-plan.html');
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/<figure class="gantt"><svg /);
    // A context of its own, outside the harness's routing: every request the saved page makes is seen.
    const viewer = await app.context.browser()!.newContext();
    const requests: string[] = [];
    viewer.on('request', (request) => requests.push(request.url()));
    const opened = await viewer.newPage();
    let dialogs = 0;
    opened.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await opened.goto(`file://${file}`);
    expect(await opened.locator('td').filter({ hasText: hostile[0]! }).count()).toBe(1);
    expect(await opened.locator('img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(requests).toEqual([`file://${file}`]);
    await viewer.close();
  });
});
