import { readdirSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { HISTORY_KEPT, HISTORY_SCHEMA_VERSION, historyEntrySchema, type HistoryEntry } from '../../shared/model/historyEntry.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { TEMP_SUFFIX, writeFileAtomic } from './atomicWrite.ts';
import type { FileChange } from './transaction.ts';
import { assertConfined, entryKind, readWorkspaceFileSync } from './confinement.ts';

const readJsonQuiet = (file: string): unknown => {
  try {
    return JSON.parse(readWorkspaceFileSync(file));
  } catch {
    return null;
  }
};
import { LINK_ID_PATTERN } from '../../shared/model/vocabulary.ts';
import { messageOf } from '../../shared/model/messageOf.ts';

export const HISTORY_DIR = 'history';
// <revision>.json, or <revision>.m.json for a milestone (kept however long the history grows).
// Nine digits at most: a revision is a small safe integer, whatever a planted file name says.
const ENTRY_FILE = /^(\d{6,9})(\.m)?\.json$/;
const revisionOf = (name: string) => Number(ENTRY_FILE.exec(name)?.[1] ?? 0);

/** Why a save happened, when it was not an ordinary edit. */
export interface SaveContext {
  event?: string;
}

/**
 * The saved states of each link, one small file per revision under `history/<link id>/`. The current
 * document is the truth; its entry is written alongside it. After a crash between the two, `entries`
 * adds the current document when its entry is missing and hides an entry whose document never landed;
 * the next save numbers itself past both, so no revision number is reused.
 */
export class LinkHistory {
  constructor(readonly root: string) {}

  private dirOf(id: string): string {
    return path.join(this.root, HISTORY_DIR, id);
  }

  /** The entry files of a link, if its folder is a real folder: symbolic links are never followed. */
  private async entryNames(id: string): Promise<string[]> {
    if (entryKind(path.join(this.root, HISTORY_DIR)) !== 'folder' || entryKind(this.dirOf(id)) !== 'folder') return [];
    const entries = await readdir(this.dirOf(id), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile() && ENTRY_FILE.test(e.name)).map((e) => e.name).sort();
  }

  /** The highest revision recorded for a link (0 when none): a restored or re-created link continues after it. */
  latestRevision(id: string): number {
    let names: string[];
    if (entryKind(this.dirOf(id)) !== 'folder') return 0;
    try {
      names = readdirSync(this.dirOf(id));
    } catch {
      return 0;
    }
    return names.reduce((max, name) => Math.max(max, revisionOf(name)), 0);
  }

  /** The history entry recording `document`, as a file change for a save or a transaction. */
  entryChange(document: AssessmentDocument, previous: AssessmentDocument | null, context: SaveContext = {}): FileChange {
    const milestone = closedChecklists(document, previous);
    const entry: HistoryEntry = {
      schemaVersion: HISTORY_SCHEMA_VERSION, revision: document.revision, savedAt: document.updatedAt, link: document.link,
      ...(document.checklists ? { checklists: document.checklists } : {}),
      ...(context.event ? { event: context.event } : {}),
      ...(milestone ? { milestone } : {}),
    };
    const name = `${String(document.revision).padStart(6, '0')}${milestone ? '.m' : ''}.json`;
    return { file: path.join(this.dirOf(document.link.id), name), content: stableStringify(entry) };
  }

  async record(document: AssessmentDocument, previous: AssessmentDocument | null, context: SaveContext = {}): Promise<void> {
    const change = this.entryChange(document, previous, context);
    if ('delete' in change) return;
    assertConfined(this.root, change.file);
    await mkdir(path.dirname(change.file), { recursive: true });
    // No folder fsync: on a power cut the entry may be lost, never torn, and the store records the
    // state again before the next save (see WorkspaceStore.write). Keeps one fsync off every save.
    await writeFileAtomic(change.file, change.content, { syncDirectory: false });
    await this.prune(document.link.id);
  }

  /** Drops the oldest ordinary entries beyond `HISTORY_KEPT`; milestones stay. */
  async prune(id: string): Promise<void> {
    if (entryKind(this.dirOf(id)) !== 'folder') return;
    const all = await readdir(this.dirOf(id)).catch(() => [] as string[]);
    // Temp files of writes cut short by a crash (the only writer holds the workspace lock).
    for (const name of all.filter((n) => n.startsWith('.') && n.endsWith(TEMP_SUFFIX))) {
      // Only files: a folder with a temp file's name was not left by the app.
      if (entryKind(path.join(this.dirOf(id), name)) === 'file') await rm(path.join(this.dirOf(id), name), { force: true });
    }
    const names = all.filter((n) => ENTRY_FILE.test(n) && !n.includes('.m.'));
    if (names.length <= HISTORY_KEPT) return;
    // By number: 1000000.json is newer than 999999.json.
    names.sort((x, y) => revisionOf(x) - revisionOf(y));
    for (const name of names.slice(0, names.length - HISTORY_KEPT)) await rm(path.join(this.dirOf(id), name), { force: true });
  }

  /** Every kept state of a link, oldest first, the current document included. Unreadable entries are skipped. */
  async entries(id: string, current: AssessmentDocument | null): Promise<HistoryEntry[]> {
    const names = await this.entryNames(id);
    const entries: HistoryEntry[] = [];
    for (const name of names) {
      const parsed = historyEntrySchema.safeParse(readJsonQuiet(path.join(this.dirOf(id), name)));
      // An entry naming another link (planted, or copied by hand) is not this link's past.
      if (parsed.success && parsed.data.link.id === id) entries.push(parsed.data);
    }
    // An entry newer than the current document was written by a save that crashed before its document
    // landed: it never became the link's state, so it is not shown.
    if (current) entries.splice(0, entries.length, ...entries.filter((e) => e.revision <= current.revision));
    if (current && !entries.some((e) => e.revision === current.revision)) {
      entries.push({ schemaVersion: HISTORY_SCHEMA_VERSION, revision: current.revision, savedAt: current.updatedAt, link: current.link, ...(current.checklists ? { checklists: current.checklists } : {}) });
    }
    return entries.sort((a, b) => a.revision - b.revision);
  }

  /** Every history entry file that is not a valid entry (for `workspace verify`); nothing is changed. */
  async verify(): Promise<Array<{ file: string; reason: string }>> {
    const problems: Array<{ file: string; reason: string }> = [];
    const top = path.join(this.root, HISTORY_DIR);
    const topKind = entryKind(top);
    if (topKind !== 'folder' && topKind !== 'missing') return [{ file: top, reason: 'is a symbolic link or not a folder; the app never follows links out of a workspace' }];
    for (const entry of await readdir(top, { withFileTypes: true }).catch(() => [])) {
      const file = path.join(top, entry.name);
      if (entry.isSymbolicLink()) problems.push({ file, reason: 'is a symbolic link; the app never follows links out of a workspace' });
      else if (!entry.isDirectory() || !LINK_ID_PATTERN.test(entry.name)) problems.push({ file, reason: 'is not the history of a link' });
      else {
        for (const inner of await readdir(file, { withFileTypes: true }).catch(() => [])) {
          if (inner.isSymbolicLink()) problems.push({ file: path.join(file, inner.name), reason: 'is a symbolic link; the app never follows links out of a workspace' });
        }
      }
    }
    for (const id of await this.linkIds()) {
      for (const name of await this.entryNames(id)) {
        const file = path.join(this.dirOf(id), name);
        let json: unknown;
        try {
          json = JSON.parse(readWorkspaceFileSync(file));
        } catch (error) {
          problems.push({ file, reason: `not valid JSON (${messageOf(error)})` });
          continue;
        }
        const parsed = historyEntrySchema.safeParse(json);
        if (!parsed.success) problems.push({ file, reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') });
        else if (parsed.data.link.id !== id) problems.push({ file, reason: `belongs to link "${parsed.data.link.id}", not "${id}"` });
      }
    }
    return problems;
  }

  /** Ids of every link with a history, deleted links included. */
  async linkIds(): Promise<string[]> {
    if (entryKind(path.join(this.root, HISTORY_DIR)) !== 'folder') return [];
    const entries = await readdir(path.join(this.root, HISTORY_DIR), { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && LINK_ID_PATTERN.test(e.name)).map((e) => e.name);
  }
}

function closedChecklists(document: AssessmentDocument, previous: AssessmentDocument | null): string | undefined {
  const closed = Object.entries(document.checklists ?? {})
    .filter(([id, state]) => state?.closed && !previous?.checklists?.[id as keyof typeof previous.checklists]?.closed)
    .map(([id]) => id);
  return closed.length ? `Migration closed: ${closed.join(', ')}` : undefined;
}
