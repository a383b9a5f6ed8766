import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startApp } from '../../test/harness/appHarness.ts';
import { fleetEstate } from '../../test/fixtures/fleetEstate.ts';

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }] as const;

/** #17's screens over a 10,000-link fleet: Servers, the estate map and the inventory, light and dark, 1280×720 and 1920×1080. */
export async function fleetScreens(browser: Browser, out: string): Promise<void> {
  const workspaceDir = await mkdtemp(path.join(tmpdir(), 'applink-fleet-screens-'));
  try {
    // Seeding writes 10,000 files once; every later start opens the same workspace.
    const seeding = await startApp(browser, { workspaceDir, seed: () => fleetEstate(10_000) });
    await seeding.open();
    await seeding.page.getByRole('table', { name: 'Application links' }).waitFor({ timeout: 600_000 });
    await seeding.close();
    for (const scheme of ['light', 'dark'] as const) {
      for (const viewport of SIZES) {
        const suffix = `${scheme}-${viewport.width}x${viewport.height}`;
        const app = await startApp(browser, { workspaceDir, colorScheme: scheme, viewport });
        const { page } = app;
        await app.open();
        await page.getByRole('table', { name: 'Application links' }).waitFor({ timeout: 60_000 });
        // The first 300 links show at once; the picture is of the whole inventory, once every link has arrived.
        await page.locator('.view-header [role=status]').filter({ hasText: /^10000 links$/ }).waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(out, `inventory-10000-${suffix}.png`) });
        await app.open('/index.html#/servers');
        await page.getByRole('table', { name: 'Servers' }).waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(out, `servers-${suffix}.png`) });
        await app.open('/index.html#/servers/map');
        await page.getByTestId('estate-map').locator('svg g.server').first().waitFor({ timeout: 60_000 });
        await page.screenshot({ path: path.join(out, `estate-map-${suffix}.png`) });
        await app.close();
      }
    }
  } finally {
    await rm(workspaceDir, { recursive: true, force: true });
  }
}
