import { describe, expect, it } from 'vitest';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { ChecklistState } from '../../../shared/model/checklistState.ts';
import { createSaveQueue, SAVE_DEBOUNCE_MS, type Clock, type SaveQueueHost, type SaveState } from '../../../renderer/src/state/saveQueue.ts';

/** A clock that runs timers only when told to. */
function manualClock() {
  let now = 0;
  let next = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock = {
    setTimeout(run, ms) {
      timers.set(++next, { at: now + ms, run });
      return next;
    },
    clearTimeout(handle) { timers.delete(handle as number); },
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      timers.delete(id);
      timer.run();
    }
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { clock, advance, pending: () => [...timers.values()].map((t) => t.at - now) };
}

const doc = (id: string, name: string, checklists?: Record<string, ChecklistState>) =>
  ({ link: { id, name }, ...(checklists ? { checklists } : {}), updatedAt: 'old' }) as unknown as AssessmentDocument;

function setUp(fail: (operation: string) => boolean = () => false) {
  const { clock, advance, pending } = manualClock();
  const documents = new Map([['a', doc('a', 'A')]]);
  const saves = new Map<string, SaveState>();
  const calls: Array<{ operation: string; args: unknown }> = [];
  const call = (async (operation: string, args: { link?: { id: string } }) => {
    calls.push({ operation, args });
    if (fail(operation)) throw new Error('disk full');
    const id = args.link?.id ?? (args as { linkId: string }).linkId;
    return { ...documents.get(id)!, updatedAt: `saved ${calls.length}` };
  }) as unknown as SaveQueueHost['call'];
  const queue = createSaveQueue({
    call, clock,
    document: (id) => documents.get(id),
    adopt: (id, saved) => documents.set(id, { ...saved, link: documents.get(id)!.link }),
    saveState: (id) => saves.get(id),
    setSave: (id, state) => (state ? saves.set(id, state) : saves.delete(id)),
    messageOf: (error) => (error as Error).message,
  });
  return { queue, advance, pending, documents, saves, calls };
}

describe('save queue', () => {
  it('saves an edited link once after the debounce, however many edits came before', async () => {
    const { queue, advance, documents, saves, calls } = setUp();
    queue.linkEdited('a');
    documents.set('a', doc('a', 'AB'));
    queue.linkEdited('a');
    expect(saves.get('a')).toEqual({ state: 'pending' });
    await advance(SAVE_DEBOUNCE_MS - 1);
    expect(calls).toEqual([]);
    await advance(1);
    expect(calls).toEqual([{ operation: 'links.save', args: { link: { id: 'a', name: 'AB' } } }]);
    expect(saves.has('a')).toBe(false);
    expect(documents.get('a')!.updatedAt).toBe('saved 1');
  });

  it('saves checklist progress at once, reading the latest in-memory state', async () => {
    const { queue, advance, documents, calls } = setUp();
    documents.set('a', doc('a', 'A', { c1: { items: { x: true } } as unknown as ChecklistState }));
    queue.checklistEdited('a', 'c1' as never);
    await advance(0);
    expect(calls).toEqual([{ operation: 'checklists.update', args: { linkId: 'a', checklistId: 'c1', state: { items: { x: true } } } }]);
  });

  it('shows a failed save, keeps it owed and retries it with a growing backoff until it succeeds', async () => {
    let failing = true;
    const { queue, advance, pending, saves, calls } = setUp(() => failing);
    queue.linkEdited('a');
    await advance(SAVE_DEBOUNCE_MS);
    expect(saves.get('a')).toEqual({ state: 'error', message: 'disk full', attempts: 1 });
    expect(pending()).toEqual([2000]);
    // A failing disk is not hammered: 2 s, 4 s, 8 s, 16 s, then every 30 s.
    for (const [attempts, wait] of [[2, 4000], [3, 8000], [4, 16_000], [5, 30_000], [6, 30_000]] as const) {
      await advance(pending()[0]!);
      expect(saves.get('a')).toEqual({ state: 'error', message: 'disk full', attempts });
      expect(pending()).toEqual([wait]);
    }
    failing = false;
    await advance(30_000);
    expect(calls.map((c) => c.operation)).toEqual(Array(7).fill('links.save'));
    expect(saves.has('a')).toBe(false);
    expect(pending()).toEqual([]);
    // The next failure starts again from 2 s.
    failing = true;
    queue.linkEdited('a');
    await advance(SAVE_DEBOUNCE_MS);
    expect(saves.get('a')).toMatchObject({ attempts: 1 });
    expect(pending()).toEqual([2000]);
  });

  it('flush saves what waits without waiting for the debounce', async () => {
    const { queue, pending, calls } = setUp();
    queue.linkEdited('a');
    await queue.flush();
    expect(calls.map((c) => c.operation)).toEqual(['links.save']);
    expect(pending()).toEqual([]);
  });

  it('a cancelled link is not saved, and one saved elsewhere is no longer owed', async () => {
    const { queue, advance, calls } = setUp();
    queue.linkEdited('a');
    queue.cancel('a');
    await advance(SAVE_DEBOUNCE_MS);
    expect(calls).toEqual([]);
    queue.linkEdited('a');
    queue.savingElsewhere('a');
    await advance(SAVE_DEBOUNCE_MS);
    expect(calls).toEqual([]);
  });

  it('a save that failed elsewhere is retried after the given delay', async () => {
    const { queue, advance, calls } = setUp();
    queue.failedElsewhere('a', 2000);
    await advance(1999);
    expect(calls).toEqual([]);
    await advance(1);
    expect(calls.map((c) => c.operation)).toEqual(['links.save']);
  });
});
