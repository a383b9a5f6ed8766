import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, mergeBundle, openBundle, previewBundle } from '../../../electron/features/bundles.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { stableStringify } from '../../../shared/model/stableJson.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
let mine: WorkspaceStore;
let theirs: WorkspaceStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-bundle-'));
  mine = new WorkspaceStore(path.join(dir, 'mine'));
  theirs = new WorkspaceStore(path.join(dir, 'theirs'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const snapshot = async (store: WorkspaceStore) => {
  const files = (await readdir(store.linksDir)).sort();
  return Promise.all(files.map(async (f) => [f, await readFile(path.join(store.linksDir, f), 'utf8')]));
};

/** Both workspaces share x, y and z; then each side edits some of them. */
async function divergedPair() {
  await theirs.saveMany(['x', 'y', 'z'].map((id) => makeLink({ id, name: id.toUpperCase() })));
  const first = openBundle((await exportBundle(theirs, null, 'test')).text, 'first.bundle');
  await mergeBundle(mine, first, {});
  await theirs.save(makeLink({ id: 'x', name: 'X', notes: 'they fixed x' }));
  await theirs.save(makeLink({ id: 'y', name: 'Y', notes: 'they changed y' }));
  await mine.save(makeLink({ id: 'y', name: 'Y', notes: 'I changed y' }));
  await mine.save(makeLink({ id: 'z', name: 'Z', notes: 'I moved z on' }));
  await theirs.save(makeLink({ id: 'w', name: 'W' }));
  return openBundle((await exportBundle(theirs, null, 'test')).text, 'second.bundle');
}

describe('portable bundles', () => {
  it('carries links to an empty workspace and reads back identical', async () => {
    await theirs.saveMany([makeLink({ id: 'a', name: 'A' }), makeLink({ id: 'b', name: 'B' })]);
    const { text, count } = await exportBundle(theirs, null, 'Applink Advisor test');
    expect(count).toBe(2);
    expect(JSON.parse(text)).toMatchObject({ format: 'applink-advisor.bundle', bundleVersion: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const opened = openBundle(text, 'estate.bundle');
    expect((await previewBundle(mine, opened)).rows.map((r) => [r.id, r.status])).toEqual([['a', 'new'], ['b', 'new']]);
    expect(await mergeBundle(mine, opened, {})).toMatchObject({ added: 2, updated: 0, backupId: null });
    expect((await previewBundle(mine, opened)).rows.map((r) => r.status)).toEqual(['identical', 'identical']);
    expect((await mine.get('a'))!.link).toEqual((await theirs.get('a'))!.link);
  });

  it('tells a later version of mine (update) from mine being newer (older) and from a real conflict', async () => {
    const second = await divergedPair();
    const rows = Object.fromEntries((await previewBundle(mine, second)).rows.map((r) => [r.id, r]));
    expect(rows.x).toMatchObject({ status: 'update', defaultResolution: 'take-theirs', fieldsChanged: ['link.notes'] });
    expect(rows.y).toMatchObject({ status: 'conflict', defaultResolution: null });
    expect(rows.z).toMatchObject({ status: 'older', defaultResolution: 'keep-mine' });
    expect(rows.w).toMatchObject({ status: 'new', mineUpdatedAt: null });
  });

  it('will not merge until every conflict has a choice, and then applies the choices after a backup', async () => {
    const second = await divergedPair();
    const before = await snapshot(mine);
    await expect(mergeBundle(mine, second, {})).rejects.toThrow(/Choose keep mine, take theirs or keep both for each conflicting link: Y/);
    expect(await snapshot(mine)).toEqual(before);

    const result = await mergeBundle(mine, second, { y: 'keep-both' });
    expect(result).toMatchObject({ added: 1, updated: 1, keptBoth: 1, keptMine: 1, backupId: expect.any(String) });
    expect((await mine.get('x'))!.link.notes).toBe('they fixed x');
    expect((await mine.get('y'))!.link.notes).toBe('I changed y');
    expect((await mine.get('z'))!.link.notes).toBe('I moved z on');
    const { documents } = await mine.list();
    const copy = documents.find((d) => d.link.id.startsWith('y-copy-'));
    expect(copy!.link).toMatchObject({ name: 'Y (from second.bundle)', notes: 'they changed y' });
    expect((await mine.historyOf('x')).at(-1)).toMatchObject({ event: expect.stringMatching(/^taken from bundle second\.bundle/) });
    const backups = await mine.backups.list();
    expect(backups.find((b) => b.id === result.backupId)).toMatchObject({ reason: 'before merging second.bundle', linkCount: 3 });
  });

  it('refuses a bundle changed after it was made, and leaves the workspace alone', async () => {
    await theirs.save(makeLink({ id: 'a', name: 'A' }));
    const bundle = JSON.parse((await exportBundle(theirs, null, 'test')).text);
    bundle.content.links[0].document.link.name = 'A (edited by hand)';
    expect(() => openBundle(stableStringify(bundle), 'tampered.bundle')).toThrow(/tampered\.bundle has been changed since it was made: its content does not match its SHA-256 digest/);
  });

  it('names the file, the place and what was expected for a broken bundle', async () => {
    expect(() => openBundle('{"format": "applink-advisor.bundle",', 'cut.bundle')).toThrow(/cut\.bundle is not a usable bundle: line 1, column \d+: not valid JSON/);
    expect(() => openBundle('{"format": "something-else"}', 'other.bundle')).toThrow(/other\.bundle is not a usable bundle: format: expected one of applink-advisor\.bundle/);
    await theirs.save(makeLink({ id: 'a' }));
    const bundle = JSON.parse((await exportBundle(theirs, null, 'test')).text);
    bundle.content.links[0].document.link.local.product = 'sharepoint';
    const { createHash } = await import('node:crypto');
    bundle.sha256 = createHash('sha256').update(stableStringify(bundle.content)).digest('hex');
    expect(() => openBundle(stableStringify(bundle), 'bad.bundle')).toThrow(/bad\.bundle is not a usable bundle: content\.links\[0\]\.document\.link\.local\.product: expected one of jira/);
  });

  it('exports only the chosen links, and says which chosen ids do not exist', async () => {
    await theirs.saveMany([makeLink({ id: 'a' }), makeLink({ id: 'b' })]);
    const { text } = await exportBundle(theirs, ['b'], 'test');
    expect(openBundle(text, 'one.bundle').documents.map((d) => d.link.id)).toEqual(['b']);
    await expect(exportBundle(theirs, ['b', 'nope'], 'test')).rejects.toThrow(/Not in this workspace: nope/);
  });
});
