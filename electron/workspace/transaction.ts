import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite.ts';
import { assertConfined, ConfinementError, confinedPath, entryKind, pathProblem, relativeOf } from './confinement.ts';

/** One change of a multi-file operation: write `content` to `file`, or delete `file`. */
export type FileChange = { file: string; content: string } | { file: string; delete: true };

const TXN_PREFIX = '.txn-';
/** The name of a transaction's staging folder; its journal is `<name>.journal.json`. */
const TXN_NAME = /^\.txn-\d{1,16}-[0-9a-f]{4,32}$/;

interface Journal {
  /** Present only once every staged file is durable: from then on the operation rolls forward. */
  committed: boolean;
  puts: Array<{ file: string; staged: string }>;
  deletes: string[];
}

// The largest operation the app makes: every link of a 10,000-link workspace with two history entries
// each, with room to spare. A journal listing more was not written by the app (and is not walked).
const MAX_CHANGES = 100_000;
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/** Why a journal's target cannot be one of the app's files (it must be a file, or not there yet). */
function notAFile(file: string): string | null {
  const kind = entryKind(file);
  return kind === 'file' || kind === 'missing' ? null : `${file} is not a file`;
}

/** A committed operation read back from its journal, every path checked to be the app's own. */
export interface PendingBatch {
  name: string;
  puts: Array<{ file: string; staged: string }>;
  deletes: string[];
}

