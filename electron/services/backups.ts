import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { backupInfoSchema, type BackupInfo } from '../../shared/model/backupInfo.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { WORKSPACE_META_FILE } from '../../shared/model/workspaceMeta.ts';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite.ts';

export const BACKUPS_DIR = 'backups';
/** Automatic snapshots kept; snapshots made on demand are kept until the user removes them. */
export const AUTOMATIC_BACKUPS_KEPT = 20;


const MANIFEST = 'backup.json';
const BACKUP_ID = /^[0-9TZ-]+-[0-9a-f]{6}$/;

/** Snapshots of a workspace's links under `backups/`, taken before risky operations and on demand. */
export class Backups {
  constructor(readonly root: string, private readonly now: () => Date = () => new Date()) {}

  private get dir(): string {
    return path.join(this.root, BACKUPS_DIR);
  }

  /** Copies every link and the workspace description; the snapshot appears at once (temp folder renamed). */
  async create(reason: string, automatic: boolean): Promise<BackupInfo> {
    const createdAt = this.now().toISOString();
    const id = `${createdAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const temp = path.join(this.dir, `.${id}.partial`);
    await mkdir(path.join(temp, 'links'), { recursive: true });
    const links = (await readdir(path.join(this.root, 'links')).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    for (const file of links) await copyFile(path.join(this.root, 'links', file), path.join(temp, 'links', file));
    if (existsSync(path.join(this.root, WORKSPACE_META_FILE))) await copyFile(path.join(this.root, WORKSPACE_META_FILE), path.join(temp, WORKSPACE_META_FILE));
    const info: BackupInfo = { id, createdAt, reason, automatic, linkCount: links.length };
    await writeFileAtomic(path.join(temp, MANIFEST), stableStringify(info));
    await fsyncDirectory(path.join(temp, 'links'));
    await rename(temp, path.join(this.dir, id));
    await fsyncDirectory(this.dir);
    if (automatic) await this.rotate();
    return info;
  }

  /** Every complete snapshot, newest first. */
  async list(): Promise<BackupInfo[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => BACKUP_ID.test(n));
    const infos: BackupInfo[] = [];
    for (const name of names) {
      const parsed = backupInfoSchema.safeParse(await readFile(path.join(this.dir, name, MANIFEST), 'utf8').then(JSON.parse, () => null));
      if (parsed.success) infos.push(parsed.data);
    }
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  private async rotate(): Promise<void> {
    const automatic = (await this.list()).filter((b) => b.automatic);
    for (const old of automatic.slice(AUTOMATIC_BACKUPS_KEPT)) await rm(path.join(this.dir, old.id), { recursive: true, force: true });
  }

  /** A snapshot's description and the text of each of its link files. */
  async read(id: string): Promise<{ info: BackupInfo; files: Array<{ name: string; text: string }> }> {
    if (!BACKUP_ID.test(id)) throw new OperationError('invalid-argument', `"${id}" is not a backup id.`);
    const info = (await this.list()).find((b) => b.id === id);
    if (!info) throw new OperationError('not-found', `There is no backup "${id}" in ${this.dir}.`);
    const source = path.join(this.dir, id, 'links');
    const names = (await readdir(source).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
    const files: Array<{ name: string; text: string }> = [];
    for (const name of names) files.push({ name, text: await readFile(path.join(source, name), 'utf8') });
    return { info, files };
  }
}
