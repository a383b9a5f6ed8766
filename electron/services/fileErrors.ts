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
