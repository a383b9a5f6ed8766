import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { summariseVerdict } from '../../../shared/engine/checklist.ts';
import { HISTORY_KEPT } from '../../../shared/model/historyEntry.ts';
import { makeLink, mirrored, OAUTH_IMP, TA } from '../../fixtures/links.ts';

let dir: string;
let clock: number;
const tick = () => new Date(Date.UTC(2026, 0, 1) + (clock++) * 60_000);
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-history-'));
  clock = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('per-link history', () => {
  it('records each save that changes the content, numbered by revision; an unchanged save adds nothing', async () => {
    const store = new WorkspaceStore(dir, tick);
    const link = makeLink({ id: 'jira-wiki', config: mirrored(TA) });
    await store.save(link);
    await store.save({ ...link, notes: 'checked with the Confluence admin' });
    await store.save({ ...link, notes: 'checked with the Confluence admin' });
    const last = await store.save({ ...link, notes: 'checked with the Confluence admin', config: mirrored(OAUTH_IMP) });
    expect(last.revision).toBe(3);
    const entries = await store.historyOf('jira-wiki');
    expect(entries.map((e) => [e.revision, e.link.notes ?? null, e.link.config.local.outgoing.join('+')])).toEqual([
      [1, null, 'trustedApps'], [2, 'checked with the Confluence admin', 'trustedApps'], [3, 'checked with the Confluence admin', 'oauth3lo+oauth2lo+oauth2loi'],
    ]);
    expect(entries[2]!.savedAt).toBe(last.updatedAt);
  });

  it(`keeps the newest ${HISTORY_KEPT} states and every migration closure however many saves follow`, async () => {
    const store = new WorkspaceStore(dir, tick);
    const link = makeLink({ id: 'busy', config: mirrored(TA) });
    await store.save(link);
    const summary = summariseVerdict(assessLink(link));
    await store.update('busy', (d) => ({
      link: d.link,
      checklists: { 'ta-to-oauth': { items: {}, closed: { at: tick().toISOString(), previousConfig: link.config, before: summary, after: summary } } },
    }));
    for (let i = 0; i < HISTORY_KEPT + 10; i++) await store.save({ ...link, notes: `edit ${i}` });
    const entries = await store.historyOf('busy');
    expect(entries).toHaveLength(HISTORY_KEPT + 1);
    expect(entries[0]).toMatchObject({ revision: 2, milestone: 'Migration closed: ta-to-oauth' });
    expect(entries.at(-1)).toMatchObject({ revision: HISTORY_KEPT + 12, link: { notes: `edit ${HISTORY_KEPT + 9}` } });
    expect((await readdir(path.join(dir, 'history', 'busy'))).filter((f) => f.endsWith('.m.json'))).toEqual(['000002.m.json']);
  });

  it('outlives a deleted link, and a link re-created with the same id carries on numbering', async () => {
    const store = new WorkspaceStore(dir, tick);
    await store.save(makeLink({ id: 'gone', notes: 'first' }));
    await store.save(makeLink({ id: 'gone', notes: 'second' }));
    await store.delete(['gone']);
    expect((await store.historyOf('gone')).map((e) => e.link.notes)).toEqual(['first', 'second']);
    const again = await store.save(makeLink({ id: 'gone', notes: 'third' }));
    expect(again.revision).toBe(3);
  });

  it('bulk saves write their history entries in the same all-or-nothing step', async () => {
    const store = new WorkspaceStore(dir, tick);
    await store.saveMany([makeLink({ id: 'a' }), makeLink({ id: 'b' })]);
    await store.saveMany([makeLink({ id: 'a', notes: 'bulk answer' }), makeLink({ id: 'b', notes: 'bulk answer' })]);
    for (const id of ['a', 'b']) expect((await store.historyOf(id)).map((e) => e.revision)).toEqual([1, 2]);
    expect((await readdir(dir)).filter((n) => n.startsWith('.txn-'))).toEqual([]);
  });
});

describe('the workspace as it was at a date', () => {
  it('gives each link its newest state at or before the date, leaves out later links and brings back deleted ones', async () => {
    const store = new WorkspaceStore(dir, tick);
    await store.save(makeLink({ id: 'edited', name: 'Edited', config: mirrored(TA) }));
    await store.save(makeLink({ id: 'deleted', name: 'Deleted' }));
    await store.save(makeLink({ id: 'quiet', name: 'Quiet' }));
    const cut = tick().toISOString();
    await store.save(makeLink({ id: 'edited', name: 'Edited', config: mirrored(OAUTH_IMP) }));
    await store.delete(['deleted']);
    await store.save(makeLink({ id: 'later', name: 'Later' }));
    const states = await store.statesAt(cut);
    expect(states.map((s) => s.link.id).sort()).toEqual(['deleted', 'edited', 'quiet']);
    expect(states.find((s) => s.link.id === 'edited')!.link.config.local.outgoing).toEqual(['trustedApps']);
  });
});
