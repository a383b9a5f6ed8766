import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../../electron/ipc.ts';
import { createHandlers } from '../../../electron/operations/handlers.ts';
import { testDependencies } from '../../fixtures/handlerDependencies.ts';
import { WorkspaceSession } from '../../../electron/workspace/session.ts';
import { mountTmpfs } from '../../harness/tmpfs.ts';
import { makeLink } from '../../fixtures/links.ts';

// A real, tiny file system: filled up for "disk full", remounted read-only for "permission denied".
// Mounting needs root; where it is refused the suite is reported as skipped, with the reason.
const tmpfs = await mountTmpfs(512);
if ('unavailable' in tmpfs) console.warn(`\n⚠ SKIPPED: disk-full and read-only tests — ${tmpfs.unavailable}\n`);
const disk = 'unavailable' in tmpfs ? null : tmpfs;

describe.skipIf(!disk)('saving when the disk refuses (tmpfs)', () => {
  const root = disk ? path.join(disk.dir, 'workspace') : '';
  let session: WorkspaceSession;
  afterAll(async () => {
    disk?.remount('rw');
    await session?.close();
    await disk?.unmount();
  });

  const api = () => createHandlers(testDependencies(disk!.dir, session));
  const visibleFiles = async () => (await readdir(path.join(root, 'links'))).filter((f) => !f.startsWith('.')).sort();
  const leftovers = async () => [...(await readdir(root)), ...(await readdir(path.join(root, 'links')))].filter((f) => f.endsWith('.tmp') || f.startsWith('.txn-'));

  it('disk full: a clear error naming the file, the saved version intact, nothing half-written left behind', async () => {
    session = new WorkspaceSession(root, path.join(disk!.dir, 'recent.json'), 'test');
    await session.switchTo(root);
    const handlers = api();
    await dispatchOperation(handlers, 'workspace.open', {});
    const saved = await dispatchOperation(handlers, 'links.save', { link: makeLink({ id: 'kept', notes: 'the saved version' }) });
    expect(saved.ok).toBe(true);
    const before = await readFile(path.join(root, 'links', 'kept.json'), 'utf8');

    // Fill the disk with ballast until it is full.
    let n = 0;
    for (;;) {
      try {
        await writeFile(path.join(disk!.dir, `ballast-${n++}`), Buffer.alloc(32 * 1024));
      } catch {
        break;
      }
    }
    const failed = await dispatchOperation(handlers, 'links.save', { link: makeLink({ id: 'kept', notes: 'x'.repeat(20_000) }) });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^The disk is full \(.*kept\.json.*\): the change was not saved, and what was saved before is unchanged\. \[ENOSPC\]$/) } });
    expect(await readFile(path.join(root, 'links', 'kept.json'), 'utf8')).toBe(before);

    const bulk = await dispatchOperation(handlers, 'links.saveMany', { links: Array.from({ length: 20 }, (_, i) => makeLink({ id: `bulk-${i}`, notes: 'y'.repeat(5000) })) });
    expect(bulk).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The disk is full/) } });
    expect(await visibleFiles()).toEqual(['kept.json']);
    expect(await leftovers()).toEqual([]);
    const reopened = await dispatchOperation(handlers, 'workspace.open', {});
    expect(reopened).toMatchObject({ ok: true, value: { documents: [{ link: { id: 'kept', notes: 'the saved version' } }] } });
  });

  it('read-only disk: a clear error, the saved version intact', async () => {
    const handlers = api();
    const before = await readFile(path.join(root, 'links', 'kept.json'), 'utf8');
    disk!.remount('ro');
    try {
      const failed = await dispatchOperation(handlers, 'links.save', { link: makeLink({ id: 'kept', notes: 'not to be saved' }) });
      expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^The disk is read-only \(.*\): the change was not saved, and what was saved before is unchanged\. \[EROFS\]$/) } });
      expect(await readFile(path.join(root, 'links', 'kept.json'), 'utf8')).toBe(before);
    } finally {
      disk!.remount('rw');
    }
  });
});
