import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppSession } from '../harness/appHarness.ts';
import { axeViolations } from '../harness/axe.ts';
import { e2eSuite } from '../harness/e2eSuite.ts';

const suite = e2eSuite();
let app: AppSession;
const ESTATE = path.resolve('test/fixtures/import/estate');

describe('import journey', () => {
  it('imports a two-server export: preview with secrets removed and warnings, bulk answer, one commit', async () => {
    app = await suite.start({ seed: () => [] });
    const { page } = app;
    await app.open();
    await page.getByText('No links yet.').waitFor();
    app.nextImportPaths = (await readdir(ESTATE)).map((n) => path.join(ESTATE, n));
    await page.getByRole('button', { name: 'Import exports…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import 9 files' });
    await dialog.waitFor();
    expect(await dialog.getByRole('status').first().textContent()).toContain('2 secrets removed from jira.authentication.3c4d5e6f-7a8b-3c9d-8e0f-1a2b3c4d5e6f.json (consumers[0].sharedSecret, configuredAuthProviders[2].config.password)');
    const pair = dialog.getByRole('row', { name: /Corporate Jira ↔ Corporate Wiki/ });
    expect(await pair.textContent()).toContain('(both ends)');
    expect(await dialog.getByRole('row', { name: /Corporate Jira ↔ Bitbucket/ }).textContent()).toContain('seen from one side only');
    expect(await axeViolations(page), 'import preview').toEqual([]);

    await dialog.getByLabel('Do the two applications fully trust each other?').selectOption('true');
    await dialog.getByLabel('Import Bamboo → Bitbucket, CI').uncheck();
    await dialog.getByRole('button', { name: /^Import 2 links/ }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 2 created, 0 updated, 0 unchanged, 1 left out.' }).waitFor();
    await page.getByRole('button', { name: 'Corporate Jira ↔ Corporate Wiki' }).click();
    await page.getByRole('heading', { level: 1, name: 'Corporate Jira ↔ Corporate Wiki' }).waitFor();
    expect((await app.store.get('corporate-jira-corporate-wiki'))!.link.answers.mutualTrust).toBe(true);
    const onDisk = (await Promise.all((await readdir(app.workspaceDir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => readFile(path.join(d.parentPath, d.name), 'utf8')))).join('\n');
    expect(onDisk).not.toContain('Hunter2-Basic-Jira-Pw!');
  });

  it('imports files dropped on the inventory, and shows the problems of a broken one without importing anything', async () => {
    app = await suite.start({ seed: () => [] });
    const { page } = app;
    await app.open();
    await page.getByText('No links yet.').waitFor();
    const files = [
      { name: 'bad.listApplicationlinks.json', text: '{"list": [{"application": {"id": 42}}]}' },
      { name: 'bad.manifest.json', text: await readFile(path.join(ESTATE, 'jira.manifest.json'), 'utf8') },
    ];
    await page.locator('section.inventory').evaluate((section, dropped) => {
      const transfer = new DataTransfer();
      for (const f of dropped) transfer.items.add(new File([f.text], f.name, { type: 'application/json' }));
      section.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      section.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    const dialog = page.getByRole('dialog', { name: 'Import 2 files' });
    await dialog.waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('bad.listApplicationlinks.json: list[0].application.id: expected the link id (text)');
    expect(await dialog.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Import cancelled; the workspace is unchanged.' }).waitFor();
    expect((await app.store.list()).documents).toEqual([]);
  });
});

describe('a folder saved by hand', () => {
  it('imports a folder, asks which link an answer it cannot place is about, and imports once it is placed', async () => {
    const { mkdir, mkdtemp, rm: remove, writeFile: write } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { API, jiraEstate, LINKS } = await import('../fixtures/import/handSaved.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-folder-'));
    try {
      const extra = [
        { name: 'exports/jira/authentication-radiator.json', json: { consumers: [], configuredAuthProviders: [{ provider: `${API}BasicAuthenticationProvider` }] } },
        { name: 'exports/jira/authentication-build.json', json: { consumers: [], configuredAuthProviders: [{ provider: `${API}OAuthAuthenticationProvider` }] } },
      ];
      for (const { name, json } of [...jiraEstate(), ...extra]) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
        await write(path.join(dir, name), JSON.stringify(json));
      }
      app = await suite.start({ seed: () => [] });
      const { page } = app;
      await app.open();
      await page.getByText('No links yet.').waitFor();
      app.nextImportPaths = [path.join(dir, 'exports')];
      await page.getByRole('button', { name: 'Import a folder…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import 4 files' });
      await dialog.waitFor();
      expect(await dialog.getByText('exports/jira/authentication-radiator.json').locator('..').textContent()).toContain('about Build radiator (by file name)');
      await dialog.getByRole('heading', { name: '1 file to place before importing' }).waitFor();
      expect(await dialog.getByRole('row', { name: /Corporate Jira ↔ Build radiator/ }).textContent()).toContain('Needs answers — needs: Do you have administrator access to the remote application?');
      const commit = dialog.getByRole('button', { name: 'Place or leave out 1 file first' });
      expect(await commit.isDisabled()).toBe(true);
      expect(await axeViolations(page), 'import preview with a file to place').toEqual([]);

      const choice = dialog.getByLabel('Link for exports/jira/authentication-build.json');
      expect(await choice.locator('option').allTextContents()).toEqual(['Choose…', 'Build agents — https://agents.ci.example', 'Build radiator — https://radiator.ci.example', 'Corporate Wiki — https://wiki.corp.example', 'Leave this file out']);
      // Keyboard only: focus the choice and step down to the first link.
      await choice.focus();
      await page.keyboard.press('ArrowDown');
      expect(await choice.inputValue()).toBe(LINKS.agents);
      await dialog.getByRole('button', { name: 'Use 1 choice' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Every file is placed.' }).waitFor();
      await dialog.getByRole('button', { name: /^Import 3 links/ }).click();
      await page.getByRole('status').filter({ hasText: 'Imported: 3 created, 0 updated, 0 unchanged.' }).waitFor();
      const stored = (await app.store.list()).documents.map((d) => [d.link.name, d.link.config.local.outgoing]);
      expect(stored).toContainEqual(['Corporate Jira ↔ Build agents', ['oauth3lo']]);
      expect(stored).toContainEqual(['Corporate Jira ↔ Build radiator', ['basic']]);
    } finally {
      await remove(dir, { recursive: true, force: true });
    }
  });
});

describe('a dropped folder', () => {
  it('is read through its entries (no path leaves the page), grouped by the folder holding the manifest, and previewed', async () => {
    const { API, jiraEstate } = await import('../fixtures/import/handSaved.ts');
    const files = [...jiraEstate(), { name: 'exports/jira/links/authentication-radiator.json', json: { consumers: [], configuredAuthProviders: [{ provider: `${API}BasicAuthenticationProvider` }] } }]
      .map(({ name, json }) => ({ name, text: JSON.stringify(json) }));
    app = await suite.start({ seed: () => [] });
    const { page } = app;
    await app.open();
    await page.getByText('No links yet.').waitFor();
    await page.locator('section.inventory').evaluate((section, dropped) => {
      // Chromium lets no script build a real directory entry, so the drop carries stand-ins with the same interface.
      type Node = { name: string; isFile: boolean; isDirectory: boolean; file?: (ok: (f: File) => void) => void; createReader?: () => { readEntries: (ok: (e: Node[]) => void) => void } };
      const folder = (name: string): Node & { children: Node[] } => {
        const children: Node[] = [];
        return { name, isFile: false, isDirectory: true, children, createReader: () => {
          let given = false;
          return { readEntries: (ok) => { ok(given ? [] : children); given = true; } };
        } };
      };
      const root = folder('exports');
      const at = (parts: string[]) => parts.reduce((dir, part) => {
        let next = dir.children.find((c) => c.name === part) as (Node & { children: Node[] }) | undefined;
        if (!next) dir.children.push((next = folder(part)));
        return next;
      }, root);
      for (const f of [...dropped, { name: 'exports/notes.txt', text: 'not an export' }, { name: 'exports/jira/.hidden.json', text: '{' }]) {
        const parts = f.name.split('/').slice(1);
        const name = parts.pop()!;
        at(parts).children.push({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File([f.text], name, { type: 'application/json' })) });
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([''], 'exports'));
      Object.defineProperty(transfer, 'items', { value: [{ webkitGetAsEntry: () => root }] });
      section.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      section.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
    const dialog = page.getByRole('dialog', { name: 'Import 3 files' });
    await dialog.waitFor();
    const listed = await dialog.locator('.import-files li').allTextContents();
    expect(listed).toEqual([
      'exports/jira/manifest.json — /rest/applinks/1.0/manifest (server: jira)',
      'exports/jira/listApplicationlinks.json — /rest/applinks/1.0/listApplicationlinks, 3 links (server: jira)',
      'exports/jira/links/authentication-radiator.json — /rest/applinks/latest/applicationlink/{id}/authentication, about Build radiator (by file name) (server: jira)',
    ]);
    await dialog.getByRole('button', { name: /^Import 3 links/ }).click();
    await page.getByRole('status').filter({ hasText: 'Imported: 3 created, 0 updated, 0 unchanged.' }).waitFor();
  });
});

describe('files opened from the system (file associations)', () => {
  it('opens a double-clicked bundle in the merge preview, and an inventory file in the import preview', async () => {
    const { mkdtemp, rm: remove, writeFile: write } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { WorkspaceStore } = await import('../../electron/workspace/store.ts');
    const { exportBundle } = await import('../../electron/features/bundles.ts');
    const { makeLink } = await import('../fixtures/links.ts');
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-launch-'));
    try {
      const other = new WorkspaceStore(path.join(dir, 'other'));
      await other.save(makeLink({ id: 'lab-link', name: 'Lab link' }));
      const bundle = path.join(dir, 'lab.bundle');
      await write(bundle, (await exportBundle(other, null, 'lab')).text);
      const inventory = path.join(dir, 'estate.applinks');
      await write(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'inv-link', name: 'From the inventory file' })] }));

      app = await suite.start({ seed: () => [] });
      app.launchFiles.offer([bundle, inventory, path.join(dir, 'notes.txt')]);
      await app.open();
      const merge = app.page.getByRole('dialog', { name: 'Import lab.bundle' });
      await merge.waitFor();
      await merge.getByRole('button', { name: /^Merge/ }).click();
      await app.page.getByRole('button', { name: 'Lab link' }).waitFor();
      // The next file is taken when the window comes back to the front.
      await app.page.evaluate(() => window.dispatchEvent(new Event('focus')));
      const preview = app.page.getByRole('dialog', { name: 'Import 1 file' });
      await preview.waitFor();
      await preview.getByRole('button', { name: /^Import 1 link/ }).click();
      await app.page.getByRole('button', { name: 'From the inventory file' }).waitFor();
    } finally {
      await remove(dir, { recursive: true, force: true });
    }
  });
});
