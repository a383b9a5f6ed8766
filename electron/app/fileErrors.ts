const PLAIN: Record<string, string> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is used up',
  EROFS: 'The disk is read-only',
  EACCES: 'Permission denied',
  EPERM: 'The operating system refused the change',
  EISDIR: 'A folder is in the way of a file',
  EMFILE: 'Too many files are open',
  EIO: 'The disk reported an input/output error',
};

/**
 * A file-system failure in plain English, naming the file and saying that what was saved before is
 * intact (every write is atomic, so a failed one changes nothing). Null for other errors.
 */
export function describeFileError(error: unknown): string | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !(code in PLAIN)) return null;
  return `${PLAIN[code]}${path ? ` (${path})` : ''}: the change was not saved, and what was saved before is unchanged. [${code}]`;
}

const INPUT: Record<string, string> = {
  ENOENT: 'does not exist',
  ENOTDIR: 'is not reachable: a file is in the way of a folder on its path',
  EISDIR: 'is a folder, not a file',
  EEXIST: 'already exists',
  ELOOP: 'leads through too many symbolic links',
  ENAMETOOLONG: 'is a name too long for this system',
};

/**
 * A failure caused by a path the user gave (missing, a file where a folder should be…), in plain words
 * naming the path. Null for other errors (see `describeFileError` for the machine's failures).
 */
export function describePathError(error: unknown): string | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !(code in INPUT)) return null;
  return `${path ?? 'A path you gave'} ${INPUT[code]}: check the path and try again. Nothing was changed. [${code}]`;
}
