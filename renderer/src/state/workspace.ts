import { create } from 'zustand';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ChecklistId } from '../../../shared/guidance/updatePaths.ts';
import type { ChecklistState } from '../../../shared/model/checklistState.ts';
import type { Link } from '../../../shared/model/link.ts';
import type { ResultOf } from '../../../shared/contract/api.ts';
import { call } from '../api.ts';
import { createSaveQueue, type SaveState } from './saveQueue.ts';
import { recordChange, step, without, type Change, type UndoHistory } from './undoHistory.ts';
import { messageOf } from '../../../shared/model/messageOf.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
export type { SaveState } from './saveQueue.ts';
type Opened = ResultOf<'workspace.open'>;

/** What `workspace.open` answered (see the contract), plus the renderer's own state. */
interface WorkspaceState extends Omit<Opened, 'documents' | 'rest' | 'total'>, UndoHistory {
  documents: AssessmentDocument[];
  loadState: LoadState;
  /** While the rest of a large workspace arrives (workspace.openRest): how many documents are here of how many. */
  loading: { loaded: number; total: number } | null;
  error: string | null;
  saves: Record<string, SaveState>;
  /** Reads the workspace; `quiet` keeps the current screen up meanwhile (a refresh after a merge or restore). */
  open(options?: { quiet?: boolean }): Promise<void>;
  createLink(name: string): Promise<string>;
  updateLink(link: Link, options?: { label?: string; coalesceKey?: string }): void;
  updateLinks(links: Link[], label: string): Promise<void>;
  deleteLinks(ids: string[]): Promise<number>;
  updateChecklist(linkId: string, checklistId: ChecklistId, state: ChecklistState, label: string): void;
  closeMigration(linkId: string, checklistId: ChecklistId): Promise<AssessmentDocument>;
  startEmpty(): Promise<void>;
  /** Opens another workspace folder: one from the recent list, or (null) one chosen in the folder dialog. */
  switchWorkspace(path: string | null): Promise<boolean>;
  undo(): void;
  redo(): void;
  retrySaves(): void;
  flushSaves(): Promise<void>;
}

// One Collator, as the main process sorts (localeCompare per comparison took a third of a second for 10,000 links).
const { compare } = new Intl.Collator();
const byName = (a: AssessmentDocument, b: AssessmentDocument) => compare(a.link.name, b.link.name) || compare(a.link.id, b.link.id);

/**
 * The workspace as the renderer knows it. Edits apply in memory at once and are saved per link after a
 * short debounce; a failed save is shown and retried with backoff, and the edit stays in memory meanwhile.
 */
