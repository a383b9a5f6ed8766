import type { ChecklistId } from '../../../shared/guidance/updatePaths.ts';
import type { ChecklistState } from '../../../shared/model/checklistState.ts';
import type { Link } from '../../../shared/model/link.ts';

/** One undoable change: the links, or one checklist's progress, before and after it. */
export interface Change {
  label: string;
  before: Link[];
  after: Link[];
  checklist?: { linkId: string; checklistId: ChecklistId; before: ChecklistState | undefined; after: ChecklistState };
  /** Consecutive edits with the same key (typing in one field) merge into one change. */
  coalesceKey?: string;
  at: number;
}

export interface UndoHistory {
  undoStack: Change[];
  redoStack: Change[];
}

export const COALESCE_MS = 1500;
export const MAX_UNDO = 200;

/** The undo stack after a new change at `now`: merged into the last one when it continues it, capped at MAX_UNDO. */
export function recordChange(undoStack: readonly Change[], change: Omit<Change, 'at'>, now: number): UndoHistory {
  const last = undoStack.at(-1);
  if (change.coalesceKey && last?.coalesceKey === change.coalesceKey && now - last.at < COALESCE_MS) {
    return { undoStack: [...undoStack.slice(0, -1), { ...last, after: change.after, at: now }], redoStack: [] };
  }
  return { undoStack: [...undoStack.slice(-MAX_UNDO + 1), { ...change, at: now }], redoStack: [] };
}

/** Moves the last change of one stack onto the other; null when there is nothing to move. */
export function step(history: UndoHistory, direction: 'undo' | 'redo'): { history: UndoHistory; change: Change } | null {
  const [from, to] = direction === 'undo' ? [history.undoStack, history.redoStack] : [history.redoStack, history.undoStack];
  const change = from.at(-1);
  if (!change) return null;
  const moved = { from: from.slice(0, -1), to: [...to, change] };
  return { change, history: direction === 'undo' ? { undoStack: moved.from, redoStack: moved.to } : { undoStack: moved.to, redoStack: moved.from } };
}

/** Both stacks without the changes `touches` picks out. */
export function without(history: UndoHistory, touches: (change: Change) => boolean): UndoHistory {
  return { undoStack: history.undoStack.filter((c) => !touches(c)), redoStack: history.redoStack.filter((c) => !touches(c)) };
}
