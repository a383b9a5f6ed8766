import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { OperationError } from '../../shared/contract/operationError.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { acquireWorkspaceLock } from './lock.ts';
import { WorkspaceStore } from './store.ts';

/** Workspace folders remembered for the "recent" list. */
export const RECENT_KEPT = 8;
const recentSchema = z.object({ recent: z.array(z.string()).max(50) });

/**
 * The workspace the app has open, and the folders it opened before. Switching releases the old
 * folder's lock and takes the new one's (read-only when another process holds it). The recent list
 * lives in the user-data folder, written only here: the renderer can open a folder from it by path but
 * cannot add one except through the folder dialog.
 */
export class WorkspaceSession {
  private current: WorkspaceStore;
  private releaseLock: (() => Promise<void>) | null = null;

  /** `cacheDir`: where each workspace's open cache is kept (see openCache.ts); none in most tests. */
  constructor(readonly defaultDir: string, private readonly recentFile: string, private readonly holder: string, private readonly cacheDir?: string) {
    this.current = new WorkspaceStore(defaultDir, undefined, cacheDir);
  }

  get store(): WorkspaceStore {
    return this.current;
  }

  get isDefault(): boolean {
    return path.resolve(this.current.root) === path.resolve(this.defaultDir);
  }

  /** Folders opened before, most recent first, those no longer present (unplugged media) included. */
  async recent(): Promise<string[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await readFile(this.recentFile, 'utf8')));
      return parsed.success ? parsed.data.recent.slice(0, RECENT_KEPT) : [];
    } catch {
      return [];
    }
  }

  /** The folder to open at start: the last one used while it is still there, else the default. */
  async startFolder(): Promise<string> {
    const [last] = await this.recent();
    return last && existsSync(last) ? last : this.defaultDir;
  }

  /** Opens a workspace folder (created when missing only for the default one) and remembers it. */
  async switchTo(dir: string): Promise<void> {
    const target = path.resolve(dir);
    if (target !== path.resolve(this.defaultDir)) {
      if (!existsSync(target)) throw new OperationError('not-found', `${target} is not there (removable media unplugged?). Nothing was changed.`);
      if (!statSync(target).isDirectory()) throw new OperationError('invalid-argument', `${target} is a file, not a folder.`);
    }
    await mkdir(target, { recursive: true });
    const lock = await acquireWorkspaceLock(target, this.holder);
    await this.current.settle();
    await this.releaseLock?.();
    this.releaseLock = null;
    this.current = new WorkspaceStore(target, undefined, this.cacheDir);
    if (lock.held) this.releaseLock = () => lock.release();
    else this.current.setReadOnly(lock.message);
    await this.remember(target);
  }

  /** Opens a folder from the recent list (or the default); any other path is refused. */
  async switchToKnown(dir: string): Promise<void> {
    const known = [...(await this.recent()), this.defaultDir].map((d) => path.resolve(d));
    if (!known.includes(path.resolve(dir))) throw new OperationError('forbidden', `${dir} is not a workspace opened before; choose it with Open folder….`);
    await this.switchTo(dir);
  }

  private async remember(dir: string): Promise<void> {
    const recent = [dir, ...(await this.recent()).filter((d) => path.resolve(d) !== dir)].slice(0, RECENT_KEPT);
    await mkdir(path.dirname(this.recentFile), { recursive: true });
    await writeFileAtomic(this.recentFile, stableStringify({ recent }));
  }

  /** Releases the lock of the open workspace (on quit). */
  async close(): Promise<void> {
    await this.current.settle();
    await this.releaseLock?.();
    this.releaseLock = null;
  }
}
