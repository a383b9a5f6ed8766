import { hostname } from 'node:os';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = '.applink-advisor.lock';

/** Who holds a workspace. */
export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  app: string;
}

export type LockResult = { held: true; release(): Promise<void> } | { held: false; owner: LockOwner; message: string };

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
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockOwner) : null;
  } catch {
    return null;
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
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, JSON.stringify(me), { flag: 'wx' });
      return {
        held: true,
        async release() {
          const owner = await readOwner(file);
          if (owner?.pid === me.pid && owner.host === me.host) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(file);
    const stale = !owner || (owner.host === me.host && !alive(owner.pid));
    if (!stale) {
      return {
        held: false, owner,
        message: `This workspace is open in ${owner.app} (process ${owner.pid} on ${owner.host}, since ${owner.since}). It is read-only here; close the other one to edit.`,
      };
    }
    await rm(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}.`);
}