export const useWorkspace = create<WorkspaceState>((set, get) => {
  // Each opening's number: pages of an opening that another has replaced are dropped.
  let openings = 0;
  const replaceLinks = (links: Link[]) => {
    const next = new Map(links.map((l) => [l.id, l]));
    set({
      documents: get().documents.map((d) => {
        const link = next.get(d.link.id);
        return link ? { ...d, link } : d;
      }).sort(byName),
    });
  };

  const setSave = (id: string, state: SaveState | null) => {
    const saves = { ...get().saves };
    if (state) saves[id] = state;
    else delete saves[id];
    set({ saves });
  };

  const saves = createSaveQueue({
    call,
    clock: { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) },
    document: (id) => get().documents.find((d) => d.link.id === id),
    adopt: (id, saved) => set({ documents: get().documents.map((d) => (d.link.id === id ? { ...saved, link: d.link, checklists: d.checklists } : d)) }),
    saveState: (id) => get().saves[id],
    setSave,
    messageOf,
  });

  const record = (change: Omit<Change, 'at'>) => set(recordChange(get().undoStack, change, Date.now()));

  const apply = (links: Link[]) => {
    replaceLinks(links);
    for (const link of links) saves.linkEdited(link.id);
  };

  const applyChecklist = (linkId: string, checklistId: ChecklistId, state: ChecklistState) => {
    set({ documents: get().documents.map((d) => (d.link.id === linkId ? { ...d, checklists: { ...d.checklists, [checklistId]: state } } : d)) });
    saves.checklistEdited(linkId, checklistId);
  };

  const undoOrRedo = (change: Change, direction: 'before' | 'after') => {
    if (change.checklist) applyChecklist(change.checklist.linkId, change.checklist.checklistId, change.checklist[direction] ?? { items: {} });
    else apply(change[direction]);
  };

  return {
    documents: [],
    isDemo: false,
    workspacePath: '',
    unreadable: [],
    readOnly: null,
    migrated: 0,
    isDefault: true,
    recent: [],
    loading: null,
    loadState: 'idle',
    error: null,
    saves: {},
    undoStack: [],
    redoStack: [],

    async open(options = {}) {
      const generation = ++openings;
      if (!options.quiet) set({ loadState: 'loading', error: null });
      try {
        const { rest, total, ...opened } = await call('workspace.open', {});
        if (generation !== openings) return;
        // What was undoable refers to the state before a restore or merge: it starts afresh.
        set({ ...opened, documents: [...opened.documents].sort(byName), loadState: 'ready', undoStack: [], redoStack: [], loading: rest ? { loaded: opened.documents.length, total } : null });
        // The first screen is up; the rest of a large workspace follows in pages, unless it is opened again meanwhile.
        let from: number | null = rest ? opened.documents.length : null;
        const arrived: AssessmentDocument[] = [];
        while (rest && from !== null) {
          const page = await call('workspace.openRest', { token: rest, from });
          if (generation !== openings) return;
          arrived.push(...page.documents);
          from = page.next;
          if (from !== null) set({ loading: { loaded: opened.documents.length + arrived.length, total } });
        }
        // Added once, not page by page: every addition rebuilds the inventory's rows, counts and grid (four times for 10,000 links).
        if (rest) {
          const known = new Set(get().documents.map((d) => d.link.id));
          set({ documents: [...get().documents, ...arrived.filter((d) => !known.has(d.link.id))].sort(byName), loading: null });
        }
      } catch (error) {
        if (generation === openings) set({ loadState: 'error', error: messageOf(error), loading: null });
      }
    },

    async createLink(name) {
      const document = await call('links.create', { name });
      set({ documents: [...get().documents, document].sort(byName) });
      return document.link.id;
    },

    updateLink(link, options = {}) {
      const before = get().documents.find((d) => d.link.id === link.id)?.link;
      if (!before || before === link) return;
      record({ label: options.label ?? 'Edit', before: [before], after: [link], coalesceKey: options.coalesceKey ? `${link.id}:${options.coalesceKey}` : undefined });
      apply([link]);
    },

    async updateLinks(links, label) {
      const current = new Map(get().documents.map((d) => [d.link.id, d.link]));
      const before = links.map((l) => current.get(l.id)).filter((l): l is Link => l !== undefined);
      record({ label, before, after: links });
      replaceLinks(links);
      for (const link of links) setSave(link.id, { state: 'saving' });
      for (const link of links) saves.savingElsewhere(link.id);
      try {
        const { documents } = await call('links.saveMany', { links });
        const saved = new Map(documents.map((d) => [d.link.id, d]));
        set({ documents: get().documents.map((d) => saved.get(d.link.id) ?? d).sort(byName) });
        for (const link of links) setSave(link.id, null);
      } catch (error) {
        for (const link of links) {
          setSave(link.id, { state: 'error', message: messageOf(error), attempts: 1 });
          saves.failedElsewhere(link.id, 2000);
        }
      }
    },

    async deleteLinks(ids) {
      for (const id of ids) saves.cancel(id);
      const { deleted } = await call('links.delete', { ids });
      const gone = new Set(ids);
      const kept = Object.fromEntries(Object.entries(get().saves).filter(([id]) => !gone.has(id)));
      // Deleted links leave the undo history: undo never resurrects them silently.
      const touches = (c: Change) => c.after.some((l) => gone.has(l.id)) || c.before.some((l) => gone.has(l.id)) || gone.has(c.checklist?.linkId ?? '');
      set({
        documents: get().documents.filter((d) => !gone.has(d.link.id)), saves: kept,
        ...without(get(), touches),
      });
      return deleted;
    },

    updateChecklist(linkId, checklistId, state, label) {
      const before = get().documents.find((d) => d.link.id === linkId)?.checklists?.[checklistId];
      record({ label, before: [], after: [], checklist: { linkId, checklistId, before, after: state } });
      applyChecklist(linkId, checklistId, state);
    },

    async closeMigration(linkId, checklistId) {
      await get().flushSaves();
      const document = await call('checklists.close', { linkId, checklistId });
      // The recorded configuration is history now: earlier edits of this link are no longer undoable.
      const touches = (c: Change) => c.after.some((l) => l.id === linkId) || c.checklist?.linkId === linkId;
      set({
        documents: get().documents.map((d) => (d.link.id === linkId ? document : d)),
        ...without(get(), touches),
      });
      return document;
    },

    async startEmpty() {
      openings++; // pages of the estate still arriving are of the links just removed
      await call('workspace.startEmpty', {});
      set({ documents: [], isDemo: false, saves: {}, undoStack: [], redoStack: [], loading: null });
    },

    async switchWorkspace(path) {
      await get().flushSaves();
      const { switched } = path === null ? await call('workspace.chooseFolder', {}) : await call('workspace.switch', { path });
      if (!switched) return false;
      saves.forgetAll();
      openings++;
      set({ documents: [], saves: {}, undoStack: [], redoStack: [], unreadable: [], loading: null });
      await get().open();
      return true;
    },

    undo() {
      const moved = step(get(), 'undo');
      if (!moved) return;
      set(moved.history);
      undoOrRedo(moved.change, 'before');
    },

    redo() {
      const moved = step(get(), 'redo');
      if (!moved) return;
      set(moved.history);
      undoOrRedo(moved.change, 'after');
    },

    retrySaves() {
      for (const [id, save] of Object.entries(get().saves)) if (save.state === 'error') saves.schedule(id, 0);
    },

    async flushSaves() {
      await saves.flush();
    },
  };
});

/** The one-line save state of the whole workspace, for the status indicator. */
export function overallSaveState(saves: Record<string, SaveState>): { kind: 'saved' | 'saving' | 'error'; message: string } {
  const states = Object.values(saves);
  const failed = states.filter((s): s is Extract<SaveState, { state: 'error' }> => s.state === 'error');
  if (failed.length > 0) return { kind: 'error', message: `Not saved: ${failed[0]!.message}. Retrying…` };
  if (states.length > 0) return { kind: 'saving', message: 'Saving…' };
  return { kind: 'saved', message: 'All changes saved' };
}
