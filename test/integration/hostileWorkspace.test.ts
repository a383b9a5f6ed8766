import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index.ts';
import { dispatchOperation } from '../../electron/ipc.ts';
import { createHandlers } from '../../electron/operations/handlers.ts';
import { WorkspaceSession } from '../../electron/workspace/session.ts';
import { testDependencies } from '../fixtures/handlerDependencies.ts';
import { exportBundle, mergeBundle, openBundle } from '../../electron/features/bundles.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { verifyWorkspace } from '../../electron/workspace/verify.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import { io, plantJournal, snapshot, useHostileWorkspace } from '../fixtures/hostileWorkspace.ts';

// A workspace folder is someone else's file: every name, path and id in it is hostile (fixtures/hostileWorkspace.ts).
const folders = useHostileWorkspace();
let base: string;
let root: string;
let victim: string;
beforeEach(() => {
  ({ base, root, victim } = folders);
});

describe('a planted crash journal (item 1)', () => {
  const hostileJournals: Array<[string, (victim: string) => unknown]> = [
    ['a put whose target is outside', () => ({ committed: true, puts: [{ file: '../victim/x', staged: '.txn-1700000000001-0a1b2c3d/0.staged' }], deletes: [] })],
    ['a put whose target is absolute', (victim) => ({ committed: true, puts: [{ file: path.join(victim, 'x'), staged: '.txn-1700000000001-0a1b2c3d/0.staged' }], deletes: [] })],
    ['a put whose staged file is outside (a move into the workspace)', () => ({ committed: true, puts: [{ file: 'links/stolen.json', staged: '../victim/secret.txt' }], deletes: [] })],
    ['a delete outside', () => ({ committed: true, puts: [], deletes: ['../victim/y'] })],
    ['an absolute delete', (victim) => ({ committed: true, puts: [], deletes: [path.join(victim, 'y')] })],
    ['a target that is not a workspace file', () => ({ committed: true, puts: [{ file: 'links/../../victim/x', staged: '.txn-1700000000001-0a1b2c3d/0.staged' }], deletes: [] })],
    ['a put into a folder the app does not write', () => ({ committed: true, puts: [{ file: 'node_modules/evil.js', staged: '.txn-1700000000001-0a1b2c3d/0.staged' }], deletes: [] })],
  ];

  for (const [label, journalFor] of hostileJournals) {
    it(`with ${label}: a writable open changes nothing outside, quarantines the journal, and verify reports it`, async () => {
      await plantJournal(root, '.txn-1700000000001-0a1b2c3d', journalFor(victim), { '0.staged': 'ATTACKER CONTENT' });
      const outside = await snapshot(victim);
      const store = new WorkspaceStore(root);
      const opened = await store.open([]);
      expect(await snapshot(victim)).toEqual(outside);
      expect(opened.documents.map((d) => d.link.id)).toEqual(['a', 'b']);
      expect(existsSync(path.join(root, 'links', 'stolen.json'))).toBe(false);
      expect(existsSync(path.join(root, '.txn-1700000000001-0a1b2c3d.journal.json'))).toBe(false);
      expect((await readdir(path.join(root, 'quarantine'))).some((f) => f.startsWith('.txn-1700000000001-0a1b2c3d.journal.json'))).toBe(true);
      expect(opened.refused.map((r) => r.reason).join(' ')).toMatch(/journal/);
    });

    it(`with ${label}: workspace verify exits 1 naming the journal, and changes nothing`, async () => {
      await plantJournal(root, '.txn-1700000000001-0a1b2c3d', journalFor(victim), { '0.staged': 'ATTACKER CONTENT' });
      const before = await snapshot(base);
      const cli = io();
      expect(await runCli(['workspace', 'verify', '--workspace', root], cli.collector)).toBe(1);
      expect(cli.err()).toMatch(/\.txn-1700000000001-0a1b2c3d\.journal\.json: .*(outside|not a file the app writes)/);
      expect(await snapshot(base)).toEqual(before);
    });
  }

  it('the app (workspace.open) lists the refused journal with the files it could not open', async () => {
    await plantJournal(root, '.txn-1700000000001-0a1b2c3d', { committed: true, puts: [], deletes: ['../victim/y'] });
    const session = new WorkspaceSession(root, path.join(base, 'prefs', 'recent.json'), 'test');
    await session.switchTo(root);
    try {
      const result = await dispatchOperation(createHandlers(testDependencies(base, session)), 'workspace.open', {});
      expect(result).toMatchObject({ ok: true, value: { unreadable: [{ file: expect.stringContaining('.journal.json'), reason: expect.stringMatching(/outside the workspace/) }] } });
      expect(await readFile(path.join(victim, 'y'), 'utf8')).toBe('precious y');
    } finally {
      await session.close();
    }
  });

  it('a CLI import into the workspace does not replay it either', async () => {
    await plantJournal(root, '.txn-1700000000001-0a1b2c3d', { committed: true, puts: [{ file: '../victim/x', staged: '.txn-1700000000001-0a1b2c3d/0.staged' }], deletes: ['../victim/y'] }, { '0.staged': 'ATTACKER' });
    const inventory = path.join(base, 'inv.json');
    await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'c', name: 'C' })] }));
    const outside = await snapshot(victim);
    const cli = io();
    expect(await runCli(['import', inventory, '--workspace', root], cli.collector)).toBe(0);
    expect(await snapshot(victim)).toEqual(outside);
  });

  it('a legitimate committed journal is still finished', async () => {
    await plantJournal(root, '.txn-1700000000002-0b1b2c3d', { committed: true, puts: [{ file: 'links/a.json', staged: '.txn-1700000000002-0b1b2c3d/0.staged' }], deletes: ['links/b.json'] }, {
      '0.staged': JSON.stringify({ ...JSON.parse(await readFile(path.join(root, 'links', 'a.json'), 'utf8')), revision: 9, link: makeLink({ id: 'a', name: 'A finished' }) }),
    });
    const opened = await new WorkspaceStore(root).open([]);
    expect(opened.documents.map((d) => d.link.name)).toEqual(['A finished']);
    expect(opened.refused).toEqual([]);
  });
});

