import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { constants } from 'node:fs';
import { link, mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { oneLine } from '../../shared/present/terminalText.ts';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_FILE = '.applink-advisor.lock';

/** Who holds a workspace. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  app: string;
}

export type LockResult = { held: true; release(): Promise<void> } | { held: false; owner: LockOwner | null; message: string };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  const found = await readLock(file);
  return found && 'owner' in found ? found.owner : null;
}

/** A lock file this app writes is a small regular file; anything larger is not one of ours. */
const MAX_LOCK_BYTES = 4096;
const field = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= 200;

/** The owner a lock's text names, or null when it does not name one the way this app writes it. */
function ownerOf(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return Number.isSafeInteger(value.pid) && value.pid! > 0 && field(value.host) && field(value.app) && field(value.since) ? (value as LockOwner) : null;
  } catch {
    return null;
  }
}

/**
 * The lock file as found: its owner (null when unreadable) and its identity (inode and exact text); or,
 * for anything that is not a small regular file (a symbolic link, a FIFO, a device, a folder, a huge
 * file: planted in a workspace from someone else), why it is foreign. Never follows a link, never
 * blocks on a FIFO, never reads more than a lock can hold.
 */
async function readLock(file: string): Promise<{ owner: LockOwner | null; identity: string; ageMs: number } | { foreign: string } | null> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP' || code === 'EMLINK') return { foreign: 'is a symbolic link' };
    if (code === 'EISDIR') return { foreign: 'is a folder' };
    return { foreign: `cannot be read (${code ?? 'unknown error'})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { foreign: 'is not a regular file' };
    if (info.size > MAX_LOCK_BYTES) return { foreign: `is ${info.size} bytes, not a lock this app writes` };
    const text = (await handle.readFile()).subarray(0, MAX_LOCK_BYTES).toString('utf8');
    return { owner: ownerOf(text), identity: `${info.ino}:${text}`, ageMs: Date.now() - info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Who holds a workspace's lock, as `workspace info` tells it: an owner, null when free, or why the lock file is foreign. */
export async function lockHolder(root: string): Promise<LockOwner | { foreign: string } | null> {
  const found = await readLock(path.join(root, LOCK_FILE));
  if (!found) return null;
  return 'foreign' in found ? found : found.owner ?? { foreign: 'does not name its owner the way this app writes it' };
}

/**
 * Creates the lock file with its whole content at once: written to a private temp file, then hard-linked
 * to the lock's name (atomic, and refused when the name exists), so no reader ever sees a half-written
 * lock. File systems without hard links (FAT on removable media) fall back to an exclusive create.
 * Returns false when another process has the lock file.
 */
async function createLock(file: string, text: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    try {
      await writeFile(file, text, { flag: 'wx' });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await rm(temp, { force: true });
  }
}

/** An unreadable lock younger than this may still be being written (the exclusive-create fallback). */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

/** A takeover marker older than this was left by a process that died inside a takeover (which lasts milliseconds). */
const TAKEOVER_ABANDONED_MS = 30_000;

/**
 * Removes a stale lock, but only the very one judged stale: the removal runs under a marker folder named
 * after that lock's identity (mkdir is atomic), and checks again that the lock is still that one. Two
 * processes that both found the same dead lock cannot both remove it, and neither can remove a fresh
 * lock that a third took meanwhile; the lock itself is then taken with an exclusive create, so exactly
 * one of them wins.
 */
async function removeStaleLock(root: string, file: string, identity: string): Promise<void> {
  const marker = path.join(root, `${LOCK_FILE}.takeover-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`);
  try {
    await mkdir(marker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await stat(marker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > TAKEOVER_ABANDONED_MS) await rm(marker, { recursive: true, force: true });
    else await sleep(10 + Math.random() * 20);
    return;
  }
  try {
    const now = await readLock(file);
    if (now && 'identity' in now && now.identity === identity) await rm(file, { force: true });
  } finally {
    await rm(marker, { recursive: true, force: true });
  }
}

/**
 * Takes the workspace's write lock, so two app instances (or the app and the CLI) never write the same
 * workspace. A lock left by a process that no longer runs on this host is taken over; a lock held by a
 * live process, or by another host (a shared or removable folder), is respected and the caller gets the
 * owner to tell the user (read-only access).
 */
export async function acquireWorkspaceLock(root: string, app: string): Promise<LockResult> {
  await mkdir(root, { recursive: true });
  const file = path.join(root, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), app };
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await createLock(file, JSON.stringify(me))) {
      return {
        held: true,
        async release() {
          const owner = await readOwner(file);
          if (owner?.pid === me.pid && owner.host === me.host) await rm(file, { force: true });
        },
      };
    }
    const found = await readLock(file);
    if (!found) continue; // released meanwhile: try again
    if ('foreign' in found) {
      return {
        held: false, owner: null,
        message: `${file} ${found.foreign}: it is not a lock this app wrote, so the workspace is read-only here. Check the folder (workspace verify), remove that file, and open it again.`,
      };
    }
    const { owner } = found;
    if (!owner && found.ageMs < UNREADABLE_LOCK_GRACE_MS) {
      await sleep(50);
      continue;
    }
    const stale = !owner || (owner.host === me.host && !alive(owner.pid));
    if (!stale) {
      return {
        held: false, owner,
        message: `This workspace is open in ${oneLine(owner.app)} (process ${owner.pid} on ${oneLine(owner.host)}, since ${oneLine(owner.since)}). It is read-only here; close the other one to edit.`,
      };
    }
    await removeStaleLock(root, file, found.identity);
  }
  throw new Error(`Could not take the lock ${file}.`);
}
