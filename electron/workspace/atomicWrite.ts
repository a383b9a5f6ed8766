import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Suffix of in-flight temp files; the store never loads a file with it. */
export const TEMP_SUFFIX = '.tmp';

/** Makes a folder's entries (renames, deletions) durable. */
export async function fsyncDirectory(directory: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

// A write error from a file handle names no file; say which one the user was saving.
function naming(error: unknown, target: string): unknown {
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno === 'object' && errno.code) errno.path = target;
  return error;
}

/**
 * Writes a file so that a crash at any instant leaves either the old or the new content:
 * temp file in the same folder, fsync, rename over the target, fsync the folder.
 * (write-file-atomic does not fsync the folder, so the rename itself could be lost on power cut.)
 * `syncDirectory: false` skips that last fsync, for files whose loss on a power cut is repaired
 * elsewhere (history entries): the content is still never torn, and a process crash loses nothing.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array, options: { syncDirectory?: boolean } = {}): Promise<void> {
  const directory = path.dirname(target);
  const temp = path.join(directory, `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600).catch((error: unknown) => {
    throw naming(error, target);
  });
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw naming(error, target);
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (options.syncDirectory !== false) await fsyncDirectory(directory);
}
