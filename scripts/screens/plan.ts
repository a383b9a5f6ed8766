import path from 'node:path';
import type { Browser } from 'playwright-core';
import { demoEstateLinks } from '../../electron/app/demoEstate.ts';
import type { LinkPlan } from '../../shared/model/link.ts';
import { startApp } from '../../test/harness/appHarness.ts';

// A plan over the demo estate: two waves with owners and tickets, a wave that waits for an upgrade
// (PLAN01), Jira's wiki link planned before its Crowd link (PLAN04), and a window already past (PLAN05).
const PLANS: Record<string, LinkPlan> = {
  'jira-wiki': { owner: 'A. Admin', ticket: 'CHG-2231', window: '2027-01-14' },
  'jsm-wiki': { owner: 'S. Desk', ticket: 'CHG-2232', window: '2027-01-14' },
  'jira-crowd': { owner: 'I. Dentity', ticket: 'CHG-2240', window: '2027-02-11' },
  'jira-bitbucket': { ticket: 'CHG-2250', window: '2027-02-11' },
  'wiki-jira-dc': { owner: 'A. Admin', ticket: 'CHG-2199', window: '2026-11-20' },
};

/** The Plan view and the link view at its flowchart, light and dark, at 1280×720 and 1920×1080 (#17). */
export async function planScreens(browser: Browser, out: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
      const size = `${viewport.width}x${viewport.height}`;
      const app = await startApp(browser, { colorScheme: scheme, viewport, seed: () => demoEstateLinks().map((l) => (PLANS[l.id] ? { ...l, plan: PLANS[l.id] } : l)) });
      const { page } = app;
      await app.open('/index.html#/plan');
      await page.locator('.gantt-svg[data-state="ready"]').waitFor();
      await page.screenshot({ path: path.join(out, `plan-${scheme}-${size}.png`) });
      await page.locator('#plan-timeline-heading').evaluate((h) => h.scrollIntoView());
      await page.screenshot({ path: path.join(out, `plan-waves-${scheme}-${size}.png`) });
      await app.open('/index.html#/link/jira-wiki/flowchart');
      await page.locator('.flowchart-svg[data-state="ready"]').waitFor();
      await page.screenshot({ path: path.join(out, `link-flowchart-${scheme}-${size}.png`) });
      await app.close();
    }
  }
}
