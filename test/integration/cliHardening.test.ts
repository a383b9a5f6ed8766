import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../electron/features/bundles.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import { cli } from '../fixtures/cli.ts';

// #13 items 8 and 9: file-system failures in plain words with the right exit status, closed lists of
// flag values, and text from other people's files never driving the terminal.
let dir: string;
let inventory: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-clihard-'));
  inventory = path.join(dir, 'inventory.json');
  await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'a', name: 'A' })] }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('file-system failures are plain and bad input is exit 2 (item 8)', () => {
  it('report --out into a folder that does not exist names the folder and says what to do', async () => {
    const target = path.join(dir, 'no-such-folder', 'report.html');
    const result = await cli('report', inventory, '--format', 'html', '--out', target);
    expect(result.code).toBe(2);
    expect(result.err).toContain(path.join(dir, 'no-such-folder'));
    expect(result.err).toMatch(/does not exist.*create it|choose another/i);
    expect(result.err).not.toMatch(/ENOENT|See applink-advisor --help/);
  });

  it('keygen --out naming an existing file (not a folder) is refused in plain words', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'x');
    const result = await cli('keygen', '--out', file);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/a-file.*is a file, not a folder/);
    expect(result.err).not.toMatch(/EEXIST|ENOTDIR|See applink-advisor --help/);
  });

  it('a file where a workspace folder should be is named, for every workspace command', async () => {
    const file = path.join(dir, 'not-a-folder');
    await writeFile(file, 'x');
    for (const argv of [['list'], ['workspace', 'verify'], ['workspace', 'info'], ['workspace', 'backups'], ['workspace', 'backup'], ['export-bundle', '--out', path.join(dir, 'b.bundle')], ['import', inventory]]) {
      const result = await cli(...argv, '--workspace', file);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/not-a-folder is a file, not a workspace folder/);
      expect(result.err, argv.join(' ')).not.toMatch(/ENOTDIR|EEXIST|See applink-advisor --help/);
    }
  });

  it('a --workspace that does not exist is an error for commands that read one', async () => {
    const missing = path.join(dir, 'no-workspace-here');
    for (const argv of [['list'], ['workspace', 'verify'], ['workspace', 'info'], ['workspace', 'backups'], ['export-bundle', '--out', path.join(dir, 'c.bundle')]]) {
      const result = await cli(...argv, '--workspace', missing);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/no-workspace-here does not exist/);
    }
    await expect(readdir(missing)).rejects.toThrow();
  });

  it('an input path that is a folder, or missing, is exit 2 with the file named', async () => {
    const folder = path.join(dir, 'a-folder');
    await mkdir(folder, { recursive: true });
    for (const argv of [['assess', folder], ['verify-report', folder], ['checklist', folder, '--link', 'a'], ['verify-report', path.join(dir, 'gone.html')]]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/a-folder|gone\.html/);
      expect(result.err, argv.join(' ')).not.toMatch(/See applink-advisor --help/);
    }
  });

  it('a wrong command line still says See --help, with exit 64', async () => {
    const result = await cli('assess', inventory, '--no-such-flag');
    expect(result.code).toBe(64);
    expect(result.err).toMatch(/See applink-advisor --help/);
  });
});

describe('closed lists and untrusted text (item 9)', () => {
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`--answer ${key}=yes is refused as a wrong command line, and nothing is imported`, async () => {
      const workspace = path.join(dir, `ws-${key}`);
      const result = await cli('import', inventory, '--workspace', workspace, '--answer', `${key}=yes`);
      expect(result.code).toBe(64);
      expect(result.err).toMatch(/--answer takes QUESTION=yes\|no/);
      await expect(readdir(path.join(workspace, 'links'))).rejects.toThrow();
    });
  }

  it("a bundle's createdBy with escape sequences and line breaks is printed escaped, on one line", async () => {
    const source = path.join(dir, 'bundle-source');
    const store = new WorkspaceStore(source);
    await store.save(makeLink({ id: 'evil', name: 'Evil\u001b[2J\rname\nMerged: 99 added' }));
    const { text } = await exportBundle(store, null, 'someone\u001b[31m red\r\nMerged: 99 added, 0 updated\u009b1m\u202egnp.exe');
    const file = path.join(dir, 'evil.bundle');
    await writeFile(file, text);
    const result = await cli('import-bundle', file, '--workspace', path.join(dir, 'ws-bundle'), '--dry-run');
    expect(result.code).toBe(0);
    const printed = result.out + result.err;
    expect(printed).not.toMatch(/[\u001b\r\u009b\u202e]/);
    expect(printed).toContain('\\u001b[31m');
    expect(printed.split('\n').filter((line) => line.startsWith('Merged: 99'))).toEqual([]);
  });

  it('an import file name with control characters is printed escaped', async () => {
    const folder = path.join(dir, 'evil-names');
    await mkdir(folder, { recursive: true });
    const evil = path.join(folder, 'inv\u001b[2J\nImported: 5 created.json');
    await writeFile(evil, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'b', name: 'B' })] }));
    const result = await cli('import', evil, '--workspace', path.join(dir, 'ws-names'), '--dry-run');
    expect(result.code).toBe(0);
    expect(result.out + result.err).not.toMatch(/[\u001b\r]/);
    expect((result.out + result.err).split('\n').filter((line) => line.startsWith('Imported: 5'))).toEqual([]);
  });

  it('JSON output stays valid JSON with the same values after escaping', async () => {
    const source = path.join(dir, 'json-source');
    const store = new WorkspaceStore(source);
    await store.save(makeLink({ id: 'j', name: 'Name with \u009b and \u202e inside' }));
    const result = await cli('list', '--workspace', source, '--format', 'json');
    expect(result.code).toBe(0);
    expect(result.out).not.toMatch(/[\u009b\u202e]/);
    expect(JSON.parse(result.out).links[0].name).toBe('Name with \u009b and \u202e inside');
  });
});

describe('list (#17, CLI honesty)', () => {
  it('has a header row, aligned columns, and says when a workspace is empty', async () => {
    const workspace = path.join(dir, 'ws-list');
    const store = new WorkspaceStore(workspace);
    await store.save(makeLink({ id: 'short', name: 'Short one' }));
    await store.save(makeLink({ id: 'a-much-longer-link-id-than-the-other', name: 'Long one' }));
    const { code, out } = await cli('list', '--workspace', workspace);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+RECOMMENDED\s+WORST OPEN\s+TRIAGED\s+NAME$/);
    expect(lines).toHaveLength(3);
    const nameColumn = lines[0]!.indexOf('NAME');
    for (const line of lines.slice(1)) expect(line.slice(nameColumn)).toMatch(/^(Short one|Long one)$/);
    await mkdir(path.join(dir, 'ws-empty'), { recursive: true });
    expect(await cli('list', '--workspace', path.join(dir, 'ws-empty'))).toMatchObject({ code: 0, out: expect.stringMatching(/^No links in .*ws-empty\.\n$/) });
  });
});
