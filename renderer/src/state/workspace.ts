import { create } from 'zustand';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ChecklistId } from '../../../shared/guidance/updatePaths.ts';
import type { ChecklistState } from '../../../shared/model/checklistState.ts';
import type { Link } from '../../../shared/model/link.ts';
import { ApiError, call } from '../api.ts';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
export type SaveState = { state: 'pending' | 'saving' } | { state: 'error'; message: string; attempts: number };

/** One undoable change: the links, or one checklist's progress, before and after it. */
interface Change {
  label: string;
  before: Link[];
  after: Link[];
  checklist?: { linkId: string; checklistId: ChecklistId; before: ChecklistState | undefined; after: ChecklistState };
  /** Consecutive edits with the same key (typing in one field) merge into one change. */
  coalesceKey?: string;
  at: number;
}

interface WorkspaceState {
  documents: AssessmentDocument[];
  isDemo: boolean;
  workspacePath: string;
  unreadable: Array<{ file: string; reason: string; kind: 'invalid' | 'newer'; quarantinedTo?: string }>;
  readOnly: string | null;
  /** Documents rewritten in the current schema version when the workspace was opened (after a backup). */
  migrated: number;
  isDefault: boolean;
  recent: string[];
  loadState: LoadState;
  error: string | null;
  saves: Record<string, SaveState>;
  undoStack: Change[];
  redoStack: Change[];
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

const SAVE_DEBOUNCE_MS = 400;
const COALESCE_MS = 1500;
const MAX_UNDO = 200;
const messageOf = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : String(error));
const byName = (a: AssessmentDocument, b: AssessmentDocument) => a.link.name.localeCompare(b.link.name) || a.link.id.localeCompare(b.link.id);

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const inFlight = new Map<string, Promise<void>>();
/** Links whose in-memory link or checklist progress differs from what was last saved. */
const dirtyLinks = new Set<string>();
const dirtyChecklists = new Map<string, Set<ChecklistId>>();

/**
 * The workspace as the renderer knows it. Edits apply in memory at once and are saved per link after a
 * short debounce; a failed save is shown and retried with backoff, and the edit stays in memory meanwhile.
 */
