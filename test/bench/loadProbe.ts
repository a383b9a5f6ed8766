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
