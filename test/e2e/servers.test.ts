import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hostOf } from '../../shared/engine/servers.ts';
import { demoEstateLinks } from '../../electron/app/demoEstate.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { fleetEstate } from '../fixtures/fleetEstate.ts';

// #17: the estate by server, its map, and an inventory that scales.
const suite = e2eSuite();
const shownIds = (page: Page) => page.locator('table.grid tbody tr[data-link-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.linkId!));

/** Where the first body row sits against the sticky header, and how far the grid is scrolled. */
const firstRowPlacement = (page: Page) => page.getByTestId('inventory-scroll').evaluate((scroll) => {
  const head = scroll.querySelector('thead')!.getBoundingClientRect();
  const first = scroll.querySelector('tbody tr[data-link-id]')!;
  const row = first.getBoundingClientRect();
  return { scrollTop: scroll.scrollTop, index: (first as HTMLElement).dataset.index, gap: row.top - head.bottom, visible: row.bottom <= scroll.getBoundingClientRect().bottom };
});

describe('servers and the estate map (#17)', () => {
  it('opens Servers from the top bar, and choosing a server filters the inventory to its links behind a removable chip', async () => {
    const app = await suite.start();
    await app.open();
    const { page } = app;
    await page.getByRole('table', { name: 'Application links' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    const table = page.getByRole('table', { name: 'Servers' });
    await table.waitFor();
    expect(page.url()).toMatch(/#\/servers$/);
    // The busiest server first, with its headline at a glance.
    const links = demoEstateLinks();
    const jiraLinks = links.filter((l) => hostOf(l.local.baseUrl) === 'jira.corp.example' || hostOf(l.remote.baseUrl) === 'jira.corp.example');
    const firstRow = table.locator('tbody tr').first();
    expect(await firstRow.getAttribute('data-server')).toBe('jira.corp.example');
    expect(await firstRow.locator('.server-headline').textContent()).toMatch(new RegExp(`^Jira [\\d.]+: ${jiraLinks.length} links, \\d+ still on Trusted Apps`));
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard: the server's button is reachable and Enter chooses it.
    await table.getByRole('button', { name: /^jira\.corp\.example: show its/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Application links' }).waitFor();
    await expect.poll(async () => (await shownIds(page)).sort()).toEqual(jiraLinks.map((l) => l.id).sort());
    const chip = page.getByRole('group', { name: 'Active server filter' });
    expect(await chip.textContent()).toContain('jira.corp.example');
    expect(await page.getByRole('status').filter({ hasText: 'links shown' }).textContent()).toBe(`${jiraLinks.length} of ${links.length} links shown`);
    await chip.getByRole('button', { name: 'Remove the server filter jira.corp.example' }).click();
    await expect.poll(async () => (await shownIds(page)).length).toBe(links.length);
    expect(await chip.count()).toBe(0);
  });

  it('draws the map of the filtered links, and exports it as SVG and PNG', async () => {
    const app = await suite.start();
    await app.open('/index.html#/servers/map');
    const { page } = app;
    const map = page.getByTestId('estate-map');
    await map.locator('svg g.server').first().waitFor();
    const servers = new Set(demoEstateLinks().flatMap((l) => [hostOf(l.local.baseUrl), hostOf(l.remote.baseUrl)]));
    expect(await map.locator('svg g.server').count()).toBe(servers.size);
    expect(await map.locator('svg line[data-auth="trustedApps"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // The inventory's filters apply to the map too.
    await page.getByLabel('Authentication').selectOption('oauth2');
    const oauth2Links = demoEstateLinks().filter((l) => [l.config.local.outgoing, l.config.local.incoming, l.config.remote?.outgoing ?? [], l.config.remote?.incoming ?? []].some((d) => d.includes('oauth2')));
    const oauth2Servers = new Set(oauth2Links.flatMap((l) => [hostOf(l.local.baseUrl), hostOf(l.remote.baseUrl)]));
    await expect.poll(() => map.locator('svg g.server').count()).toBe(oauth2Servers.size);

    await page.getByRole('button', { name: 'Export SVG' }).click();
    await page.getByRole('status').filter({ hasText: 'estate-map.svg' }).waitFor();
    const svg = await readFile(path.join(app.exportDir, 'estate-map.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<g class="server"/g)).toHaveLength(oauth2Servers.size);
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByRole('status').filter({ hasText: 'estate-map.png' }).waitFor();
    const png = await readFile(path.join(app.exportDir, 'estate-map.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('is axe-clean in dark mode too, table and map', async () => {
    const app = await suite.start({ colorScheme: 'dark' });
    await app.open('/index.html#/servers');
    await app.page.getByRole('table', { name: 'Servers' }).waitFor();
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.getByRole('navigation', { name: 'Servers as' }).getByRole('button', { name: 'Map' }).click();
    await app.page.getByTestId('estate-map').locator('svg g.server').first().waitFor();
    expect(app.page.url()).toMatch(/#\/servers\/map$/);
    expect(await axeViolations(app.page)).toEqual([]);
  });

  it('beyond 50 servers draws the 50 with most links and says what it left out', async () => {
    const app = await suite.start({ seed: () => fleetEstate(600, 73) });
    await app.open('/index.html#/servers/map');
    const map = app.page.getByTestId('estate-map');
    await map.locator('svg g.server').first().waitFor();
    expect(await map.locator('svg g.server').count()).toBe(50);
    expect(await map.locator('svg text.omitted').textContent()).toMatch(/^Showing the 50 servers with most links; \d+ more not drawn/);
    // So many servers open at full size (readable labels), scrolled to the busiest; "Fit to window" then fits
    // the whole map in its frame, height too: nothing left to scroll.
    const fitBox = app.page.getByLabel('Fit to window');
    expect(await fitBox.isChecked()).toBe(false);
    expect(await map.evaluate((f) => f.scrollHeight > f.clientHeight && f.scrollTop > 0)).toBe(true);
    await fitBox.check();
    await expect.poll(() => map.evaluate((f) => f.scrollHeight <= f.clientHeight + 1)).toBe(true);
    expect(await map.evaluate((f) => f.querySelector('svg')!.getBoundingClientRect().height)).toBeGreaterThan(200);
  });
});

describe('the inventory at scale (#17)', () => {
  it('at 1280×720 reaches every column by keyboard, the name held in place, and shows a clipped name whole on focus', async () => {
    const app = await suite.start({ seed: () => fleetEstate(300), viewport: { width: 1280, height: 720 } });
    await app.open();
    const { page } = app;
    const grid = page.getByRole('table', { name: 'Application links' });
    await grid.waitFor();
    const headers = await grid.locator('thead th').allTextContents();
    for (const column of ['Name', 'Local server', 'Remote server', 'Remote auth (out / in)', 'Applinks status', 'Findings', 'Last changed']) expect(headers.join('|')).toContain(column);
    expect(await axeViolations(page)).toEqual([]);

    const scroll = page.getByTestId('inventory-scroll');
    const row = grid.locator('tbody tr[data-link-id]').first();
    await row.focus();
    const scrollBox = await scroll.evaluate((s) => s.getBoundingClientRect().toJSON() as DOMRect);
    const visible = (name: string) => grid.locator('thead th', { hasText: name }).evaluate((th, box) => {
      const r = th.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= box.right + 1;
    }, scrollBox);
    expect(await visible('Last changed')).toBe(false);
    for (let i = 0; i < 20 && !(await visible('Last changed')); i++) await page.keyboard.press('ArrowRight');
    expect(await visible('Last changed')).toBe(true);
    // The name column stays in view while the grid scrolls sideways.
    expect(await visible('Name')).toBe(true);
    // Column widths do not change while rows scroll past.
    const widths = () => grid.locator('thead th').evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)));
    const before = await widths();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-index'))).toBe('299');
    expect(await widths()).toEqual(before);

    // A long name is ellipsised, and whole while its row has keyboard focus.
    await page.getByLabel('Search').fill('procurement');
    await grid.locator('tbody tr[data-index="0"]').focus();
    const long = grid.locator('tbody tr[data-index="0"] td.col-name .clip');
    await expect.poll(() => long.getAttribute('data-clipped')).toBe('');
    const name = (await long.getAttribute('title'))!;
    expect(name).toContain('production integration for the finance and procurement teams');
    expect(await long.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(JSON.stringify(name));
    // Not while the row has no focus and no pointer.
    await page.getByLabel('Search').focus();
    expect(await long.evaluate((el) => getComputedStyle(el, '::after').content)).toBe('none');
  });

  it('filtering, searching and sorting scroll to the top, the first row right under the sticky header', async () => {
    const app = await suite.start({ seed: () => fleetEstate(1000) });
    await app.open();
    const { page } = app;
    const grid = page.getByRole('table', { name: 'Application links' });
    await grid.waitFor();
    const scroll = page.getByTestId('inventory-scroll');
    const scrollDown = async () => {
      await scroll.evaluate((s) => s.scrollTo({ top: 8000 }));
      await expect.poll(() => scroll.evaluate((s) => s.scrollTop)).toBeGreaterThan(1000);
    };
    const atTop = async () => {
      await expect.poll(() => firstRowPlacement(page)).toMatchObject({ scrollTop: 0, index: '0', visible: true });
      const { gap } = await firstRowPlacement(page);
      expect(Math.abs(gap)).toBeLessThanOrEqual(1);
    };
    await scrollDown();
    await page.getByLabel('Search').fill('wiki');
    await atTop();
    await scrollDown();
    await grid.getByRole('button', { name: 'Findings' }).click();
    await atTop();
    await scrollDown();
    await page.getByLabel('Triage').selectOption('accepted');
    await atTop();
    await expect.poll(async () => (await grid.locator('tbody tr[data-link-id] td.col-findings').allTextContents()).every((t) => /\d+ accepted/.test(t))).toBe(true);
    await page.getByLabel('Triage').selectOption('expired');
    await expect.poll(async () => (await grid.locator('tbody tr[data-link-id] td.col-findings').allTextContents()).every((t) => /expired/.test(t))).toBe(true);
  });
});
