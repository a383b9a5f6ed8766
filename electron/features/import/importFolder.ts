import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFile } from '../../../shared/import/buildImport.ts';
import { OperationError } from '../../../shared/contract/operationError.ts';
import { groupFolderFiles } from '../../../shared/import/folderGroups.ts';
import { readImportFiles } from './importService.ts';

/** More files than this in the folders of one import is refused rather than read. */
export const MAX_FOLDER_FILES = 20_000;

const IMPORTABLE = /\.(json|csv)$/i;

/** A file found in a folder: where it is, and the name the import shows and the flags use. */
export interface FolderFile {
  path: string;
  /** Relative to the folder's parent, with `/`: `applinks-export/jira.example.com/manifest.json`. */
  name: string;
  /** The server it came from: the nearest folder holding a manifest (see docs/import.md). */
  group: string;
}

/**
 * The export files in a folder and its subfolders (.json and .csv; hidden entries and links skipped),
 * each grouped by server: a file named with a server prefix (`jira.status.<id>.json`) by that prefix,
 * any other by the nearest folder, itself or above it up to `dir`, that holds a manifest — so the
 * collector's `OUT_DIR/<host>/…` and any deeper arrangement group by server.
 */
export async function listImportFolder(dir: string): Promise<{ files: FolderFile[]; ignored: string[] }> {
  const root = path.resolve(dir);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new OperationError('not-found', `${dir}: cannot be read (${error.code ?? error.message}).`);
  });
  const hidden = (full: string) => path.relative(root, full).split(path.sep).some((part) => part.startsWith('.'));
  const found: string[] = [];
  const ignored: string[] = [];
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || hidden(full)) continue;
    (IMPORTABLE.test(entry.name) ? found : ignored).push(full);
  }
  if (found.length > MAX_FOLDER_FILES) throw new OperationError('invalid-argument', `${dir} holds ${found.length} export files; import at most ${MAX_FOLDER_FILES} at a time (one folder per estate).`);
  found.sort();
  const base = path.dirname(root);
  const relative = (full: string) => path.relative(base, full).split(path.sep).join('/');
  const names = found.map(relative);
  const groups = groupFolderFiles(names);
  const files = found.map((full, i) => ({ path: full, name: names[i]!, group: groups[i]! }));
  return { files, ignored: ignored.map(relative) };
}

/**
 * Reads import inputs given as files or folders: a file as `readImportFiles` reads it, a folder through
 * `listImportFolder` (each file named by its path from the folder, grouped by server).
 */
export async function readImportInputs(inputs: readonly string[]): Promise<{ files: ImportFile[]; ignored: string[] }> {
  const files: ImportFile[] = [];
  const ignored: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(...(await readImportFiles([input])));
      continue;
    }
    const listed = await listImportFolder(input);
    ignored.push(...listed.ignored);
    const read = await readImportFiles(listed.files.map((f) => f.path));
    files.push(...read.map((file, i) => ({ ...file, name: listed.files[i]!.name, group: listed.files[i]!.group })));
  }
  return { files, ignored };
}
