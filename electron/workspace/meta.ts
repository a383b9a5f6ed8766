import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { WORKSPACE_META_FILE, workspaceMetaSchema, type WorkspaceMeta } from '../../shared/model/workspaceMeta.ts';
import { entryKind, readWorkspaceFileSync } from './confinement.ts';
import { messageOf } from '../../shared/model/messageOf.ts';

export function metaFileOf(root: string): string {
  return path.join(root, WORKSPACE_META_FILE);
}

/** The workspace's own description, or null for a folder never opened before. */
export async function readWorkspaceMeta(root: string): Promise<WorkspaceMeta | null> {
  const metaFile = metaFileOf(root);
  const kind = entryKind(metaFile);
  if (kind !== 'file' && kind !== 'missing') throw new OperationError('conflict', `${metaFile} is a symbolic link or not a file; the app never follows links out of a workspace.`);
  try {
    return workspaceMetaSchema.parse(JSON.parse(readWorkspaceFileSync(metaFile, 1024 * 1024)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OperationError('conflict', `${metaFile} is not a valid workspace description: ${messageOf(error)}`);
  }
}
