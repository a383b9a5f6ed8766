import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { OperationError } from '../../shared/contract/operationError.ts';

/** Files larger than this are refused before they are read (a bundle of 10,000 links is far smaller). */
export const MAX_INPUT_FILE_BYTES = 200 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const WHY: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many files are open',
};

function unreadable(file: string, error: unknown): OperationError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new OperationError('not-found', code ? `${file}: cannot be read (${code}): ${WHY[code] ?? (error as Error).message}.` : `${file}: cannot be read: ${(error as Error).message}.`);
}

/**
 * The size of an input file, checked against a limit before anything is read: a clear error naming the
 * file, its size and the limit; or for a missing file, a folder or a device.
 */
export async function inputFileSize(file: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<number> {
  const info = await stat(file).catch((error: unknown) => {
    throw unreadable(file, error);
  });
  if (!info.isFile()) throw new OperationError('invalid-argument', `${file}: not a file (${info.isDirectory() ? 'it is a folder' : 'it is a device or a pipe'}); choose a file.`);
  if (info.size > maxBytes) throw new OperationError('invalid-argument', `${file}: ${megabytes(info.size)}, more than the ${megabytes(maxBytes)} limit for this kind of file; it was not read.`);
  return info.size;
}

/** A file's bytes, refused unread when it is larger than `maxBytes` (and if it grows past it while read). */
export async function readInputBytes(file: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<Buffer> {
  await inputFileSize(file, maxBytes);
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw unreadable(file, error);
  });
  try {
    // Sized from the open file itself, so a file swapped after the check above is measured again.
    const info = await handle.stat();
    if (!info.isFile() || info.size > maxBytes) throw new OperationError('invalid-argument', `${file}: changed while being read, or larger than the ${megabytes(maxBytes)} limit; it was not read.`);
    const buffer = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < info.size) {
      const { bytesRead } = await handle.read(buffer, filled, info.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const { bytesRead: more } = await handle.read(Buffer.alloc(1), 0, 1, filled);
    if (filled < info.size || more > 0) throw new OperationError('invalid-argument', `${file}: changed while being read; read it again when nothing is writing it.`);
    return buffer;
  } finally {
    await handle.close();
  }
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** The offset of the first byte that is not valid UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// UTF-16 text without a byte-order mark: mostly ASCII, so every other byte is zero.
function utf16Without(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= odd / 4) return 'little-endian';
  if (even >= pairs * 0.3 && odd <= even / 4) return 'big-endian';
  return null;
}

const lineOf = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/**
 * A file's bytes as text, the same way in every command: a UTF-8 byte-order mark is dropped; UTF-16 and
 * UTF-32 (with or without a mark) are named as such; any byte that is not UTF-8 is refused with its offset
 * and line (never turned into U+FFFD); a NUL byte means it is not a text file.
 */
export function decodeInputText(bytes: Uint8Array, file: string): string {
  const refuse = (message: string) => new OperationError('invalid-argument', `${file}: ${message}`);
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) throw refuse('saved as UTF-32; save it as UTF-8.');
  if (starts(0xff, 0xfe)) throw refuse('saved as UTF-16 (little-endian); save it as UTF-8.');
  if (starts(0xfe, 0xff)) throw refuse('saved as UTF-16 (big-endian); save it as UTF-8.');
  const bom = starts(0xef, 0xbb, 0xbf) ? 3 : 0;
  const body = bytes.subarray(bom);
  const utf16 = utf16Without(body);
  if (utf16) throw refuse(`saved as UTF-16 (${utf16}, without a byte-order mark); save it as UTF-8.`);
  const nul = body.indexOf(0);
  if (nul >= 0) throw refuse(`not a text file: a NUL byte at offset ${nul + bom} (line ${lineOf(bytes, nul + bom)}).`);
  if (!isUtf8(body)) {
    const at = Math.max(0, firstInvalidUtf8(body)) + bom;
    throw refuse(`not UTF-8 text: the byte ${hex(bytes[at]!)} at offset ${at} (line ${lineOf(bytes, at)}) is not valid UTF-8 — the file may be saved as Windows-1252 or Latin-1; save it as UTF-8.`);
  }
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

/** A text file read within a size limit and decoded as UTF-8 (see decodeInputText). */
export async function readInputText(file: string, maxBytes = MAX_INPUT_FILE_BYTES): Promise<string> {
  return decodeInputText(await readInputBytes(file, maxBytes), file);
}
