import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { OperationError } from '../../shared/contract/operationError.ts';
import { ASSESSMENT_SCHEMA_VERSION, type AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import type { BackupInfo } from '../../shared/model/backupInfo.ts';
import { nextDocument, type LinkContent } from '../../shared/model/documentText.ts';
import type { HistoryEntry } from '../../shared/model/historyEntry.ts';
import { blankLink, LINK_ID_PATTERN, type Link } from '../../shared/model/link.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { WORKSPACE_FORMAT, type WorkspaceMeta } from '../../shared/model/workspaceMeta.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { Backups } from './backups.ts';
import { assertConfined, entryKind } from './confinement.ts';
import { LinkHistory, type SaveContext } from './history.ts';
import { LinkQueue } from './linkQueue.ts';
import { metaFileOf, readWorkspaceMeta } from './meta.ts';
import { OpenCache } from './openCache.ts';
import { describeWorkspace, type WorkspaceDescription } from './describe.ts';
import { openWorkspace, pendingOverlay, QUARANTINE_DIR, quarantineFile, quarantineForeignFolders, type OpenResult, type UnreadableFile } from './opening.ts';
import { readDocumentFile, readLinkFiles } from './readLinks.ts';
import { statesAt, statesInBackup } from './timeline.ts';
import { applyAtomically, inspectTransactions, recoverTransactions, type FileChange, type RefusedJournal } from './transaction.ts';

export type { LinkContent } from '../../shared/model/documentText.ts';
export { QUARANTINE_DIR, type OpenResult, type UnreadableFile } from './opening.ts';

/**
 * A workspace folder holding one JSON document per link assessment in `links/<id>.json`.
 * Every write is atomic; the content is serialised with sorted keys so unchanged data re-saves byte-identical.
 */
export class WorkspaceStore {
  readonly linksDir: string;

  /** Set when another process holds the workspace: every write is refused with this message. */
  private readOnlyReason: string | null = null;

  /** Crash recovery of this folder, run once before the first write (and by a writable `open`). */
  private recovery: Promise<RefusedJournal[]> | null = null;

  readonly backups: Backups;
  readonly history: LinkHistory;

  /** Validated documents of the last open, so an unchanged file is not read again (see openCache.ts). */
  private readonly cache: OpenCache | null;
  private cacheWrite: Promise<void> = Promise.resolve();

  /** Waits for background work (the open cache being rewritten): before quitting or switching folders. */
  async settle(): Promise<void> {
    await this.cacheWrite;
  }

  /** `cacheDir`: where to keep the open cache (the user-data folder); none, and every open reads every file. */
  constructor(readonly root: string, readonly now: () => Date = () => new Date(), cacheDir?: string) {
    this.cache = cacheDir ? new OpenCache(cacheDir, root, ASSESSMENT_SCHEMA_VERSION) : null;
    this.linksDir = path.join(root, 'links');
    this.backups = new Backups(root, now);
    this.history = new LinkHistory(root);
  }

  /**
   * Makes the workspace's links exactly those of a snapshot, all-or-nothing, after a safety snapshot of
   * the current state (so a restore can itself be undone). Snapshot files of older schema versions are
   * migrated; a snapshot with a file that cannot be read is refused before anything changes.
   */
  async restoreBackup(id: string) {
    await this.ready();
    const { info, states: contents } = await this.statesInBackup(id).catch((error: unknown) => {
      throw error instanceof OperationError ? new OperationError(error.code, `${error.message} Nothing was changed.`) : error;
    });
    const safety = await this.backups.create(`before restoring ${id}`, true);
    const keep = new Set(contents.map((c) => c.link.id));
    const current = (await this.list()).documents.map((d) => d.link.id);
    await this.commit(contents, current.filter((linkId) => !keep.has(linkId)), { event: `restored from backup ${id}` });
    return { restored: info, safety };
  }

  /** Refuses writes from now on, saying why (the workspace lock is held elsewhere). */
  setReadOnly(reason: string | null): void {
    this.readOnlyReason = reason;
  }

  get readOnly(): string | null {
    return this.readOnlyReason;
  }

  private assertWritable(): void {
    if (this.readOnlyReason) throw new OperationError('conflict', this.readOnlyReason);
  }

  /**
   * Before anything is written: the app's own folders must be real folders (a symbolic link planted in
   * their place is moved to quarantine), and interrupted operations are finished or undone, so a write
   * never lands on a torn state and an old journal can never replay over it later.
   */
  private ready(): Promise<RefusedJournal[]> {
    this.assertWritable();
    this.recovery ??= (async () => {
      const folders = await quarantineForeignFolders(this.root);
      const { refused } = await recoverTransactions(this.root, path.join(this.root, QUARANTINE_DIR));
      return [...folders, ...refused];
    })();
    return this.recovery;
  }

  /** The file of a link; an id that could name another path is refused. */
  fileOf(id: string): string {
    if (!LINK_ID_PATTERN.test(id)) throw new OperationError('invalid-argument', `"${id}" is not a valid link id.`);
    return path.join(this.linksDir, `${id}.json`);
  }

  /** Reads every assessment; files that cannot be read are reported, never deleted. */
  async list(): Promise<{ documents: AssessmentDocument[]; unreadable: UnreadableFile[]; migrated: AssessmentDocument[] }> {
    // Committed operations not yet finished (another process holds the workspace, or it crashed): shown
    // as finished, so a reader never sees a torn state. A writer has finished them already (ready()).
    const overlay = () => (this.recovery ? null : pendingOverlay(inspectTransactions(this.root).pending, this.linksDir));
    const { documents, unreadable, migrated, nextCache, stale } = await readLinkFiles(this.linksDir, overlay, this.cache ? this.cache.load() : null);
    // Rewrite the cache only when it was stale (a changed, new or removed file), after the open has
    // answered: it is only a cache, and a lost write just means more reading next time.
    const cache = this.cache;
    if (cache && stale) {
      this.cacheWrite = new Promise<void>((resolve) => setImmediate(() => void cache.save(nextCache).catch(() => undefined).finally(resolve)));
    }
    return { documents, unreadable, migrated };
  }

  /**
   * Moves an unreadable file into `quarantine/` with a note saying why, when and by which version, so
   * the rest of the workspace opens and nothing is deleted silently.
   */
  async quarantine(file: UnreadableFile, appVersion: string): Promise<string> {
    await this.ready();
    return quarantineFile(this.root, this.linksDir, file, appVersion, this.now);
  }

  /** The stored document of one link, or null. */
  async get(id: string): Promise<AssessmentDocument | null> {
    const file = this.fileOf(id);
    const overlay = this.recovery ? null : pendingOverlay(inspectTransactions(this.root).pending, this.linksDir);
    if (overlay?.deletes.has(path.basename(file))) return null;
    const staged = overlay?.puts.get(path.basename(file));
    if (!staged && entryKind(file) !== 'file') return null;
    const result = (() => { try { return readDocumentFile(staged ?? file); } catch { return null; } })();
    return result && 'document' in result ? result.document : null;
  }

  /** Read-modify-write operations on one link, one after another. */
  private readonly queue = new LinkQueue();

  /** The document to store for new content (see nextDocument), stamped now. */
  private buildDocument(content: LinkContent, existing: AssessmentDocument | null): { document: AssessmentDocument; changed: boolean } {
    return nextDocument(content, existing, this.now().toISOString(), () => this.history.latestRevision(content.link.id));
  }

  private async write(content: LinkContent, context: SaveContext = {}): Promise<AssessmentDocument> {
    await this.ready();
    const file = this.fileOf(content.link.id);
    assertConfined(this.root, file);
    const existing = await this.get(content.link.id);
    const { document, changed } = this.buildDocument(content, existing);
    await mkdir(this.linksDir, { recursive: true });
    if (changed && existing && this.history.latestRevision(existing.link.id) < existing.revision) await this.history.record(existing, null);
    // The document and its history entry are written side by side, so their fsyncs overlap; both are
    // durable before the save is acknowledged. A crash between the two is harmless either way (see history.ts).
    await Promise.all([writeFileAtomic(file, stableStringify(document)), changed ? this.history.record(document, existing, context) : null]);
    return document;
  }

  /** Saves a link, keeping its creation time and checklist progress; returns what is now on disk. */
  save(link: Link): Promise<AssessmentDocument> {
    return this.queue.run(link.id, () => this.write({ link }));
  }

  /**
   * Applies a change to the stored document of one link (read, change, write as one step).
   * `change` returns the new link and checklist states.
   */
  update(id: string, change: (document: AssessmentDocument) => { link: Link; checklists: AssessmentDocument['checklists'] }, context: SaveContext = {}): Promise<AssessmentDocument> {
    return this.queue.run(id, async () => {
      const existing = await this.get(id);
      if (!existing) throw new OperationError('not-found', `There is no link "${id}" in this workspace.`);
      const next = change(existing);
      return this.write({ link: next.link, checklists: next.checklists }, context);
    });
  }

  /** Creates a new link with only a name and a fresh id. */
  async create(name: string): Promise<AssessmentDocument> {
    return this.save(blankLink(randomUUID(), name));
  }

  /**
   * Writes many links and deletes others as one all-or-nothing step, history entries included: after a
   * crash either all of it happened or none of it.
   */
  private async commit(contents: LinkContent[], deleteIds: string[], context: SaveContext = {}): Promise<AssessmentDocument[]> {
    const documents: AssessmentDocument[] = [];
    const changes: FileChange[] = [];
    const touched: string[] = [];
    for (const content of contents) {
      const existing = await this.get(content.link.id);
      const { document, changed } = this.buildDocument(content, existing);
      documents.push(document);
      changes.push({ file: this.fileOf(document.link.id), content: stableStringify(document) });
      if (changed) {
        // The state being replaced has no entry yet (migrated, or its entry lost to a crash): keep it too.
        if (existing && this.history.latestRevision(existing.link.id) < existing.revision) changes.push(this.history.entryChange(existing, null));
        changes.push(this.history.entryChange(document, existing, context));
        touched.push(document.link.id);
      }
    }
    for (const id of deleteIds) if (entryKind(this.fileOf(id)) !== 'missing') changes.push({ file: this.fileOf(id), delete: true });
    if (changes.length > 0) await applyAtomically(this.root, changes);
    for (const id of touched) await this.history.prune(id);
    return documents;
  }

  /** Saves several links all-or-nothing: after a crash either every one is saved or none is. */
  async saveMany(links: Link[], context: SaveContext = {}): Promise<AssessmentDocument[]> {
    await this.ready();
    await this.backups.createBeforeChange(`before saving ${links.length} links at once`);
    return this.commit(links.map((link) => ({ link })), [], context);
  }

  /**
   * Writes whole link contents (checklists included) and deletes links as one all-or-nothing step,
   * after a snapshot: bundle merges and other operations on many links.
   */
  async replaceMany(contents: LinkContent[], deleteIds: string[], reason: string, context: SaveContext): Promise<{ documents: AssessmentDocument[]; backup: BackupInfo | null }> {
    await this.ready();
    const backup = await this.backups.createBeforeChange(reason);
    return { documents: await this.commit(contents, deleteIds, context), backup };
  }

  /** Deletes links all-or-nothing; returns how many existed. Their history stays, for "what changed since". */
  async delete(ids: string[]): Promise<number> {
    await this.ready();
    const files = ids.map((id) => this.fileOf(id)).filter((file) => entryKind(file) !== 'missing');
    if (files.length > 0) await this.backups.createBeforeChange(`before deleting ${files.length} link${files.length === 1 ? '' : 's'}`);
    if (files.length > 0) await applyAtomically(this.root, files.map((file) => ({ file, delete: true as const })));
    return files.length;
  }

  /** Every kept state of one link, oldest first, the current one last. */
  async historyOf(id: string): Promise<HistoryEntry[]> {
    this.fileOf(id);
    return this.history.entries(id, await this.get(id));
  }

  /** The links as they were at a moment (see timeline.ts). */
  async statesAt(date: string): Promise<LinkContent[]> {
    return statesAt((await this.list()).documents, this.history, date);
  }

  /** The links of a snapshot, migrated to the current schema; a file that cannot be read is named. */
  statesInBackup(id: string): Promise<{ info: BackupInfo; states: LinkContent[] }> {
    return statesInBackup(this.backups, id);
  }

  /** Links, problems, quarantine and lock, as `workspace info` shows them. Read-only. */
  describe(): Promise<WorkspaceDescription> {
    return describeWorkspace(this);
  }

  /** The workspace's own description, or null for a folder never opened before. */
  readMeta(): Promise<WorkspaceMeta | null> {
    return readWorkspaceMeta(this.root);
  }

  async writeMeta(meta: WorkspaceMeta): Promise<void> {
    await this.ready();
    await mkdir(this.root, { recursive: true });
    await writeFileAtomic(metaFileOf(this.root), stableStringify(meta));
  }

  /** Opens the workspace as the app does (see openWorkspace in opening.ts). */
  open(seed: Link[], appVersion = 'unknown'): Promise<OpenResult> {
    return openWorkspace(this, seed, appVersion);
  }

  /** Runs crash recovery again (opening always does: another writer may have crashed since). */
  recoverAgain(): Promise<RefusedJournal[]> {
    this.recovery = null;
    return this.ready();
  }

  /** Removes every link and clears the demo mark: the user's own, empty workspace. */
  async startEmpty(): Promise<number> {
    const { documents } = await this.list();
    const removed = await this.delete(documents.map((d) => d.link.id));
    const meta = await this.readMeta();
    await this.writeMeta({ format: WORKSPACE_FORMAT, schemaVersion: 1, createdAt: meta?.createdAt ?? this.now().toISOString(), demo: false });
    return removed;
  }
}
