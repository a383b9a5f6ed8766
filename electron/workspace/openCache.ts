import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { writeFileAtomic } from './atomicWrite.ts';

const FORMAT = 'applink-advisor.open-cache';

/** A file's identity on disk: inode, size and modification time in nanoseconds. Any write changes it. */
export type FileKey = string;

interface CacheFile {
  format: typeof FORMAT;
  schemaVersion: number;
  root: string;
  entries: Record<string, [FileKey, AssessmentDocument]>;
}

/**
 * The documents a workspace held when it was last opened, validated, keyed by each file's identity.
 * Opening reads a file again only when its identity changed, so a large workspace opens without
 * reading and validating every file. It is only a cache: kept outside the workspace (in the user-data
 * folder, so it never ends up in a git repository or on removable media), ignored when unreadable or
 * written for another schema version, and safe to delete.
 */
export class OpenCache {
  readonly file: string;
  /** The entries last read or written, and the identity the cache file had then: reading 10,000 entries again took ~130 ms per open. */
  private memo: { identity: string; entries: Map<string, [FileKey, AssessmentDocument]> } | null = null;

  constructor(cacheDir: string, private readonly root: string, private readonly schemaVersion: number) {
    this.file = path.join(cacheDir, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.json`);
  }

  load(): Map<string, [FileKey, AssessmentDocument]> {
    const identity = this.identity();
    if (this.memo && identity !== null && this.memo.identity === identity) return this.memo.entries;
    this.memo = null;
    try {
      const cache = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (cache.format !== FORMAT || cache.schemaVersion !== this.schemaVersion || cache.root !== path.resolve(this.root)) return new Map();
      const entries = new Map(Object.entries(cache.entries));
      if (identity !== null) this.memo = { identity, entries };
      return entries;
    } catch {
      return new Map();
    }
  }

  async save(entries: Map<string, [FileKey, AssessmentDocument]>): Promise<void> {
    const cache: CacheFile = { format: FORMAT, schemaVersion: this.schemaVersion, root: path.resolve(this.root), entries: Object.fromEntries(entries) };
    await mkdir(path.dirname(this.file), { recursive: true });
    this.memo = null;
    await writeFileAtomic(this.file, JSON.stringify(cache));
    const identity = this.identity();
    if (identity !== null) this.memo = { identity, entries };
  }

  // The cache file's inode, size and modification time: another process rewriting it changes them.
  private identity(): string | null {
    try {
      const stat = statSync(this.file, { bigint: true });
      return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    } catch {
      return null;
    }
  }
}
