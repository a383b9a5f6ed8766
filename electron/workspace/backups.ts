import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { backupInfoSchema, type BackupInfo } from '../../shared/model/backupInfo.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { WORKSPACE_META_FILE } from '../../shared/model/workspaceMeta.ts';
import { LINK_ID_PATTERN } from '../../shared/model/vocabulary.ts';
import { fsyncDirectory, writeFileAtomic } from './atomicWrite.ts';
import { assertConfined, entryKind, printable, readWorkspaceFileSync } from './confinement.ts';

export const BACKUPS_DIR = 'backups';
/** Automatic snapshots kept; snapshots made on demand are kept until the user removes them. */
export const AUTOMATIC_BACKUPS_KEPT = 20;


const MANIFEST = 'backup.json';
const BACKUP_ID = /^[0-9TZ-]+-[0-9a-f]{6}$/;
// Clocks of two machines sharing a workspace differ a little; a snapshot a day ahead is planted.
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
const isLinkFileName = (name: string) => name.endsWith('.json') && LINK_ID_PATTERN.test(name.slice(0, -5));

/** Something under `backups/` that is not a snapshot the app made (for `workspace verify`). */
export interface BackupProblem {
  file: string;
  reason: string;
}

const manifestJson = (file: string): unknown => {
  try {
    return JSON.parse(readWorkspaceFileSync(file, 1024 * 1024));
  } catch {
    return null;
  }
};

/** The regular link files of a folder; symbolic links and anything else are left out, never followed. */
async function linkFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && isLinkFileName(e.name)).map((e) => e.name).sort();
}

/** Snapshots of a workspace's links under `backups/`, taken before risky operations and on demand. */
export class Backups {
  constructor(readonly root: string, private readonly now: () => Date = () => new Date()) {}

  private get dir(): string {
    return path.join(this.root, BACKUPS_DIR);
  }

  /** An automatic snapshot before an operation on many links; nothing to keep when there are no links yet. */
  async createBeforeChange(reason: string): Promise<BackupInfo | null> {
    const links = await readdir(path.join(this.root, 'links')).catch(() => [] as string[]);
    return links.some((f) => f.endsWith('.json')) ? this.create(reason, true) : null;
  }

  /** Copies every link and the workspace description; the snapshot appears at once (temp folder renamed). */
  async create(reason: string, automatic: boolean): Promise<BackupInfo> {
    const createdAt = this.now().toISOString();
    const id = `${createdAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const temp = path.join(this.dir, `.${id}.partial`);
    assertConfined(this.root, path.join(temp, 'links', 'x'));
    assertConfined(this.root, path.join(this.root, 'links', 'x'));
    await mkdir(path.join(temp, 'links'), { recursive: true });
    try {
      // Only regular files: a symbolic link planted in links/ (to a file outside) is never copied.
      const links = await linkFilesIn(path.join(this.root, 'links'));
      for (const file of links) await copyFile(path.join(this.root, 'links', file), path.join(temp, 'links', file));
      const meta = path.join(this.root, WORKSPACE_META_FILE);
      if (entryKind(meta) === 'file') await copyFile(meta, path.join(temp, WORKSPACE_META_FILE));
      const info: BackupInfo = { id, createdAt, reason, automatic, linkCount: links.length };
      await writeFileAtomic(path.join(temp, MANIFEST), stableStringify(info));
      await fsyncDirectory(path.join(temp, 'links'));
      await rename(temp, path.join(this.dir, id));
      await fsyncDirectory(this.dir);
      if (automatic) await this.rotate(id);
      return info;
    } catch (error) {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** Every complete snapshot, newest first. */
  async list(): Promise<BackupInfo[]> {
    return (await this.scan()).infos;
  }

  /** Snapshots, and everything under `backups/` that is not one (a foreign id, a symbolic link, a bad manifest). */
  async scan(): Promise<{ infos: BackupInfo[]; problems: BackupProblem[] }> {
    const infos: BackupInfo[] = [];
    const problems: BackupProblem[] = [];
    const kind = entryKind(this.dir);
    if (kind === 'missing') return { infos, problems };
    if (kind !== 'folder') return { infos, problems: [{ file: this.dir, reason: 'is a symbolic link or not a folder; the app never follows links out of a workspace' }] };
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      const file = path.join(this.dir, entry.name);
      if (entry.name.startsWith('.') && entry.name.endsWith('.partial')) continue;
      if (!BACKUP_ID.test(entry.name)) {
        problems.push({ file, reason: 'is not a snapshot of this app' });
        continue;
      }
      if (!entry.isDirectory()) {
        problems.push({ file, reason: 'is a symbolic link or not a folder; not used as a snapshot' });
        continue;
      }
      const manifest = path.join(file, MANIFEST);
      const parsed = entryKind(manifest) === 'file' ? backupInfoSchema.safeParse(manifestJson(manifest)) : null;
      // The folder's name is the id: a manifest naming another id (e.g. "../../somewhere") is refused.
      if (!parsed?.success) problems.push({ file: manifest, reason: 'is missing or not a valid snapshot description' });
      else if (parsed.data.id !== entry.name) problems.push({ file: manifest, reason: `backup names itself ${printable(parsed.data.id)}, not its folder's id; not used` });
      else if (!entry.name.startsWith(parsed.data.createdAt.replace(/[:.]/g, '-'))) problems.push({ file: manifest, reason: 'says it was made at another time than its id says; not used' });
      else if (Date.parse(parsed.data.createdAt) > this.now().getTime() + FUTURE_TOLERANCE_MS) problems.push({ file: manifest, reason: `was made in the future (${parsed.data.createdAt}); not used, and never counted by rotation` });
      else infos.push(parsed.data);
    }
    infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    return { infos, problems };
  }

  /** Drops the oldest automatic snapshots beyond the kept number; never `justTaken`. */
  private async rotate(justTaken: string): Promise<void> {
    // Newest first; the one just taken counts as one of the kept, whatever the others claim.
    const others = (await this.list()).filter((b) => b.automatic && b.id !== justTaken);
    for (const old of others.slice(AUTOMATIC_BACKUPS_KEPT - 1)) {
      // Only ever a snapshot folder directly under backups/, named by its own (checked) id.
      if (!BACKUP_ID.test(old.id)) continue;
      await rm(path.join(this.dir, old.id), { recursive: true, force: true });
    }
  }

  /** A snapshot's description and the text of each of its link files. */
  async read(id: string): Promise<{ info: BackupInfo; files: Array<{ name: string; text: string }> }> {
    if (!BACKUP_ID.test(id)) throw new OperationError('invalid-argument', `"${id}" is not a backup id.`);
    const info = (await this.list()).find((b) => b.id === id);
    if (!info) throw new OperationError('not-found', `There is no backup "${id}" in ${this.dir}.`);
    const source = path.join(this.dir, id, 'links');
    assertConfined(this.root, path.join(source, 'x'));
    const names = await linkFilesIn(source);
    const files: Array<{ name: string; text: string }> = [];
    for (const name of names) files.push({ name, text: readWorkspaceFileSync(path.join(source, name)) });
    return { info, files };
  }
}