/** A journal (or staging folder) that does not describe one of the app's own operations. */
export interface RefusedJournal {
  /** The journal file (or staging folder) as found. */
  file: string;
  reason: string;
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
  for (const change of changes) assertConfined(root, change.file);
  await mkdir(stagingDir, { recursive: true });
  const journal: Journal = { committed: false, puts: [], deletes: [] };
  let n = 0;
  try {
    for (const change of changes) {
      if ('delete' in change) {
        journal.deletes.push(relativeOf(root, change.file));
      } else {
        const staged = path.join(stagingDir, `${n++}.staged`);
        await writeFileAtomic(staged, change.content);
        journal.puts.push({ file: relativeOf(root, change.file), staged: relativeOf(root, staged) });
      }
    }
  } catch (error) {
    // Nothing is committed yet: drop the staging at once (a disk-full failure should not leave it).
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  // The batch is checked as recovery would check it, before it is committed: a change recovery would
  // refuse (a history folder with an odd name, a folder where a file should be) fails now, undone.
  const batch = checkJournal(root, id, { ...journal, committed: true });
  if ('reason' in batch) {
    await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw new ConfinementError(journalFile, `The change was not saved: its ${batch.reason}`);
  }
  try {
    await writeFileAtomic(journalFile, JSON.stringify({ ...journal, committed: true }));
  } catch (error) {
    if (!existsSync(journalFile)) await rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await finish(root, id, batch);
}

async function finish(root: string, name: string, batch: PendingBatch): Promise<void> {
  const dirs = new Set<string>();
  for (const { file, staged } of batch.puts) {
    if (existsSync(staged)) {
      await mkdir(path.dirname(file), { recursive: true });
      // Checked again right before each move: a folder swapped for a symbolic link meanwhile is refused.
      assertConfined(root, file);
      await rename(staged, file);
      dirs.add(path.dirname(file));
    }
  }
  for (const file of batch.deletes) {
    assertConfined(root, file);
    await rm(file, { force: true });
    dirs.add(path.dirname(file));
  }
  for (const dir of dirs) await fsyncDirectory(dir);
  await rm(path.join(root, `${name}.journal.json`), { force: true });
  await rm(path.join(root, name), { recursive: true, force: true });
  await fsyncDirectory(root);
}

/**
 * Checks a journal read from disk: every target must be a file the app writes (links, history entries)
 * inside the workspace, every staged file must sit in the journal's own staging folder, and no folder on
 * the way may be a symbolic link. Returns the batch with absolute paths, or why it is refused.
 */
function checkJournal(root: string, name: string, raw: unknown): PendingBatch | { reason: string } {
  const journal = raw as Partial<Journal> | null;
  if (!journal || typeof journal !== 'object' || !Array.isArray(journal.puts) || !Array.isArray(journal.deletes)) return { reason: 'is not a journal of this app' };
  if (journal.puts.length + journal.deletes.length > MAX_CHANGES) return { reason: 'lists more changes than the app ever makes at once' };
  if (entryKind(path.join(root, name)) !== 'folder' && entryKind(path.join(root, name)) !== 'missing') return { reason: `its staging folder ${name} is not a real folder` };
  const stagedShape = new RegExp(`^${name.replace(/[.]/g, '\\.')}/\\d{1,7}\\.staged$`);
  const puts: PendingBatch['puts'] = [];
  for (const [i, put] of journal.puts.entries()) {
    const target = confinedPath(root, (put as { file?: unknown } | null)?.file);
    if ('reason' in target) return { reason: `puts[${i}].file ${target.reason}` };
    const staged = confinedPath(root, (put as { staged?: unknown }).staged, stagedShape);
    if ('reason' in staged) return { reason: `puts[${i}].staged ${staged.reason.replace('not a file the app writes', `not in the journal's own staging folder ${name}/`)}` };
    const problem = pathProblem(root, target.file) ?? pathProblem(root, staged.file) ?? notAFile(target.file) ?? notAFile(staged.file);
    if (problem) return { reason: `puts[${i}]: ${problem}` };
    puts.push({ file: target.file, staged: staged.file });
  }
  const deletes: string[] = [];
  for (const [i, relative] of journal.deletes.entries()) {
    const target = confinedPath(root, relative);
    if ('reason' in target) return { reason: `deletes[${i}] ${target.reason}` };
    const problem = pathProblem(root, target.file) ?? notAFile(target.file);
    if (problem) return { reason: `deletes[${i}]: ${problem}` };
    deletes.push(target.file);
  }
  return { name, puts, deletes };
}

/** What the transactions left in a workspace: committed batches to finish, uncommitted ones, refused journals. */
export function inspectTransactions(root: string): { pending: PendingBatch[]; uncommitted: string[]; refused: RefusedJournal[] } {
  const pending: PendingBatch[] = [];
  const uncommitted: string[] = [];
  const refused: RefusedJournal[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { pending, uncommitted, refused };
  }
  const txnNames = new Set<string>();
  for (const entry of names.filter((n) => n.startsWith(TXN_PREFIX) && !n.endsWith('.tmp'))) {
    const name = entry.endsWith('.journal.json') ? entry.slice(0, -'.journal.json'.length) : entry;
    if (!TXN_NAME.test(name)) refused.push({ file: path.join(root, entry), reason: 'is not named like a transaction of this app' });
    else txnNames.add(name);
  }
  for (const name of [...txnNames].sort()) {
    const journalFile = path.join(root, `${name}.journal.json`);
    const kind = entryKind(journalFile);
    if (kind === 'missing') {
      uncommitted.push(name);
      continue;
    }
    if (kind !== 'file') {
      refused.push({ file: journalFile, reason: 'is a symbolic link or not a regular file' });
      continue;
    }
    if (statSync(journalFile).size > MAX_JOURNAL_BYTES) {
      refused.push({ file: journalFile, reason: 'is larger than any journal the app writes; it is not replayed' });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(journalFile, 'utf8'));
    } catch {
      // Not yet complete when the crash came (written atomically, so this is a foreign file): nothing committed.
      refused.push({ file: journalFile, reason: 'is not valid JSON' });
      continue;
    }
    if ((raw as Partial<Journal> | null)?.committed !== true) {
      uncommitted.push(name);
      continue;
    }
    const checked = checkJournal(root, name, raw);
    if ('reason' in checked) refused.push({ file: journalFile, reason: `is a crash journal whose ${checked.reason}; it is not replayed` });
    else pending.push(checked);
  }
  return { pending, uncommitted, refused };
}

/**
 * Finishes committed operations and discards uncommitted ones after a crash; a journal that does not
 * describe one of the app's own operations is moved (with its staging folder) to `quarantineDir`, never
 * replayed. Returns what it did. Must run, under the workspace lock, before the workspace is read.
 */
export async function recoverTransactions(root: string, quarantineDir: string = path.join(root, 'quarantine')): Promise<{ rolledForward: number; rolledBack: number; refused: RefusedJournal[] }> {
  const { pending, uncommitted, refused } = inspectTransactions(root);
  for (const batch of pending) await finish(root, batch.name, batch);
  for (const name of uncommitted) {
    const staging = path.join(root, name);
    try {
      if (entryKind(staging) === 'symlink') await rm(staging, { force: true });
      else await rm(staging, { recursive: true, force: true });
      await rm(path.join(root, `${name}.journal.json`), { force: true });
    } catch (error) {
      // Not something the app left (nested too deep to remove, say): moved aside, never in the way.
      refused.push({ file: staging, reason: `is a staging folder that could not be removed (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
    }
  }
  if (refused.length) {
    assertConfined(root, path.join(quarantineDir, 'x'));
    await mkdir(quarantineDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (const item of refused) {
      const moved = path.join(quarantineDir, `${path.basename(item.file)}.${stamp}`);
      await rename(item.file, moved);
      await writeFileAtomic(`${moved}.note.json`, JSON.stringify({ file: path.basename(item.file), reason: item.reason, quarantinedAt: new Date().toISOString() }, null, 2));
      const staging = item.file.replace(/\.journal\.json$/, '');
      if (staging !== item.file && existsSync(staging)) await rename(staging, `${moved}.staging`);
    }
    await fsyncDirectory(root);
  }
  return { rolledForward: pending.length, rolledBack: uncommitted.length, refused };
}
