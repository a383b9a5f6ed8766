import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, startApp } from '../harness/appHarness.ts';
import { fleetEstate } from '../fixtures/fleetEstate.ts';
import { median, round, type Figure } from './figures.ts';
import { INTERACTIVE_PROBE, interactiveAt, reloadTimes } from './loadProbe.ts';

type Action = 'search' | 'filter' | 'sort';

/**
 * Time from a user's input to the grid showing its answer and the next frame: typing into the search box,
 * choosing a filter, or clicking a column header. `value` is what to type or choose.
 */
function timeResponse(page: Page, action: Action, value: string): Promise<number> {
  return page.evaluate(async ({ action, value }) => {
    // The grid's row count (a search or filter) or its first row (a sort): what the user waits to see change.
    const shownRows = () => document.querySelector('table.grid')?.getAttribute('aria-rowcount') ?? '';
    const firstId = () => document.querySelector('table.grid tbody tr[data-link-id]')?.getAttribute('data-link-id') ?? '';
    const before = action === 'sort' ? firstId() : shownRows();
    const changed = () => (action === 'sort' ? firstId() : shownRows()) !== before;
    const start = performance.now();
    if (action === 'search') {
      const input = document.querySelector<HTMLInputElement>('#inventory-search')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (action === 'filter') {
      const select = document.querySelector<HTMLSelectElement>('#filter-auth')!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      Array.from(document.querySelectorAll<HTMLButtonElement>('table.grid thead .sort-button')).find((b) => b.textContent?.startsWith(value))!.click();
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the inventory did not answer the ${action} within 10 s`)), 10_000);
      const check = () => {
        if (!changed()) return false;
        clearTimeout(timer);
        observer.disconnect();
        requestAnimationFrame(() => resolve());
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-rowcount', 'data-link-id'] });
      check();
    });
    return performance.now() - start;
  }, { action, value });
}

/** #17's fleet budgets, measured in headless Chromium over the real handlers and a real workspace on disk. */
export async function fleetBench(): Promise<Figure[]> {
  const browser = await launchChromium();
  try {
    // 10,000 links: reload to interactive (the workspace is already on disk and seeded).
    const big = await startApp(browser, { seed: () => fleetEstate(10_000), viewport: { width: 1440, height: 900 } });
    await big.context.addInitScript(INTERACTIVE_PROBE);
    await big.open();
    // The first open writes the 10,000 links to disk (minutes here, with an fsync per file): not timed.
    await interactiveAt(big.page, 600_000);
    const { loads, completes } = await reloadTimes(big.page, 5);
    const responses: Record<Action, number[]> = { search: [], filter: [], sort: [] };
    for (let i = 0; i < 6; i++) {
      responses.search.push(await timeResponse(big.page, 'search', i % 2 === 0 ? 'wiki' : ''));
      responses.filter.push(await timeResponse(big.page, 'filter', i % 2 === 0 ? 'trustedApps' : ''));
      // Name: ascending, descending, unsorted, ascending…
      responses.sort.push(await timeResponse(big.page, 'sort', 'Name'));
    }
    await big.close();

    // First launch of a 1,000-link workspace: a new browser context (nothing cached) and no open cache.
    const workspaceDir = await mkdtemp(path.join(tmpdir(), 'applink-fleet-bench-'));
    const firstLaunches: number[] = [];
    try {
      const seeding = await startApp(browser, { workspaceDir, seed: () => fleetEstate(1000) });
      await seeding.context.addInitScript(INTERACTIVE_PROBE);
      await seeding.open();
      await interactiveAt(seeding.page, 600_000);
      await seeding.close();
      for (let i = 0; i < 5; i++) {
        const app = await startApp(browser, { workspaceDir, viewport: { width: 1440, height: 900 } });
        await app.context.addInitScript(INTERACTIVE_PROBE);
        await app.open();
        firstLaunches.push((await interactiveAt(app.page)).complete);
        await app.close();
      }
    } finally {
      await rm(workspaceDir, { recursive: true, force: true });
    }
    return [
      { name: 'fleet: load to interactive inventory (first page of links on screen), 10,000 links (median of 5)', value: round(median(loads), 0), unit: 'ms', budget: 1000 },
      { name: 'fleet: load until every link has arrived, 10,000 links (median of 5)', value: round(median(completes), 0), unit: 'ms', budget: null },
      { name: 'fleet: search response, 10,000 links (median of 6)', value: round(median(responses.search), 0), unit: 'ms', budget: 100 },
      { name: 'fleet: filter response, 10,000 links (median of 6)', value: round(median(responses.filter), 0), unit: 'ms', budget: 100 },
      { name: 'fleet: sort response, 10,000 links (median of 6)', value: round(median(responses.sort), 0), unit: 'ms', budget: 100 },
      { name: 'fleet: first launch until every link has arrived, 1,000 links (median of 5)', value: round(median(firstLaunches), 0), unit: 'ms', budget: 2000 },
    ];
  } finally {
    await browser.close();
  }
}
