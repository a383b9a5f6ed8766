import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { entryKind } from './confinement.ts';
import { LOCK_FILE, lockHolder, type LockOwner } from './lock.ts';
import { QUARANTINE_DIR } from './opening.ts';
import type { WorkspaceStore } from './store.ts';

/** What `workspace info` says of a workspace: read-only, nothing recovered or changed. */
export interface WorkspaceDescription {
  root: string;
  links: number;
  unreadable: number;
  /** Files moved aside into the quarantine folder (their notes not counted). */
  quarantined: number;
  demo: boolean;
  /** When the app first opened the folder; null for a folder the app has not opened yet. */
  createdAt: string | null;
  lock: { state: 'free' } | ({ state: 'held' } & LockOwner) | { state: 'foreign'; file: string; problem: string };
}

export async function describeWorkspace(store: WorkspaceStore): Promise<WorkspaceDescription> {
  const { documents, unreadable } = await store.list();
  const meta = await store.readMeta().catch(() => null);
  const holder = await lockHolder(store.root);
  const quarantine = path.join(store.root, QUARANTINE_DIR);
  const quarantined = entryKind(quarantine) === 'folder' ? (await readdir(quarantine)).filter((f) => !f.endsWith('.note.json')).length : 0;
  const lock: WorkspaceDescription['lock'] = !holder ? { state: 'free' } : 'foreign' in holder ? { state: 'foreign', file: LOCK_FILE, problem: holder.foreign } : { state: 'held', ...holder };
  return { root: store.root, links: documents.length, unreadable: unreadable.length, quarantined, demo: meta?.demo ?? false, createdAt: meta?.createdAt ?? null, lock };
}
