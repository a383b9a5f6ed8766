import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveRendererFile } from '../../../electron/app/rendererFiles.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('WorkspaceStore', () => {
  it('saves, lists and deletes link assessments as one JSON file each', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(makeLink({ id: 'b', name: 'Beta' }));
    await store.save(makeLink({ id: 'a', name: 'Alpha' }));
    expect((await store.list()).documents.map((d) => d.link.name)).toEqual(['Alpha', 'Beta']);
    expect((await readdir(path.join(dir, 'links'))).sort()).toEqual(['a.json', 'b.json']);
    expect(await store.delete(['a'])).toBe(1);
    expect(await store.delete(['a'])).toBe(0);
    expect((await store.list()).documents.map((d) => d.link.id)).toEqual(['b']);
  });

  it('re-saving an unchanged link produces a byte-identical file', async () => {
    let clock = 0;
    const store = new WorkspaceStore(dir, () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)));
    await store.save(makeLink({ id: 'x' }));
    const first = await readFile(path.join(dir, 'links', 'x.json'), 'utf8');
    await store.save(makeLink({ id: 'x' }));
    expect(await readFile(path.join(dir, 'links', 'x.json'), 'utf8')).toBe(first);
    await store.save(makeLink({ id: 'x', name: 'Renamed' }));
    const changed = JSON.parse(await readFile(path.join(dir, 'links', 'x.json'), 'utf8'));
    expect(changed.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(changed.updatedAt).not.toBe(changed.createdAt);
  });

  it('leaves no temp files behind and reports unreadable files without deleting them', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(makeLink({ id: 'good' }));
    await writeFile(path.join(dir, 'links', 'broken.json'), '{"schemaVersion": 1, "link": ');
    const { documents, unreadable } = await store.list();
    expect(documents.map((d) => d.link.id)).toEqual(['good']);
    expect(unreadable).toEqual([{ file: path.join(dir, 'links', 'broken.json'), kind: 'invalid', reason: expect.stringMatching(/not valid JSON/) }]);
    expect((await readdir(path.join(dir, 'links'))).sort()).toEqual(['broken.json', 'good.json']);
  });

  it('refuses ids that could escape the workspace folder', async () => {
    const store = new WorkspaceStore(dir);
    await expect(store.delete(['../outside'])).rejects.toThrow(/not a valid link id/);
  });
});

describe('serveRendererFile', () => {
  it('serves files with the CSP header and refuses paths outside the renderer folder', async () => {
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const ok = await serveRendererFile(dir, '/');
    expect(ok.status).toBe(200);
    expect(ok.headers['Content-Security-Policy']).toMatch(/script-src 'self'/);
    expect((await serveRendererFile(dir, '/../../etc/passwd')).status).not.toBe(200);
    expect((await serveRendererFile(dir, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(403);
    expect((await serveRendererFile(dir, '/missing.js')).status).toBe(404);
  });
});
