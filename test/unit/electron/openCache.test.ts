import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { stableStringify } from '../../../shared/model/stableJson.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
let root: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-cache-'));
  root = path.join(dir, 'workspace');
  cacheDir = path.join(dir, 'user-data', 'open-cache');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const names = async (store: WorkspaceStore) => {
  const { documents } = await store.list();
  await store.settle();
  return documents.map((d) => `${d.link.id}:${d.link.name}`);
};

describe('the open cache', () => {
  it('serves unchanged files from the cache and re-reads every file that changed, appeared or went away', async () => {
    const store = new WorkspaceStore(root, undefined, cacheDir);
    await store.saveMany([makeLink({ id: 'a', name: 'A' }), makeLink({ id: 'b', name: 'B' }), makeLink({ id: 'c', name: 'C' })]);
    expect(await names(store)).toEqual(['a:A', 'b:B', 'c:C']);
    const [cacheFile] = (await import('node:fs')).readdirSync(cacheDir);
    const cache = JSON.parse(await readFile(path.join(cacheDir, cacheFile!), 'utf8'));
    expect(Object.keys(cache.entries).sort()).toEqual(['a.json', 'b.json', 'c.json']);

    // Proof the cache is what answers: an entry edited in the cache (file untouched) is what opens.
    cache.entries['a.json'][1].link.name = 'A from the cache';
    await writeFile(path.join(cacheDir, cacheFile!), JSON.stringify(cache));
    expect(await names(store)).toEqual(['a:A from the cache', 'b:B', 'c:C']);

    await store.save(makeLink({ id: 'b', name: 'B edited' }));
    await rm(path.join(root, 'links', 'c.json'));
    await store.save(makeLink({ id: 'd', name: 'D' }));
    expect(await names(store)).toEqual(['a:A from the cache', 'b:B edited', 'd:D']);
  });

  it('never serves a file broken after it was cached: it is reported (and quarantined on open)', async () => {
    const store = new WorkspaceStore(root, undefined, cacheDir);
    await store.save(makeLink({ id: 'a', name: 'A' }));
    await names(store);
    await writeFile(path.join(root, 'links', 'a.json'), '{"schemaVersion": 2, "link"');
    const { documents, unreadable } = await store.list();
    expect(documents).toEqual([]);
    expect(unreadable).toEqual([expect.objectContaining({ reason: expect.stringMatching(/not valid JSON/) })]);
  });

  it('opens normally when the cache is garbage or missing', async () => {
    const store = new WorkspaceStore(root, undefined, cacheDir);
    await store.save(makeLink({ id: 'a', name: 'A' }));
    await names(store);
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(cacheDir)) await writeFile(path.join(cacheDir, f), 'not json');
    expect(await names(store)).toEqual(['a:A']);
    await rm(cacheDir, { recursive: true });
    expect(await names(store)).toEqual(['a:A']);
  });

  it('reports a file whose link id does not match its name instead of loading it under the wrong name', async () => {
    const store = new WorkspaceStore(root);
    const moved = await store.save(makeLink({ id: 'right', name: 'Right' }));
    await writeFile(path.join(root, 'links', 'wrong.json'), stableStringify(moved));
    const { documents, unreadable } = await store.list();
    expect(documents.map((d) => d.link.id)).toEqual(['right']);
    expect(unreadable).toEqual([expect.objectContaining({ kind: 'invalid', reason: 'holds link "right" but is named wrong.json; the file of a link is named after its id' })]);
  });
});
