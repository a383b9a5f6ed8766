import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTOMATIC_BACKUPS_KEPT } from '../../../electron/workspace/backups.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { makeLink } from '../../fixtures/links.ts';

let dir: string;
let tick = 0;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-backups-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));
const clock = () => new Date(Date.UTC(2026, 10, 30, 10, 0, tick++));

describe('backups', () => {
  it('takes a snapshot before deleting several links, and a restore brings them back exactly', async () => {
    const store = new WorkspaceStore(dir, clock);
    await store.saveMany([makeLink({ id: 'a' }), makeLink({ id: 'b' }), makeLink({ id: 'c' })]);
    await store.delete(['a', 'b']);
    const [snapshot] = await store.backups.list();
    expect(snapshot).toMatchObject({ reason: 'before deleting 2 links', automatic: true, linkCount: 3 });
    await store.save(makeLink({ id: 'd' }));
    const { restored, safety } = await store.restoreBackup(snapshot!.id);
    expect(restored.id).toBe(snapshot!.id);
    expect(safety).toMatchObject({ reason: `before restoring ${snapshot!.id}`, linkCount: 2 });
    expect((await store.list()).documents.map((d) => d.link.id)).toEqual(['a', 'b', 'c']);
  });

  it(`keeps the newest ${AUTOMATIC_BACKUPS_KEPT} automatic snapshots and every on-demand one`, async () => {
    const store = new WorkspaceStore(dir, clock);
    await store.save(makeLink({ id: 'a' }));
    const manual = await store.backups.create('before the audit', false);
    for (let i = 0; i < AUTOMATIC_BACKUPS_KEPT + 5; i++) await store.backups.create(`automatic ${i}`, true);
    const backups = await store.backups.list();
    expect(backups.filter((b) => b.automatic)).toHaveLength(AUTOMATIC_BACKUPS_KEPT);
    expect(backups.filter((b) => b.automatic).at(-1)?.reason).toBe('automatic 5');
    expect(backups.some((b) => b.id === manual.id)).toBe(true);
    expect((await readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses an unknown backup and changes nothing', async () => {
    const store = new WorkspaceStore(dir, clock);
    await store.save(makeLink({ id: 'a' }));
    await expect(store.restoreBackup('2026-01-01T00-00-00-000Z-abcdef')).rejects.toThrow(/no backup/);
    expect((await store.list()).documents.map((d) => d.link.id)).toEqual(['a']);
  });
});
