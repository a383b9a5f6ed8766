import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAtomically, recoverTransactions } from '../../../electron/workspace/transaction.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-txn-'));
  await mkdir(path.join(dir, 'links'));
  await writeFile(path.join(dir, 'links', 'a.json'), 'A1');
  await writeFile(path.join(dir, 'links', 'b.json'), 'B1');
});
afterEach(() => rm(dir, { recursive: true, force: true }));
const read = async (name: string) => readFile(path.join(dir, 'links', name), 'utf8').catch(() => null);

describe('all-or-nothing file operations', () => {
  it('applies writes and deletes together and leaves nothing behind', async () => {
    await applyAtomically(dir, [{ file: path.join(dir, 'links', 'a.json'), content: 'A2' }, { file: path.join(dir, 'links', 'b.json'), delete: true }, { file: path.join(dir, 'links', 'c.json'), content: 'C1' }]);
    expect([await read('a.json'), await read('b.json'), await read('c.json')]).toEqual(['A2', null, 'C1']);
    expect((await readdir(dir)).sort()).toEqual(['links']);
  });

  it('rolls back an operation that crashed before its journal was committed', async () => {
    await mkdir(path.join(dir, '.txn-1-0a1b'));
    await writeFile(path.join(dir, '.txn-1-0a1b', '0.staged'), 'A2');
    expect(await recoverTransactions(dir)).toEqual({ rolledForward: 0, rolledBack: 1, refused: [] });
    expect([await read('a.json'), await read('b.json')]).toEqual(['A1', 'B1']);
    expect(await readdir(dir)).toEqual(['links']);
  });

  it('finishes an operation that crashed after its journal was committed, halfway through', async () => {
    await mkdir(path.join(dir, '.txn-2-0c1d'));
    await writeFile(path.join(dir, '.txn-2-0c1d', '1.staged'), 'C1'); // 0.staged was already renamed into place
    await writeFile(path.join(dir, 'links', 'a.json'), 'A2');
    await writeFile(path.join(dir, '.txn-2-0c1d.journal.json'), JSON.stringify({
      committed: true,
      puts: [{ file: 'links/a.json', staged: '.txn-2-0c1d/0.staged' }, { file: 'links/c.json', staged: '.txn-2-0c1d/1.staged' }],
      deletes: ['links/b.json'],
    }));
    expect(await recoverTransactions(dir)).toEqual({ rolledForward: 1, rolledBack: 0, refused: [] });
    expect([await read('a.json'), await read('b.json'), await read('c.json')]).toEqual(['A2', null, 'C1']);
    expect(await readdir(dir)).toEqual(['links']);
  });
});
