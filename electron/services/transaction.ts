import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite.ts';

/** One change of a multi-file operation: write `content` to `file`, or delete `file`. */
export type FileChange = { file: string; content: string } | { file: string; delete: true };

const TXN_PREFIX = '.txn-';

interface Journal {
  /** Present only once every staged file is durable: from then on the operation rolls forward. */
  committed: boolean;
  puts: Array<{ file: string; staged: string }>;
  deletes: string[];
}

/**
 * Applies many file changes all-or-nothing. New contents are staged and fsynced first; a journal
 * marked committed (atomically) is the point of no return. A crash before it leaves every file as it
 * was; a crash after it is finished by `recoverTransactions` on the next open.
 */
export async function applyAtomically(root: string, changes: FileChange[]): Promise<void> {
  const id = `${TXN_PREFIX}${Date.now()}-${randomBytes(4).toString('hex')}`;
  const stagingDir = path.join(root, id);
  const journalFile = path.join(root, `${id}.journal.json`);
  await mkdir(stagingDir, { recursive: true });
  const journal: Journal = { committed: false, puts: [], deletes: [] };
  let n = 0;
  try {
    for (const change of changes) {
      if ('delete' in change) {
        journal.deletes.push(path.relative(root, change.file));
      } else {
        const staged = path.join(stagingDir, `${n++}.staged`);
        await writeFileAtomic(staged, change.content);
        journal.puts.push({ file: path.relative(root, change.file), staged: path.relative(root, staged) });
      }
    }
  } catch (error) {
    // Nothing is committed yet: drop the staging at once (a disk-full failure should not leave it).
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  try {
    await writeFileAtomic(journalFile, JSON.stringify({ ...journal, committed: true }));
  } catch (error) {
    if (!existsSync(journalFile)) await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await finish(root, journalFile, { ...journal, committed: true });
}

async function finish(root: string, journalFile: string, journal: Journal): Promise<void> {
  const dirs = new Set<string>();
  for (const { file, staged } of journal.puts) {
    const source = path.join(root, staged);
    const target = path.join(root, file);
    if (existsSync(source)) {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(source, target);
      dirs.add(path.dirname(target));
    }
  }
  for (const file of journal.deletes) {
    await rm(path.join(root, file), { force: true });
    dirs.add(path.dirname(path.join(root, file)));
  }
  for (const dir of dirs) await fsyncDirectory(dir);
  await rm(journalFile, { force: true });
  await rm(journalFile.replace(/\.journal\.json$/, ''), { recursive: true, force: true });
  await fsyncDirectory(root);
}

/**
 * Finishes committed operations and discards uncommitted ones after a crash. Returns what it did, for
 * the log. Must run before the workspace is read.
 */
export async function recoverTransactions(root: string): Promise<{ rolledForward: number; rolledBack: number }> {
  let rolledForward = 0;
  let rolledBack = 0;
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(TXN_PREFIX) && !n.endsWith('.journal.json') && !n.endsWith('.tmp'))) {
    const journalFile = path.join(root, `${name}.journal.json`);
    let journal: Journal | null = null;
    try {
      journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    } catch {
      journal = null;
    }
    if (journal?.committed) {
      await finish(root, journalFile, journal);
      rolledForward++;
    } else {
      await rm(path.join(root, name), { recursive: true, force: true });
      await rm(journalFile, { force: true });
      rolledBack++;
    }
  }
  return { rolledForward, rolledBack };
}
