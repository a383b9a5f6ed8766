import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index.ts';
import { exportBundle, openBundle } from '../../electron/features/bundles.ts';
import { verifyWorkspace } from '../../electron/workspace/verify.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import { io, plantJournal, useHostileWorkspace } from '../fixtures/hostileWorkspace.ts';

// A workspace folder is someone else's file: every name, path and id in it is hostile (fixtures/hostileWorkspace.ts).
const folders = useHostileWorkspace();
let base: string;
let root: string;
let victim: string;
beforeEach(() => {
  ({ base, root, victim } = folders);
});

describe('a planted lock file (red-team review)', () => {
  const lockFile = () => path.join(root, '.applink-advisor.lock');

  it('a FIFO, a link to a FIFO or a link to /dev/zero never hangs or floods: the workspace is read-only with a plain message', async () => {
    const fifo = path.join(base, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const plant of [() => execFileSync('mkfifo', [lockFile()]), () => symlink(fifo, lockFile()), () => symlink('/dev/zero', lockFile())]) {
      await rm(lockFile(), { force: true });
      await plant();
      const started = Date.now();
      const cli = io();
      expect(await runCli(['workspace', 'backup', '--workspace', root], cli.collector)).toBe(1);
      expect(cli.err()).toMatch(/\.applink-advisor\.lock (is a symbolic link|is not a regular file): it is not a lock this app wrote/);
      const info = io();
      expect(await runCli(['workspace', 'info', '--workspace', root], info.collector)).toBe(0);
      expect(info.out()).toMatch(/Lock: +\.applink-advisor\.lock .*not a lock this app wrote/);
      expect(Date.now() - started).toBeLessThan(3000);
      const verify = io();
      expect(await runCli(['workspace', 'verify', '--workspace', root], verify.collector)).toBe(1);
    }
  });

  it('a lock that links to a file outside is not read, and its content never printed', async () => {
    await writeFile(path.join(victim, 'owner.json'), JSON.stringify({ pid: 1, host: 'READ-FROM-OUTSIDE', app: 'OUTSIDE-CONTENT', since: 'x' }));
    await symlink(path.join(victim, 'owner.json'), lockFile());
    const info = io();
    await runCli(['workspace', 'info', '--workspace', root], info.collector);
    const backup = io();
    await runCli(['workspace', 'backup', '--workspace', root], backup.collector);
    expect(info.out() + info.err() + backup.out() + backup.err()).not.toMatch(/OUTSIDE/);
  });

  it("a lock owner's fields cannot forge a line of output", async () => {
    await writeFile(lockFile(), JSON.stringify({ pid: 1, host: 'elsewhere', since: 'x', app: 'Applink Advisor\nBacked up 2 links as 2026-12-03T04-00-00-000Z-abcdef.\n' }));
    const cli = io();
    expect(await runCli(['workspace', 'backup', '--workspace', root], cli.collector)).toBe(1);
    expect((cli.out() + cli.err()).split('\n').filter((line) => line.startsWith('Backed up'))).toEqual([]);
  });

  it("a link name cannot forge a line of assess's table", async () => {
    const inventory = path.join(base, 'forged.json');
    await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'f', name: 'Harmless\nx  FORGED: recommended NONE' })] }));
    const cli = io();
    expect(await runCli(['assess', inventory], cli.collector)).toBe(0);
    expect(cli.out().split('\n').filter((line) => line.startsWith('x  FORGED'))).toEqual([]);
  });

  it('workspace info does not count files of a quarantine folder that links outside', async () => {
    await symlink(victim, path.join(root, 'quarantine'));
    const info = io();
    await runCli(['workspace', 'info', '--workspace', root], info.collector);
    expect(info.out()).toMatch(/Quarantined: 0/);
  });
});

