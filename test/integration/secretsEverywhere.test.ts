import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, mergeBundle, openBundle } from '../../electron/features/bundles.ts';
import { saveChecklistState } from '../../electron/features/checklistService.ts';
import { commitImport, previewImport } from '../../electron/features/import/importService.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { makeLink } from '../fixtures/links.ts';
import { cli } from '../fixtures/cli.ts';

// #13 item 6, the entry points beyond the importer: inventory files read by assess/checklist/report,
// bundles from someone else, evidence pasted into a checklist, and the names of imported files.
const TOKEN = 'ATATT3xFfGF0EverywhereToken0123456789abcdefXYZ';
const PASSWORD = 'EverywherePw-771';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function everyFileUnder(root: string): Promise<string> {
  const texts: string[] = [];
  for (const name of await readdir(root, { recursive: true })) {
    const text = await readFile(path.join(root, name), 'utf8').catch(() => '');
    texts.push(name, text);
  }
  return texts.join('\n');
}

const hostileLink = () => makeLink({
  id: 'hostile', name: `Jira ${TOKEN}`, notes: `password=${PASSWORD} and more`,
  local: { baseUrl: `https://admin:${PASSWORD}@jira.example.com` },
});

describe('inventory files read by assess, checklist and report', () => {
  it('never print or write a secret from the inventory, and say that secrets were removed', async () => {
    const inventory = path.join(dir, 'inv.json');
    await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [hostileLink()] }));
    const assess = await cli('assess', inventory, '--format', 'json');
    expect(assess.code).toBe(0);
    const checklist = await cli('checklist', inventory, '--link', 'hostile');
    const report = path.join(dir, 'report.md');
    expect((await cli('report', inventory, '--format', 'md', '--out', report)).code).toBe(0);
    const everything = [assess.out, assess.err, checklist.out, checklist.err, await readFile(report, 'utf8')].join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(PASSWORD);
    expect(assess.err).toMatch(/inv\.json: 3 secrets removed/);
  });
});

describe('bundles from someone else', () => {
  it('a bundle whose links carry secrets is merged without them', async () => {
    const source = new WorkspaceStore(path.join(dir, 'theirs'));
    await source.save(hostileLink());
    const { text } = await exportBundle(source, null, 'a colleague');
    const mine = new WorkspaceStore(path.join(dir, 'mine'));
    const opened = openBundle(text, 'theirs.bundle');
    await mergeBundle(mine, opened, {});
    const stored = await everyFileUnder(path.join(dir, 'mine'));
    expect(stored).toContain('hostile');
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(PASSWORD);
  });

  it('the seal is still checked on the bundle as written, before anything is removed', async () => {
    const source = new WorkspaceStore(path.join(dir, 'theirs2'));
    await source.save(hostileLink());
    const bundle = JSON.parse((await exportBundle(source, null, 'a colleague')).text);
    bundle.content.links[0].document.link.name = 'changed';
    expect(() => openBundle(JSON.stringify(bundle), 'x.bundle')).toThrow(/changed since it was made/);
    bundle.sha256 = createHash('sha256').update(stableStringify(bundle.content), 'utf8').digest('hex');
    expect(() => openBundle(JSON.stringify(bundle), 'x.bundle')).not.toThrow();
  });
});

describe('evidence pasted into a checklist', () => {
  it('is stored without the tokens a status answer or a copied header can carry', async () => {
    const store = new WorkspaceStore(path.join(dir, 'ws'));
    await store.save(makeLink({ id: 'l' }));
    const evidence = `curl -H "Authorization: Bearer ${TOKEN}" https://jira.example.com/rest/applinks/3.0/status/1\n{"working": true}`;
    await saveChecklistState(store, 'l', 'ta-to-oauth', { items: { 'verify-status': { status: 'done', evidence, note: `admin password: ${PASSWORD}` } } });
    const stored = await everyFileUnder(path.join(dir, 'ws'));
    expect(stored).toContain('working');
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain(PASSWORD);
  });
});

describe('names of imported files', () => {
  it('a token in a file name reaches neither the workspace history nor the preview', async () => {
    const store = new WorkspaceStore(path.join(dir, 'ws-names'));
    const inventory = JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'n', name: 'N' })] });
    const preview = await previewImport(store, [{ name: `inv-${TOKEN}.json`, group: `inv-${TOKEN}`, text: inventory }]);
    expect(JSON.stringify(preview)).not.toContain(TOKEN);
    await commitImport(store, preview, {}, []);
    expect(await everyFileUnder(path.join(dir, 'ws-names'))).not.toContain(TOKEN);
  });
});
