import type { ChecklistId } from '../../../shared/guidance/updatePaths.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { call as apiCall } from '../api.ts';

export type SaveState = { state: 'pending' | 'saving' } | { state: 'error'; message: string; attempts: number };

/** The timer functions the queue uses; tests pass a manual clock. */
export interface Clock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SaveQueueHost {
  call: typeof apiCall;
  clock: Clock;
  /** The document as it is in memory now. */
  document(id: string): AssessmentDocument | undefined;
  /** Takes the stored document's timestamps while keeping newer in-memory edits. */
  adopt(id: string, saved: AssessmentDocument): void;
  saveState(id: string): SaveState | undefined;
  setSave(id: string, state: SaveState | null): void;
  messageOf(error: unknown): string;
}

export const SAVE_DEBOUNCE_MS = 400;

/**
 * Saves edited links and checklist progress per link after a short debounce; a failed save is retried
 * with backoff and the edit stays marked as unsaved meanwhile.
 */
export function createSaveQueue(host: SaveQueueHost) {
  const { call, clock } = host;
  const timers = new Map<string, unknown>();
  const inFlight = new Map<string, Promise<void>>();
  /** Links whose in-memory link or checklist progress differs from what was last saved. */
  const dirtyLinks = new Set<string>();
  const dirtyChecklists = new Map<string, Set<ChecklistId>>();
  /** Failed attempts in a row per link: the save state is 'saving' during a retry, so it cannot hold the count. */
  const failures = new Map<string, number>();

  const saveNow = async (id: string): Promise<void> => {
    const previous = inFlight.get(id);
    if (previous) await previous;
    const document = host.document(id);
    if (!document) return host.setSave(id, null);
    const link = document.link;
    const checklists = [...(dirtyChecklists.get(id) ?? [])];
    const linkDirty = dirtyLinks.has(id);
    dirtyLinks.delete(id);
    dirtyChecklists.delete(id);
    host.setSave(id, { state: 'saving' });
    const attempt = (async () => {
      try {
        let saved: AssessmentDocument | null = linkDirty ? await call('links.save', { link }) : null;
        for (const checklistId of checklists) {
          const state = host.document(id)?.checklists?.[checklistId];
          if (state) saved = await call('checklists.update', { linkId: id, checklistId, state });
        }
        if (saved && host.document(id)) host.adopt(id, saved);
        failures.delete(id);
        if (dirtyLinks.has(id) || dirtyChecklists.has(id)) schedule(id, 0);
        else host.setSave(id, null);
      } catch (error) {
        if (linkDirty) dirtyLinks.add(id);
        if (checklists.length) dirtyChecklists.set(id, new Set([...(dirtyChecklists.get(id) ?? []), ...checklists]));
        const attempts = (failures.get(id) ?? 0) + 1;
        failures.set(id, attempts);
        host.setSave(id, { state: 'error', message: host.messageOf(error), attempts });
        schedule(id, Math.min(30_000, 2000 * 2 ** (attempts - 1)));
      }
    })();
    inFlight.set(id, attempt);
    await attempt;
    inFlight.delete(id);
  };

  const schedule = (id: string, delay = SAVE_DEBOUNCE_MS) => {
    clock.clearTimeout(timers.get(id));
    if (host.saveState(id)?.state !== 'error') host.setSave(id, { state: 'pending' });
    timers.set(id, clock.setTimeout(() => {
      timers.delete(id);
      void saveNow(id);
    }, delay));
  };

  return {
    schedule,
    linkEdited(id: string) {
      dirtyLinks.add(id);
      schedule(id);
    },
    checklistEdited(id: string, checklistId: ChecklistId) {
      dirtyChecklists.set(id, new Set([...(dirtyChecklists.get(id) ?? []), checklistId]));
      schedule(id, 0);
    },
    /** The links are being saved by the caller (a bulk save): they are no longer owed a save here. */
    savingElsewhere(id: string) {
      dirtyLinks.delete(id);
    },
    /** A save done by the caller failed: the link is owed a save again, retried after `delay`. */
    failedElsewhere(id: string, delay: number) {
      dirtyLinks.add(id);
      schedule(id, delay);
    },
    cancel(id: string) {
      clock.clearTimeout(timers.get(id));
    },
    /** Forgets every unsaved mark (another workspace is opening). */
    forgetAll() {
      failures.clear();
      dirtyLinks.clear();
      dirtyChecklists.clear();
    },
    /** Saves everything waiting now and waits for saves already under way. */
    async flush() {
      const ids = [...timers.keys()];
      for (const id of ids) clock.clearTimeout(timers.get(id));
      timers.clear();
      await Promise.all([...ids.map((id) => saveNow(id)), ...inFlight.values()]);
    },
  };
}

export type SaveQueue = ReturnType<typeof createSaveQueue>;