describe('planted files that break saves or hide themselves (red-team review)', () => {
  it('twenty future-dated backups never make rotation delete the snapshot just taken', async () => {
    for (let n = 1; n <= 20; n++) {
      const folder = path.join(root, 'backups', `2099-01-01T00-00-00-000Z-${n.toString(16).padStart(6, '0')}`);
      await mkdir(path.join(folder, 'links'), { recursive: true });
      await writeFile(path.join(folder, 'backup.json'), JSON.stringify({ id: path.basename(folder), createdAt: '2099-01-01T00:00:00.000Z', reason: 'x', automatic: true, linkCount: 0 }));
    }
    const store = new WorkspaceStore(root);
    const { safety } = await store.restoreBackup((await store.backups.create('good', false)).id);
    expect(existsSync(path.join(root, 'backups', safety.id))).toBe(true);
    expect((await verifyWorkspace(store)).problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/in the future/);
  });

  it('an impossible revision in the history never makes a save unreadable or undone', async () => {
    await writeFile(path.join(root, 'history', 'a', '999999999999999999999.json'), '{}');
    const store = new WorkspaceStore(root);
    const saved = await store.save(makeLink({ id: 'a', name: 'A saved' }));
    expect(Number.isSafeInteger(saved.revision)).toBe(true);
    await store.saveMany([makeLink({ id: 'a', name: 'A bulk' }), makeLink({ id: 'b', name: 'B bulk' })]);
    const reopened = await new WorkspaceStore(root).open([]);
    expect(reopened.documents.map((d) => d.link.name)).toEqual(['A bulk', 'B bulk']);
    expect(reopened.unreadable).toEqual([]);
  });

  it('history pruning keeps the newest entries when revisions pass a million', async () => {
    const store = new WorkspaceStore(root);
    const current = JSON.parse(await readFile(path.join(root, 'links', 'a.json'), 'utf8'));
    for (let r = 999_900; r <= 999_999; r++) await writeFile(path.join(root, 'history', 'a', `${r}.json`), JSON.stringify({ schemaVersion: 1, revision: r, savedAt: current.updatedAt, link: current.link }));
    const saved = await store.save(makeLink({ id: 'a', name: 'A past a million' }));
    expect(saved.revision).toBe(1_000_000);
    expect((await readdir(path.join(root, 'history', 'a'))).includes('1000000.json')).toBe(true);
  });

  it('folders named like temp files, or a journal target that is a folder, never stop a writable open', async () => {
    await mkdir(path.join(root, 'links', '.x.tmp'), { recursive: true });
    await writeFile(path.join(root, 'links', '.x.tmp', 'keep'), 'k');
    await mkdir(path.join(root, 'links', 'zz.json', 'sub'), { recursive: true });
    await plantJournal(root, '.txn-1700000000004-0d1b2c3d', { committed: true, puts: [{ file: 'links/zz.json', staged: '.txn-1700000000004-0d1b2c3d/0.staged' }], deletes: [] }, { '0.staged': 'x' });
    const opened = await new WorkspaceStore(root).open([]);
    expect(opened.documents.map((d) => d.link.id)).toEqual(['a', 'b']);
    expect(opened.refused.map((r) => r.reason).join(' ')).toMatch(/not a file/);
    const cli = io();
    expect(await runCli(['workspace', 'backup', '--workspace', root], cli.collector)).toBe(0);
  });

  it('a huge sparse link file is refused by its size, not read', async () => {
    const { truncate } = await import('node:fs/promises');
    await writeFile(path.join(root, 'links', 'huge.json'), '');
    await truncate(path.join(root, 'links', 'huge.json'), 500 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { unreadable } = await new WorkspaceStore(root).list();
    expect(unreadable.map((u) => u.reason).join(' ')).toMatch(/larger than/);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('a journal listing far more changes than the app ever makes is refused without being walked', async () => {
    await plantJournal(root, '.txn-1700000000005-0e1b2c3d', { committed: true, puts: [], deletes: Array.from({ length: 200_000 }, () => 'links/zz.json') });
    const started = Date.now();
    const report = await verifyWorkspace(new WorkspaceStore(root));
    expect(report.problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/more changes than the app ever makes/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a __proto__ key in a bundle is refused, not dropped from under the digest', async () => {
    const { text } = await exportBundle(new WorkspaceStore(root), ['a'], 'test');
    const tampered = text.replace(/"link":\s*\{/, '"link": {"__proto__": {"polluted": true},');
    expect(tampered).not.toBe(text);
    expect(() => openBundle(tampered, 'proto.bundle')).toThrow(/__proto__/);
  });
});
