import { describe, expect, it } from 'vitest';
import type { Link } from '../../../shared/model/link.ts';
import { COALESCE_MS, MAX_UNDO, recordChange, step, without, type Change } from '../../../renderer/src/state/undoHistory.ts';

const link = (id: string, name: string) => ({ id, name }) as unknown as Link;
const edit = (id: string, from: string, to: string, coalesceKey?: string): Omit<Change, 'at'> =>
  ({ label: 'Edit', before: [link(id, from)], after: [link(id, to)], ...(coalesceKey ? { coalesceKey } : {}) });

describe('undo history', () => {
  it('records a change and clears what could be redone', () => {
    const history = recordChange([], edit('a', 'A', 'B'), 1000);
    expect(history.undoStack).toHaveLength(1);
    expect(history.undoStack[0]).toMatchObject({ label: 'Edit', at: 1000 });
    expect(history.redoStack).toEqual([]);
  });

  it('merges typing in one field within the coalescing window, keeping the first before', () => {
    let { undoStack } = recordChange([], edit('a', 'A', 'AB', 'a:name'), 1000);
    ({ undoStack } = recordChange(undoStack, edit('a', 'AB', 'ABC', 'a:name'), 1000 + COALESCE_MS - 1));
    expect(undoStack).toHaveLength(1);
    expect(undoStack[0]!.before[0]!.name).toBe('A');
    expect(undoStack[0]!.after[0]!.name).toBe('ABC');
  });

  it('starts a new change after the window, for another field, or without a key', () => {
    const first = recordChange([], edit('a', 'A', 'AB', 'a:name'), 1000).undoStack;
    expect(recordChange(first, edit('a', 'AB', 'ABC', 'a:name'), 1000 + COALESCE_MS).undoStack).toHaveLength(2);
    expect(recordChange(first, edit('a', 'AB', 'ABC', 'a:notes'), 1001).undoStack).toHaveLength(2);
    expect(recordChange(first, edit('a', 'AB', 'ABC'), 1001).undoStack).toHaveLength(2);
  });

  it('keeps at most MAX_UNDO changes, dropping the oldest', () => {
    let stack: Change[] = [];
    for (let i = 0; i < MAX_UNDO + 5; i++) stack = recordChange(stack, edit('a', `${i}`, `${i + 1}`), i * 10_000).undoStack;
    expect(stack).toHaveLength(MAX_UNDO);
    expect(stack[0]!.before[0]!.name).toBe('5');
  });

  it('moves changes between the stacks on undo and redo, and does nothing when empty', () => {
    const recorded = recordChange([], edit('a', 'A', 'B'), 1);
    const undone = step(recorded, 'undo')!;
    expect(undone.change.after[0]!.name).toBe('B');
    expect(undone.history).toEqual({ undoStack: [], redoStack: recorded.undoStack });
    const redone = step(undone.history, 'redo')!;
    expect(redone.history).toEqual(recorded);
    expect(step({ undoStack: [], redoStack: [] }, 'undo')).toBeNull();
    expect(step(recorded, 'redo')).toBeNull();
  });

  it('drops the changes that touch given links from both stacks', () => {
    const a = recordChange([], edit('a', 'A', 'B'), 1).undoStack;
    const ab = recordChange(a, edit('b', 'X', 'Y'), 2).undoStack;
    const history = { undoStack: ab.slice(0, 1), redoStack: ab.slice(1) };
    const kept = without(history, (c) => c.after.some((l) => l.id === 'b'));
    expect(kept).toEqual({ undoStack: ab.slice(0, 1), redoStack: [] });
  });
});
