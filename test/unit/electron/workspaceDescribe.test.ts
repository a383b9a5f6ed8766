import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, LOCK_FILE } from '../../../electron/workspace/lock.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { makeLink } from '../../fixtures/links.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'applink-describe-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('store.describe(): what workspace info shows, without reaching into the store', () => {
  it('a folder the app never opened: no links, no creation time, free lock', async () => {
    expect(await new WorkspaceStore(root).describe()).toEqual({ root, links: 0, unreadable: 0, quarantined: 0, demo: false, createdAt: null, lock: { state: 'free' } });
  });

  it('counts readable and unreadable links, quarantined files and the demo mark, and names who holds the lock', async () => {
    const store = new WorkspaceStore(root);
    await store.open([makeLink({ id: 'a', name: 'A' }), makeLink({ id: 'b', name: 'B' })]);
    await writeFile(path.join(root, 'links', 'broken.json'), '{');
    await store.open([]);
    await writeFile(path.join(root, 'links', 'newer.json'), JSON.stringify({ schemaVersion: 99 }));
    const lock = await acquireWorkspaceLock(root, 'Applink Advisor 9.9.9');
    expect(lock.held).toBe(true);
    const info = await store.describe();
    expect(info).toMatchObject({ links: 2, unreadable: 1, quarantined: 1, demo: true, createdAt: expect.stringMatching(/^\d{4}-/) });
    expect(info.lock).toMatchObject({ state: 'held', app: 'Applink Advisor 9.9.9', pid: process.pid });
    if (lock.held) await lock.release();
  });

  it('a lock file the app did not write is described as foreign, its content not repeated', async () => {
    await writeFile(path.join(root, LOCK_FILE), 'rm -rf / # not a lock');
    const info = await new WorkspaceStore(root).describe();
    expect(info.lock).toMatchObject({ state: 'foreign', file: LOCK_FILE });
    expect(JSON.stringify(info)).not.toContain('rm -rf');
    expect(await readFile(path.join(root, LOCK_FILE), 'utf8')).toBe('rm -rf / # not a lock');
  });
});
