import path from 'node:path';
import { WORKSPACE_META_FILE } from '../../shared/model/workspaceMeta.ts';
import { entryKind, OWN_FOLDERS } from './confinement.ts';
import { inspectTransactions } from './transaction.ts';
import { LOCK_FILE, lockHolder } from './lock.ts';
import type { WorkspaceStore } from './store.ts';

/** One thing `workspace verify` found wrong, with the file it is about. */
export interface VerifyProblem {
  file: string;
  reason: string;
  /** What it is about: a link document, a history entry, or the rest of the folder (journals, backups, links). */
  area: 'document' | 'history' | 'workspace';
}

/** What a read-only check of a workspace found. */
export interface VerifyReport {
  healthy: number;
  /** Documents of an older schema version (migrated when the workspace is next opened for writing). */
  older: number;
  problems: VerifyProblem[];
}

/**
 * Checks a workspace without changing anything: every document and history entry, the snapshots under
 * backups/, crash journals (planted ones and interrupted saves), and symbolic links where the app keeps
 * its own files. Everything the app would refuse, quarantine or finish on the next writable open is a
 * problem here.
 */
export async function verifyWorkspace(store: WorkspaceStore): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  for (const name of OWN_FOLDERS.filter((f) => f !== 'links' && f !== 'history' && f !== 'backups')) {
    const file = path.join(store.root, name);
    const kind = entryKind(file);
    if (kind !== 'folder' && kind !== 'missing') problems.push({ file, reason: `is ${kind === 'symlink' ? 'a symbolic link' : 'not a folder'}; the app never follows links out of a workspace`, area: 'workspace' });
  }
  const meta = path.join(store.root, WORKSPACE_META_FILE);
  const metaKind = entryKind(meta);
  if (metaKind !== 'file' && metaKind !== 'missing') problems.push({ file: meta, reason: `is ${metaKind === 'symlink' ? 'a symbolic link' : 'not a regular file'}; the workspace cannot be opened until it is removed`, area: 'workspace' });
  const lock = await lockHolder(store.root);
  if (lock && 'foreign' in lock) problems.push({ file: path.join(store.root, LOCK_FILE), reason: `${lock.foreign}: not a lock this app wrote; the workspace stays read-only until it is removed`, area: 'workspace' });
  const transactions = inspectTransactions(store.root);
  for (const refused of transactions.refused) problems.push({ file: refused.file, reason: refused.reason, area: 'workspace' });
  for (const batch of transactions.pending) {
    problems.push({ file: path.join(store.root, `${batch.name}.journal.json`), reason: `an interrupted save of ${batch.puts.length + batch.deletes.length} file(s) was committed but not finished; it is finished when the workspace is next opened for writing (shown here as finished)`, area: 'workspace' });
  }
  const { documents, unreadable, migrated } = await store.list();
  problems.push(...unreadable.map(({ file, reason }) => ({ file, reason, area: 'document' as const })));
  problems.push(...(await store.history.verify()).map((p) => ({ ...p, area: 'history' as const })));
  problems.push(...(await store.backups.scan()).problems.map((p) => ({ ...p, area: 'workspace' as const })));
  return { healthy: documents.length, older: migrated.length, problems };
}
