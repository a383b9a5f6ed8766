import { describe, expect, it } from 'vitest';
import { OPEN_FIRST_PAGE } from '../../shared/contract/api.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';
import { fleetEstate } from '../fixtures/fleetEstate.ts';

// #17: a large workspace arrives in pages (workspace.open, then workspace.openRest); its first screen does not wait for the rest.
const suite = e2eSuite();
const SIZE = 1000;

describe('a workspace larger than the first page', () => {
  it('shows its first links at once and says it is loading the rest; waits with what needs them all; then has every link', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const links = fleetEstate(SIZE);
    const app = await suite.start({ seed: () => links, beforeOperation: (operation) => (operation === 'workspace.openRest' ? held : Promise.resolve()) });
    await app.open();
    const { page } = app;
    const grid = page.getByRole('table', { name: 'Application links' });
    await grid.waitFor();
    const status = page.locator('.view-header [role=status]');
    expect(await status.textContent()).toBe(`Loading links… ${OPEN_FIRST_PAGE} of ${SIZE.toLocaleString('en-GB')}; the first ${OPEN_FIRST_PAGE} shown`);
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(OPEN_FIRST_PAGE + 1));
    // Reports, bundles and bulk changes of "the links shown" wait for the whole list.
    expect(await page.getByRole('button', { name: 'Report…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export bundle…' }).count()).toBe(0);
    // A search while loading searches what is here, and says so.
    await page.getByLabel('Search').fill('wiki');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^Loading links… ${OPEN_FIRST_PAGE} of 1,000; \\d+ of the first ${OPEN_FIRST_PAGE} shown$`));
    await page.getByLabel('Search').fill('');
    // A link already here opens; the views of the whole estate say they are waiting.
    const firstId = (await grid.locator('tbody tr[data-link-id]').first().getAttribute('data-link-id'))!;
    await page.goto(`${page.url().split('#')[0]}#/servers`);
    await expect.poll(() => page.locator('main > [role=status]').textContent()).toBe(`Loading links… ${OPEN_FIRST_PAGE} of ${SIZE.toLocaleString('en-GB')}`);
    expect(await page.getByRole('table', { name: 'Servers' }).count()).toBe(0);
    await page.evaluate((id) => (location.hash = `#/link/${encodeURIComponent(id)}`), firstId);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: links.find((l) => l.id === firstId)!.name.slice(0, 20) }).waitFor();

    release();
    await page.evaluate(() => (location.hash = '#/'));
    await expect.poll(() => status.textContent()).toBe(`${SIZE} links`);
    expect(await page.getByRole('button', { name: 'Report…' }).count()).toBe(1);
    // The link that sorts last came with the rest: search finds it.
    const { compare } = new Intl.Collator();
    const last = [...links].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id)).at(-1)!;
    await page.getByLabel('Search').fill(last.id);
    await expect.poll(() => grid.locator('tbody tr[data-link-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.linkId))).toContain(last.id);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    await page.getByRole('table', { name: 'Servers' }).waitFor();
  });
});
