import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { fsyncDirectory, TEMP_SUFFIX, writeFileAtomic } from './atomicWrite.ts';
import { assertConfined, entryKind, OWN_FOLDERS } from './confinement.ts';
import type { PendingBatch, RefusedJournal } from './transaction.ts';
import { ASSESSMENT_SCHEMA_VERSION, type AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { Link } from '../../shared/model/link.ts';
import { WORKSPACE_FORMAT } from '../../shared/model/workspaceMeta.ts';
import type { WorkspaceStore } from './store.ts';
import { applyAtomically, inspectTransactions } from './transaction.ts';

// What opening a workspace does besides reading: quarantine, temp-file sweeping, and showing committed
// operations another process has yet to finish. The WorkspaceStore calls these under its own rules.

export const QUARANTINE_DIR = 'quarantine';

/** A file in the workspace that could not be read as an assessment. */
export interface UnreadableFile {
  file: string;
  reason: string;
  /** `newer`: written by a newer version of the app, left untouched; `invalid`: not JSON or not valid. */
  kind: 'invalid' | 'newer';
  /** Where `open` moved an invalid file (with a note beside it saying why). */
  quarantinedTo?: string;
}

/** What opening a workspace found and did. */
export interface OpenResult {
  isDemo: boolean;
  documents: AssessmentDocument[];
  unreadable: UnreadableFile[];
  migrated: number;
  /** Journals and folders that are not the app's own (planted, or symbolic links): quarantined when writable, never followed. */
  refused: RefusedJournal[];
  /** Read-only opens: committed operations another process has yet to finish (shown as finished). */
  pending: number;
}

/** The app's own top-level folders that are symbolic links (or files), moved aside into quarantine. */
export async function quarantineForeignFolders(root: string): Promise<RefusedJournal[]> {
  const refused: RefusedJournal[] = [];
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  // quarantine/ itself first: everything else is moved into it.
  for (const name of [QUARANTINE_DIR, ...OWN_FOLDERS.filter((f) => f !== QUARANTINE_DIR)]) {
    const folder = path.join(root, name);
    const kind = entryKind(folder);
    if (kind === 'missing' || kind === 'folder') continue;
    const reason = `${name}/ is ${kind === 'symlink' ? 'a symbolic link' : 'not a folder'}; the app never follows links out of a workspace`;
    const target = name === QUARANTINE_DIR ? path.join(root, `quarantine-refused.${stamp()}`) : path.join(root, QUARANTINE_DIR, `${name}.${stamp()}`);
    if (name !== QUARANTINE_DIR) await mkdir(path.join(root, QUARANTINE_DIR), { recursive: true });
    await rename(folder, target);
    refused.push({ file: folder, reason: `${reason}; moved to ${target}` });
  }
  return refused;
}

/**
 * Moves an unreadable file into `quarantine/` with a note saying why, when and by which version, so
 * the rest of the workspace opens and nothing is deleted silently.
 */
export async function quarantineFile(root: string, linksDir: string, file: UnreadableFile, appVersion: string, now: () => Date): Promise<string> {
  const dir = path.join(root, QUARANTINE_DIR);
  assertConfined(root, path.join(dir, 'x'));
  await mkdir(dir, { recursive: true });
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file.file)}.${stamp}`);
  await rename(file.file, target);
  await writeFileAtomic(`${target}.note.json`, stableStringify({
    file: path.basename(file.file), reason: file.reason, quarantinedAt: now().toISOString(), by: `Applink Advisor ${appVersion}`,
  }));
  await fsyncDirectory(linksDir);
  return target;
}

/** Removes temp files left by writes a crash cut short; the caller holds the lock, so none is in flight. */
export async function sweepTempFiles(folders: string[]): Promise<void> {
  for (const dir of folders) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith('.') && n.endsWith(TEMP_SUFFIX))) {
      // Only the app's own temp files: a folder (or link) with such a name is left alone and reported by verify.
      if (entryKind(path.join(dir, name)) === 'file') await rm(path.join(dir, name), { force: true });
    }
  }
}

/** Where each link file of pending committed operations stands: its staged content, or deleted. */
export function pendingOverlay(batches: PendingBatch[], linksDir: string): { puts: Map<string, string>; deletes: Set<string> } | null {
  if (batches.length === 0) return null;
  const puts = new Map<string, string>();
  const deletes = new Set<string>();
  const inLinks = (file: string) => (path.dirname(file) === linksDir ? path.basename(file) : null);
  for (const batch of batches) {
    for (const put of batch.puts) {
      const name = inLinks(put.file);
      // A staged file already moved into place was finished before the crash: the file itself is current.
      if (name && entryKind(put.staged) === 'file') puts.set(name, put.staged);
      if (name) deletes.delete(name);
    }
    for (const file of batch.deletes) {
      const name = inLinks(file);
      if (name) {
        deletes.add(name);
        puts.delete(name);
      }
    }
  }
  return { puts, deletes };
}

/**
 * Opens a workspace. A folder opened for the first time is seeded with `seed` (the demo estate) and
 * marked as a demo, so the app explains itself on first launch. Writable: crash recovery, temp files
 * swept, older documents migrated (after a backup), unreadable files quarantined.
 */
export async function openWorkspace(store: WorkspaceStore, seed: Link[], appVersion: string): Promise<OpenResult> {
  // Read-only: another process holds the workspace, so no recovery, seeding, migration or quarantine
  // here; older documents are migrated in memory only, and committed operations the holder has yet to
  // finish are shown as finished.
  if (store.readOnly) {
    const { pending, refused } = inspectTransactions(store.root);
    const { documents, unreadable } = await store.list();
    return { isDemo: (await store.readMeta())?.demo ?? false, documents, unreadable, migrated: 0, refused, pending: pending.length };
  }
  const refused = await store.recoverAgain();
  let meta = await store.readMeta();
  if (!meta) {
    const existing = await store.list();
    const isDemo = existing.documents.length === 0 && existing.unreadable.length === 0 && seed.length > 0;
    if (isDemo) await store.saveMany(seed);
    meta = { format: WORKSPACE_FORMAT, schemaVersion: 1, createdAt: store.now().toISOString(), demo: isDemo };
    await store.writeMeta(meta);
  }
  await sweepTempFiles([store.root, store.linksDir]);
  const { documents, unreadable, migrated } = await store.list();
  if (migrated.length > 0) await migrateFiles(store, migrated);
  for (const file of unreadable) if (file.kind === 'invalid') file.quarantinedTo = await store.quarantine(file, appVersion);
  return { isDemo: meta.demo, documents, unreadable, migrated: migrated.length, refused, pending: 0 };
}

/**
 * Rewrites documents of older schema versions in the current one, all-or-nothing, after a snapshot of
 * the files as they were (so the old version of the app can still be given them back).
 */
async function migrateFiles(store: WorkspaceStore, migrated: AssessmentDocument[]): Promise<void> {
  await store.backups.create(`before migrating ${migrated.length} link${migrated.length === 1 ? '' : 's'} to schema version ${ASSESSMENT_SCHEMA_VERSION}`, true);
  await applyAtomically(store.root, migrated.map((d) => ({ file: store.fileOf(d.link.id), content: stableStringify(d) })));
}
