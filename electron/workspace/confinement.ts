import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { LINK_ID_PATTERN } from '../../shared/model/vocabulary.ts';
import { oneLine } from '../../shared/present/terminalText.ts';

// A workspace folder comes from someone else (removable media, a git clone): every path, name and id
// read from inside it is hostile until proven to be one of the app's own. This module is the one place
// that decides; the store, transactions, backups and history all ask it before they touch a file.

const LINK_ID = LINK_ID_PATTERN.source.slice(1, -1);
/** The workspace-relative files the app itself writes, with `/` separators on every platform. */
const OWN_FILE = new RegExp(`^(?:links/${LINK_ID}\\.json|history/${LINK_ID}/\\d{6,}(?:\\.m)?\\.json)$`);

/** The app's own folders at the top of a workspace: none of them may be a symbolic link. */
export const OWN_FOLDERS = ['links', 'history', 'backups', 'quarantine'] as const;

/** Raised when a path from inside a workspace would lead outside it, or is not one the app writes. */
export class ConfinementError extends OperationError {
  constructor(readonly file: string, readonly reason: string) {
    super('conflict', `${reason}. Nothing was changed; the app never reads or writes outside a workspace.`);
  }
}

/** A workspace-relative path as the app records it (journals): always `/`, whatever the platform. */
export function relativeOf(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

/**
 * Resolves a workspace-relative path read from a file in the workspace (a journal, a manifest) to an
 * absolute path inside `root`, or says why not: absolute paths, `..`, empty or odd segments and any
 * name that is not of `shape` are refused, never resolved.
 */
export function confinedPath(root: string, relative: unknown, shape: RegExp = OWN_FILE): { file: string } | { reason: string } {
  if (typeof relative !== 'string' || relative.length === 0 || relative.length > 512) return { reason: 'names no file' };
  if (path.isAbsolute(relative) || /^[A-Za-z]:/.test(relative) || relative.includes('\\')) return { reason: `names a path outside the workspace (${printable(relative)})` };
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { reason: `names a path outside the workspace (${printable(relative)})` };
  if (!shape.test(relative)) return { reason: `names ${printable(relative)}, which is not a file the app writes` };
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(path.resolve(root) + path.sep)) return { reason: `names a path outside the workspace (${printable(relative)})` };
  return { file };
}

/**
 * Why the folders between `root` and `file` cannot be used, or null: each existing one must be a real
 * folder, not a symbolic link (which would lead a write or a read outside the workspace). Missing ones
 * are fine (they are created as real folders).
 */
export function pathProblem(root: string, file: string): string | null {
  const base = path.resolve(root);
  const relative = path.relative(base, path.resolve(file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return `${file} is outside the workspace`;
  let current = base;
  const segments = relative.split(path.sep);
  for (const [i, segment] of segments.entries()) {
    current = path.join(current, segment);
    const info = lstatQuiet(current);
    if (!info) return null;
    if (info.isSymbolicLink()) return `${current} is a symbolic link; the app never follows links out of a workspace`;
    if (i < segments.length - 1 && !info.isDirectory()) return `${current} is not a folder`;
  }
  return null;
}

/** Throws a ConfinementError when `pathProblem` finds one. */
export function assertConfined(root: string, file: string): void {
  const problem = pathProblem(root, file);
  if (problem) throw new ConfinementError(file, problem);
}

/** What kind of entry a name in a workspace folder is, without following symbolic links. */
export function entryKind(file: string): 'file' | 'folder' | 'symlink' | 'other' | 'missing' {
  const info = lstatQuiet(file);
  if (!info) return 'missing';
  if (info.isSymbolicLink()) return 'symlink';
  if (info.isFile()) return 'file';
  return info.isDirectory() ? 'folder' : 'other';
}

function lstatQuiet(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Text from a hostile file, safe to put in a message: quoted, on one line, control characters escaped, length bounded. */
export function printable(text: string, max = 120): string {
  return `"${oneLine(text.length > max ? `${text.slice(0, max)}…` : text)}"`;
}

/** A workspace file the app refuses to read (a link, not a regular file, too large): the message says which. */
export class RefusedFileError extends Error {}

/** The largest document the app writes (a link with long notes and pasted evidence is well under it). */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/**
 * Reads a file from a workspace: never through a symbolic link, never blocking on a FIFO, and only a
 * regular file of at most `maxBytes` (checked on the open file, before reading). Throws an error whose
 * message says which of these it is not (a RefusedFileError).
 */
export function readWorkspaceFileSync(file: string, maxBytes = MAX_DOCUMENT_BYTES): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new RefusedFileError('is a symbolic link; the app never follows links out of a workspace');
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new RefusedFileError('is not a regular file');
    if (info.size > maxBytes) throw new RefusedFileError(`is larger than ${Math.round(maxBytes / 1024 / 1024)} MB, more than any file the app writes; it was not read`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
