import type { Page } from 'playwright-core';

/**
 * Records when the first grid row exists (the first page of links is on screen and answers input), and
 * when every link has arrived (the inventory's status no longer says "Loading links…"), from the start of navigation.
 */
export const INTERACTIVE_PROBE = () => {
  const marks = window as unknown as { __interactiveAt?: number; __completeAt?: number };
  new MutationObserver((_, observer) => {
    if (marks.__interactiveAt === undefined && document.querySelector('table.grid tbody tr[data-link-id]')) marks.__interactiveAt = performance.now();
    const status = document.querySelector('.view-header [role=status]');
    if (marks.__interactiveAt !== undefined && status && !status.textContent?.startsWith('Loading')) {
      marks.__completeAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};
export const interactiveAt = async (page: Page, timeout = 60_000) => {
  await page.locator('table.grid tbody tr[data-link-id]').first().waitFor({ timeout });
  await page.waitForFunction(() => (window as unknown as { __completeAt?: number }).__completeAt !== undefined, undefined, { timeout });
  return page.evaluate(() => {
    const marks = window as unknown as { __interactiveAt: number; __completeAt: number };
    return { interactive: marks.__interactiveAt, complete: marks.__completeAt };
  });
};

/** Reloads `page` `times` times; when the first page of links was on screen, and when every link had arrived, each time. */
export async function reloadTimes(page: Page, times: number): Promise<{ loads: number[]; completes: number[] }> {
  const loads: number[] = [];
  const completes: number[] = [];
  for (let i = 0; i < times; i++) {
    await page.reload();
    const { interactive, complete } = await interactiveAt(page);
    loads.push(interactive);
    completes.push(complete);
  }
  return { loads, completes };
}