describe('a planted backup manifest (item 2)', () => {
  it('rotation never removes a folder named by a manifest id outside backups/', async () => {
    const somewhere = path.join(base, 'somewhere');
    await mkdir(somewhere);
    await writeFile(path.join(somewhere, 'keep.txt'), 'keep me');
    const store = new WorkspaceStore(root);
    const first = await store.backups.create('planted', true);
    // The attacker rewrites one automatic backup's manifest to name a folder outside.
    const manifest = path.join(root, 'backups', first.id, 'backup.json');
    await writeFile(manifest, JSON.stringify({ ...JSON.parse(await readFile(manifest, 'utf8')), id: '../../somewhere', createdAt: '2000-01-01T00:00:00.000Z' }));
    for (let i = 0; i < 22; i++) await store.backups.create(`round ${i}`, true);
    expect(await readFile(path.join(somewhere, 'keep.txt'), 'utf8')).toBe('keep me');
    expect((await store.backups.list()).every((b) => !b.id.includes('..'))).toBe(true);
    const report = await verifyWorkspace(store);
    expect(report.problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/backup .*(names itself|id)/i);
  });
});

describe('symbolic links (item 3)', () => {
  it('a link file that is a symlink to a file outside is neither read, backed up nor bundled', async () => {
    await symlink(path.join(victim, 'secret.txt'), path.join(root, 'links', 'zz.json'));
    const store = new WorkspaceStore(root);
    const backup = await store.backups.create('with a symlink', false);
    const backedUp = await readdir(path.join(root, 'backups', backup.id, 'links'));
    expect(backedUp.sort()).toEqual(['a.json', 'b.json']);
    for (const name of backedUp) expect(await readFile(path.join(root, 'backups', backup.id, 'links', name), 'utf8')).not.toContain('TOP-SECRET');
    const { text } = await exportBundle(store, null, 'test');
    expect(text).not.toContain('TOP-SECRET');
    const listed = await store.list();
    expect(listed.unreadable.map((u) => [path.basename(u.file), u.reason])).toEqual([['zz.json', expect.stringMatching(/symbolic link/)]]);
    expect((await verifyWorkspace(store)).problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/symbolic link/);
  });

  it('a writable open moves the symlink itself into quarantine and leaves its target alone', async () => {
    await symlink(path.join(victim, 'secret.txt'), path.join(root, 'links', 'zz.json'));
    const opened = await new WorkspaceStore(root).open([]);
    expect(opened.unreadable[0]?.quarantinedTo).toBeDefined();
    expect(await readFile(path.join(victim, 'secret.txt'), 'utf8')).toBe('TOP-SECRET-OUTSIDE');
    expect((await lstat(opened.unreadable[0]!.quarantinedTo!)).isSymbolicLink()).toBe(true);
  });

  it('a dangling symlink gives no raw error and leaves no .partial folder', async () => {
    await symlink(path.join(base, 'nowhere.json'), path.join(root, 'links', 'dangling.json'));
    const store = new WorkspaceStore(root);
    const backup = await store.backups.create('with a dangling symlink', false);
    expect(backup.linkCount).toBe(2);
    expect((await readdir(path.join(root, 'backups'))).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  for (const folder of ['links', 'history', 'backups']) {
    it(`a workspace whose ${folder}/ folder is a symlink to a folder outside is not written through`, async () => {
      const store = new WorkspaceStore(root);
      await store.backups.create('so backups/ exists', false);
      await rm(path.join(root, folder), { recursive: true });
      const target = path.join(base, `outside-${folder}`);
      await mkdir(target);
      await writeFile(path.join(target, 'a.json'), 'outside file');
      await symlink(target, path.join(root, folder));
      const outside = await snapshot(target);
      expect((await verifyWorkspace(new WorkspaceStore(root))).problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/symbolic link/);
      const reopened = new WorkspaceStore(root);
      const opened = await reopened.open([]).catch((error: unknown) => error as Error);
      if (!(opened instanceof Error)) {
        await reopened.save(makeLink({ id: 'new', name: 'New' })).catch(() => undefined);
        await reopened.backups.create('after', true).catch(() => undefined);
      }
      expect(await snapshot(target)).toEqual(outside);
    });
  }

  it('a history folder of a link that is a symlink is not read', async () => {
    const store = new WorkspaceStore(root);
    await rm(path.join(root, 'history', 'a'), { recursive: true });
    const target = path.join(base, 'outside-history');
    await mkdir(target);
    await writeFile(path.join(target, '000001.json'), JSON.stringify({ schemaVersion: 1, revision: 1, savedAt: '2026-01-01T00:00:00.000Z', link: makeLink({ id: 'a', name: 'TOP-SECRET-OUTSIDE' }) }));
    await symlink(target, path.join(root, 'history', 'a'));
    const entries = await store.historyOf('a');
    expect(JSON.stringify(entries)).not.toContain('TOP-SECRET');
    expect((await verifyWorkspace(store)).problems.map((p: { reason: string }) => p.reason).join(' ')).toMatch(/symbolic link/);
  });
});

describe('recovery runs before anything reads or writes (item 4)', () => {
  async function plantPendingBatch(): Promise<string> {
    // A committed batch cut short: a.json's new state is still staged, b.json not yet deleted.
    const current = JSON.parse(await readFile(path.join(root, 'links', 'a.json'), 'utf8'));
    await plantJournal(root, '.txn-1700000000003-0c1b2c3d', { committed: true, puts: [{ file: 'links/a.json', staged: '.txn-1700000000003-0c1b2c3d/0.staged' }], deletes: ['links/b.json'] }, {
      '0.staged': JSON.stringify({ ...current, revision: current.revision + 1, link: makeLink({ id: 'a', name: 'A after the batch' }) }),
    });
    return 'A after the batch';
  }

  it('a read-only open shows the batch as committed, not a torn state', async () => {
    const name = await plantPendingBatch();
    const store = new WorkspaceStore(root);
    store.setReadOnly('held elsewhere');
    const opened = await store.open([]);
    expect(opened.documents.map((d) => d.link.name)).toEqual([name]);
    expect(opened.pending).toBe(1);
  });

  it('workspace verify reports the pending batch (exit 1) and changes nothing', async () => {
    await plantPendingBatch();
    const before = await snapshot(root);
    const cli = io();
    expect(await runCli(['workspace', 'verify', '--workspace', root], cli.collector)).toBe(1);
    expect(cli.err()).toMatch(/interrupted .*finished/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('workspace list shows the state after the batch', async () => {
    const name = await plantPendingBatch();
    const cli = io();
    expect(await runCli(['list', '--workspace', root, '--format', 'json'], cli.collector)).toBe(0);
    expect(JSON.parse(cli.out()).links.map((l: { name: string }) => l.name)).toEqual([name]);
  });

  it('workspace backup finishes the batch first, so the snapshot holds the committed state', async () => {
    const name = await plantPendingBatch();
    const cli = io();
    expect(await runCli(['workspace', 'backup', '--workspace', root], cli.collector)).toBe(0);
    const store = new WorkspaceStore(root);
    const [backup] = await store.backups.list();
    const { states } = await store.statesInBackup(backup!.id);
    expect(states.map((s) => s.link.name)).toEqual([name]);
  });

  it('a restore acknowledged as done is never overwritten by an old journal replayed later', async () => {
    const store = new WorkspaceStore(root);
    const backup = await store.backups.create('the good state', false);
    await plantPendingBatch();
    const cli = io();
    expect(await runCli(['workspace', 'restore', backup.id, '--workspace', root], cli.collector)).toBe(0);
    const reopened = await new WorkspaceStore(root).open([]);
    expect(reopened.documents.map((d) => d.link.name).sort()).toEqual(['A', 'B']);
  });
});

describe('hostile ids in bundles and history files', () => {
  const hostileIds = ['../../victim/x', '/etc/passwd', 'a/b', '.hidden', '..', 'a\\b', 'x'.repeat(300), 'con\u0000trol'];

  for (const id of hostileIds) {
    it(`a bundle (with a correct digest) holding link id ${JSON.stringify(id).slice(0, 40)} is refused naming the place, and nothing is written`, async () => {
      const { text } = await exportBundle(new WorkspaceStore(root), ['a'], 'test');
      const bundle = JSON.parse(text);
      bundle.content.links[0].document.link.id = id;
      // A hostile colleague recomputes the digest: the bundle must be refused on its content, not its seal.
      bundle.sha256 = createHash('sha256').update(stableStringify(bundle.content), 'utf8').digest('hex');
      const before = await snapshot(base);
      expect(() => openBundle(JSON.stringify(bundle), 'evil.bundle')).toThrow(/evil\.bundle is not a usable bundle: content\.links\[0\]\.document\.link\.id/);
      expect(await snapshot(base)).toEqual(before);
    });
  }

  it('keep-both of a conflicting bundle link never makes an id outside the pattern', async () => {
    const store = new WorkspaceStore(root);
    const { text } = await exportBundle(store, ['a'], 'test');
    await store.save(makeLink({ id: 'a', name: 'A changed here' }));
    const theirs = JSON.parse(text);
    theirs.content.links[0].document.link.name = 'A changed there';
    theirs.content.links[0].ancestry = [];
    theirs.sha256 = createHash('sha256').update(stableStringify(theirs.content), 'utf8').digest('hex');
    await mergeBundle(store, openBundle(JSON.stringify(theirs), 'theirs.bundle'), { a: 'keep-both' });
    const names = await readdir(path.join(root, 'links'));
    expect(names.every((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.json$/.test(n))).toBe(true);
    expect(names.length).toBe(3);
  });

  it('history entries that name another link, or folders that are not a link id, are reported and never shown', async () => {
    const store = new WorkspaceStore(root);
    await store.save(makeLink({ id: 'a', name: 'A again' }));
    // Revision 1 of "a" replaced by a state of another link: it must not appear as a's history.
    await writeFile(path.join(root, 'history', 'a', '000001.json'), JSON.stringify({ schemaVersion: 1, revision: 1, savedAt: '2026-01-01T00:00:00.000Z', link: { ...makeLink({ id: 'b', name: 'planted' }) } }));
    await mkdir(path.join(root, 'history', 'evil\nname'), { recursive: true });
    await writeFile(path.join(root, 'history', 'evil\nname', '000001.json'), '{}');
    const problems = (await verifyWorkspace(store)).problems.map((p: { file: string; reason: string }) => `${path.basename(p.file)}: ${p.reason}`);
    expect(problems.join('\n')).toMatch(/000001\.json: belongs to link "b"/);
    expect(problems.join('\n')).toMatch(/evil\nname: is not the history of a link/);
    expect(JSON.stringify(await store.historyOf('a'))).not.toContain('planted');
  });
});

