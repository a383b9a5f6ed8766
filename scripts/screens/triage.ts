import path from 'node:path';
import type { Browser } from 'playwright-core';
import { localDay } from '../../shared/engine/triage.ts';
import { startApp } from '../../test/harness/appHarness.ts';

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }] as const;

/**
 * A triaged finding in the verdict (issue 17): R06 of jira-wiki accepted as a risk through the form, and the
 * form of the next finding open, in light and dark at 1280×720 and 1920×1080 → docs/screenshots/triage-*.png.
 */
export async function triageScreens(browser: Browser, out: string): Promise<void> {
  const due = localDay(new Date(Date.now() + 120 * 86_400_000));
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of SIZES) {
      const app = await startApp(browser, { colorScheme: scheme, viewport });
      const { page } = app;
      await app.open();
      await page.getByRole('button', { name: 'Operator: not set' }).click();
      await page.getByLabel('Operator name').fill('A. Admin');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('button', { name: 'Operator: A. Admin' }).waitFor();
      await app.open('/index.html#/link/jira-wiki');
      const r06 = page.locator('.verdict li.finding[data-rule="R06"]');
      await r06.getByText('Triage R06', { exact: true }).click();
      await r06.getByLabel('Status').selectOption('accepted-risk');
      await r06.getByLabel('Reason (required)').fill('Jira 8 server is retired at the end of the quarter; the link goes with it.');
      await r06.getByLabel('Owner (optional)').fill('Ann Admin (platform team)');
      await r06.getByLabel('Review or expiry date (optional)').fill(due);
      await r06.getByRole('button', { name: 'Save decision' }).click();
      await r06.locator('.triage-decision').waitFor();
      await page.locator('[data-save-state="saved"]').waitFor();
      const r21 = page.locator('.verdict li.finding[data-rule="R21"]');
      await r21.getByText('Triage R21', { exact: true }).click();
      await r21.getByLabel('Status').selectOption('false-positive');
      await r21.getByRole('button', { name: 'Save decision' }).click();
      await r21.getByRole('alert').waitFor();
      // Only the verdict panel scrolls (it is sticky): the findings at its top, the top bar still in view.
      await page.locator('.verdict').evaluate((verdict) => {
        const heading = Array.from(verdict.querySelectorAll('h3')).find((h) => h.textContent?.startsWith('Findings'));
        if (heading) verdict.scrollTop = heading.offsetTop - 8;
      });
      await page.screenshot({ path: path.join(out, `triage-${scheme}-${viewport.width}x${viewport.height}.png`) });
      await app.close();
    }
  }
}
