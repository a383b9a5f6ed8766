import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, LOCK_FILE } from '../../electron/workspace/lock.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-integrity-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('quarantine and newer files', () => {
  it('moves a corrupt and a truncated file aside with a note, leaves a newer-version file untouched, and opens the rest', async () => {
    const store = new WorkspaceStore(dir, () => new Date('2026-11-30T10:00:00Z'));
    await store.open([makeLink({ id: 'good' }), makeLink({ id: 'also-good', name: 'Other' })], '1.2.3');
    const good = await readFile(path.join(dir, 'links', 'good.json'), 'utf8');
    await writeFile(path.join(dir, 'links', 'corrupt.json'), '{"schemaVersion": 1, "link": {"id": "corrupt", "name": 12}}');
    await writeFile(path.join(dir, 'links', 'truncated.json'), good.slice(0, good.length / 2));
    const newer = JSON.stringify({ schemaVersion: 99, link: { id: 'newer' }, somethingNew: true });
    await writeFile(path.join(dir, 'links', 'newer.json'), newer);
    await writeFile(path.join(dir, 'links', 'README.txt'), 'an unknown extra file');

    const opened = await store.open([], '1.2.3');
    expect(opened.documents.map((d) => d.link.id).sort()).toEqual(['also-good', 'good']);
    const byFile = Object.fromEntries(opened.unreadable.map((u) => [path.basename(u.file), u]));
    expect(byFile['corrupt.json']).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/link\.name/), quarantinedTo: expect.stringContaining(`${path.sep}quarantine${path.sep}corrupt.json.`) });
    expect(byFile['truncated.json']).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/not valid JSON/) });
    expect(byFile['newer.json']).toMatchObject({ kind: 'newer', reason: expect.stringMatching(/newer Applink Advisor \(schema version 99/) });
    expect(byFile['newer.json']?.quarantinedTo).toBeUndefined();

    expect(await readFile(path.join(dir, 'links', 'newer.json'), 'utf8')).toBe(newer);
    expect((await readdir(path.join(dir, 'links'))).sort()).toEqual(['README.txt', 'also-good.json', 'good.json', 'newer.json']);
    const quarantined = await readdir(path.join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(4);
    const note = JSON.parse(await readFile(path.join(dir, 'quarantine', quarantined.find((f) => f.startsWith('corrupt') && f.endsWith('.note.json'))!), 'utf8'));
    expect(note).toMatchObject({ file: 'corrupt.json', quarantinedAt: '2026-11-30T10:00:00.000Z', by: 'Applink Advisor 1.2.3', reason: expect.stringMatching(/link\.name/) });
  });
});

describe('leftovers of interrupted writes', () => {
  it('opening removes hidden temp files a crash left behind, and never loads them', async () => {
    const store = new WorkspaceStore(dir);
    const saved = await store.save(makeLink({ id: 'a', name: 'A' }));
    const temp = path.join(dir, 'links', '.a.json.0123456789ab.tmp');
    await writeFile(temp, JSON.stringify({ ...saved, link: { ...saved.link, name: 'half-written' } }).slice(0, 50));
    const opened = await store.open([]);
    expect(opened.documents.map((d) => d.link.name)).toEqual(['A']);
    expect(opened.unreadable).toEqual([]);
    expect((await readdir(path.join(dir, 'links'))).sort()).toEqual(['a.json']);
  });
});

describe('workspace lock', () => {
  it('lets one holder write; a second opener is read-only with a clear message and writes nothing', async () => {
    const first = await acquireWorkspaceLock(dir, 'Applink Advisor test');
    expect(first.held).toBe(true);
    const second = await acquireWorkspaceLock(dir, 'applink-advisor CLI');
    expect(second).toMatchObject({ held: false, message: expect.stringMatching(/open in Applink Advisor test \(process \d+ on .+\)\. It is read-only here/) });
    const store = new WorkspaceStore(dir);
    store.setReadOnly(second.held ? null : second.message);
    await expect(store.save(makeLink())).rejects.toThrow(/read-only here/);
    await expect(readdir(path.join(dir, 'links'))).rejects.toThrow();
    if (first.held) await first.release();
    expect((await acquireWorkspaceLock(dir, 'again')).held).toBe(true);
  });

  it('takes over a lock left behind by a crashed process', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00Z', app: 'crashed' }));
    expect((await acquireWorkspaceLock(dir, 'next start')).held).toBe(true);
  });
});
