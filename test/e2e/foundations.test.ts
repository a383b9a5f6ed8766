import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/app/rendererFiles.ts';
import { APP_ORIGIN, type AppSession } from '../harness/appHarness.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

const suite = e2eSuite();
let app: AppSession;

describe('foundations journey', () => {
  it('adds a link, keeps it across a reload and a restart, and stores it as JSON on disk', async () => {
    app = await suite.start({ seed: () => [] });
    await app.open();
    const { page } = app;
    await expect.poll(() => page.getByText('No links yet').isVisible()).toBe(true);

    await page.getByLabel('New link name').fill('Jira ↔ Wiki');
    await page.getByRole('button', { name: 'Add link' }).click();
    // A new link opens in the editor; back to the inventory to see it listed.
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Jira ↔ Wiki' }).count()).toBe(1);
    await page.getByRole('button', { name: '← Inventory' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Jira ↔ Wiki', exact: true }).count()).toBe(1);

    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: 'Jira ↔ Wiki', exact: true }).count()).toBe(1);

    // A restart: a new page over the same workspace folder.
    const workspaceDir = app.workspaceDir;
    await app.page.close();
    app.page = await app.context.newPage();
    await app.open();
    await expect.poll(() => app.page.getByRole('cell', { name: 'Jira ↔ Wiki', exact: true }).count()).toBe(1);

    await expect.poll(() => app.page.locator('[data-save-state="saved"]').count()).toBe(1);
    const files = await readdir(path.join(workspaceDir, 'links'));
    expect(files).toHaveLength(1);
    const stored = JSON.parse(await readFile(path.join(workspaceDir, 'links', files[0]!), 'utf8'));
    expect(stored).toMatchObject({ schemaVersion: 3, link: { name: 'Jira ↔ Wiki', local: { product: 'jira' } } });
    expect(files[0]).toBe(`${stored.link.id}.json`);
  });

  it('serves the renderer with the strict CSP header and no Node globals', async () => {
    app = await suite.start();
    const response = await app.page.goto(`${APP_ORIGIN}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const globals = await app.page.evaluate(() => ({ require: typeof (window as unknown as { require?: unknown }).require, process: typeof (window as unknown as { process?: unknown }).process }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined' });
  });

  it('rejects malformed api calls from the page with a validation error and writes nothing', async () => {
    app = await suite.start({ seed: () => [] });
    await app.open();
    await app.page.getByText('No links yet').waitFor();
    const envelope = await app.page.evaluate(() =>
      (window as unknown as { applinkAdvisor: Record<string, (a: unknown) => Promise<unknown>> }).applinkAdvisor['links.create']!({ name: 42 }));
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-argument', problems: [{ path: 'name' }] } });
    expect((await app.store.list()).documents).toEqual([]);
  });
});