export const useWorkspace = create<WorkspaceState>((set, get) => {
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

  const saveNow = async (id: string): Promise<void> => {
    const previous = inFlight.get(id);
    if (previous) await previous;
    const document = get().documents.find((d) => d.link.id === id);
    if (!document) return setSave(id, null);
    const link = document.link;
    const checklists = [...(dirtyChecklists.get(id) ?? [])];
    const linkDirty = dirtyLinks.has(id);
    dirtyLinks.delete(id);
    dirtyChecklists.delete(id);
    setSave(id, { state: 'saving' });
    const attempt = (async () => {
      try {
        let saved: AssessmentDocument | null = linkDirty ? await call('links.save', { link }) : null;
        for (const checklistId of checklists) {
          const state = get().documents.find((d) => d.link.id === id)?.checklists?.[checklistId];
          if (state) saved = await call('checklists.update', { linkId: id, checklistId, state });
        }
        const current = get().documents.find((d) => d.link.id === id);
        // Keep newer in-memory edits; only adopt the stored timestamps.
        if (saved && current) set({ documents: get().documents.map((d) => (d.link.id === id ? { ...saved, link: current.link, checklists: current.checklists } : d)) });
        if (dirtyLinks.has(id) || dirtyChecklists.has(id)) schedule(id, 0);
        else setSave(id, null);
      } catch (error) {
        if (linkDirty) dirtyLinks.add(id);
        if (checklists.length) dirtyChecklists.set(id, new Set([...(dirtyChecklists.get(id) ?? []), ...checklists]));
        const attempts = (get().saves[id] as { attempts?: number } | undefined)?.attempts ?? 0;
        setSave(id, { state: 'error', message: messageOf(error), attempts: attempts + 1 });
        schedule(id, Math.min(30_000, 2000 * 2 ** attempts));
      }
    })();
    inFlight.set(id, attempt);
    await attempt;
    inFlight.delete(id);
  };

  const schedule = (id: string, delay = SAVE_DEBOUNCE_MS) => {
    clearTimeout(timers.get(id));
    if (get().saves[id]?.state !== 'error') setSave(id, { state: 'pending' });
    timers.set(id, setTimeout(() => {
      timers.delete(id);
      void saveNow(id);
    }, delay));
  };

  const record = (change: Omit<Change, 'at'>) => {
    const { undoStack } = get();
    const last = undoStack.at(-1);
    const now = Date.now();
    if (change.coalesceKey && last?.coalesceKey === change.coalesceKey && now - last.at < COALESCE_MS) {
      set({ undoStack: [...undoStack.slice(0, -1), { ...last, after: change.after, at: now }], redoStack: [] });
    } else {
      set({ undoStack: [...undoStack.slice(-MAX_UNDO + 1), { ...change, at: now }], redoStack: [] });
    }
  };

  const apply = (links: Link[]) => {
    replaceLinks(links);
    for (const link of links) {
      dirtyLinks.add(link.id);
      schedule(link.id);
    }
  };

  const applyChecklist = (linkId: string, checklistId: ChecklistId, state: ChecklistState) => {
    set({ documents: get().documents.map((d) => (d.link.id === linkId ? { ...d, checklists: { ...d.checklists, [checklistId]: state } } : d)) });
    dirtyChecklists.set(linkId, new Set([...(dirtyChecklists.get(linkId) ?? []), checklistId]));
    schedule(linkId, 0);
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
    loadState: 'idle',
    error: null,
    saves: {},
    undoStack: [],
    redoStack: [],

    async open(options = {}) {
      if (!options.quiet) set({ loadState: 'loading', error: null });
      try {
        const opened = await call('workspace.open', {});
        // What was undoable refers to the state before a restore or merge: it starts afresh.
        set({ ...opened, documents: [...opened.documents].sort(byName), loadState: 'ready', undoStack: [], redoStack: [] });
      } catch (error) {
        set({ loadState: 'error', error: messageOf(error) });
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
      for (const link of links) dirtyLinks.delete(link.id);
      try {
        const { documents } = await call('links.saveMany', { links });
        const saved = new Map(documents.map((d) => [d.link.id, d]));
        set({ documents: get().documents.map((d) => saved.get(d.link.id) ?? d).sort(byName) });
        for (const link of links) setSave(link.id, null);
      } catch (error) {
        for (const link of links) {
          dirtyLinks.add(link.id);
          setSave(link.id, { state: 'error', message: messageOf(error), attempts: 1 });
          schedule(link.id, 2000);
        }
      }
    },

    async deleteLinks(ids) {
      for (const id of ids) clearTimeout(timers.get(id));
      const { deleted } = await call('links.delete', { ids });
      const gone = new Set(ids);
      const saves = Object.fromEntries(Object.entries(get().saves).filter(([id]) => !gone.has(id)));
      // Deleted links leave the undo history: undo never resurrects them silently.
      const touches = (c: Change) => c.after.some((l) => gone.has(l.id)) || c.before.some((l) => gone.has(l.id)) || gone.has(c.checklist?.linkId ?? '');
      set({
        documents: get().documents.filter((d) => !gone.has(d.link.id)), saves,
        undoStack: get().undoStack.filter((c) => !touches(c)), redoStack: get().redoStack.filter((c) => !touches(c)),
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
        undoStack: get().undoStack.filter((c) => !touches(c)), redoStack: get().redoStack.filter((c) => !touches(c)),
      });
      return document;
    },

    async startEmpty() {
      await call('workspace.startEmpty', {});
      set({ documents: [], isDemo: false, saves: {}, undoStack: [], redoStack: [] });
    },

    async switchWorkspace(path) {
      await get().flushSaves();
      const { switched } = path === null ? await call('workspace.chooseFolder', {}) : await call('workspace.switch', { path });
      if (!switched) return false;
      dirtyLinks.clear();
      dirtyChecklists.clear();
      set({ documents: [], saves: {}, undoStack: [], redoStack: [], unreadable: [] });
      await get().open();
      return true;
    },

    undo() {
      const change = get().undoStack.at(-1);
      if (!change) return;
      set({ undoStack: get().undoStack.slice(0, -1), redoStack: [...get().redoStack, change] });
      undoOrRedo(change, 'before');
    },

    redo() {
      const change = get().redoStack.at(-1);
      if (!change) return;
      set({ redoStack: get().redoStack.slice(0, -1), undoStack: [...get().undoStack, change] });
      undoOrRedo(change, 'after');
    },

    retrySaves() {
      for (const [id, save] of Object.entries(get().saves)) if (save.state === 'error') schedule(id, 0);
    },

    async flushSaves() {
      const ids = [...timers.keys()];
      for (const id of ids) clearTimeout(timers.get(id));
      timers.clear();
      await Promise.all([...ids.map((id) => saveNow(id)), ...inFlight.values()]);
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
