import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_FIRST_PAGE, OPEN_REST_PAGE, type ResultOf } from '../../shared/contract/api.ts';
import { dispatchOperation } from '../../electron/ipc.ts';
import { createHandlers } from '../../electron/operations/handlers.ts';
import { WorkspaceSession } from '../../electron/workspace/session.ts';
import { ASSESSMENT_SCHEMA_VERSION } from '../../shared/model/assessmentDocument.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { fleetEstate } from '../fixtures/fleetEstate.ts';
import { testDependencies } from '../fixtures/handlerDependencies.ts';

// More than the first page and one page after it, so the last page is a short one.
const SIZE = OPEN_FIRST_PAGE + OPEN_REST_PAGE + 17;
let dir: string;
let session: WorkspaceSession;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-pages-'));
  const root = path.join(dir, 'workspace');
  await mkdir(path.join(root, 'links'), { recursive: true });
  // Link files as another copy of the app wrote them (written directly: thousands of fsyncs would only slow the test).
  const at = '2026-12-01T10:00:00.000Z';
  await Promise.all(fleetEstate(SIZE).map((link) => writeFile(path.join(root, 'links', `${link.id}.json`), stableStringify({ schemaVersion: ASSESSMENT_SCHEMA_VERSION, revision: 1, link, createdAt: at, updatedAt: at }))));
  session = new WorkspaceSession(root, path.join(dir, 'prefs', 'recent.json'), 'test');
  await session.switchTo(root);
}, 120_000);
afterAll(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

type Opened = ResultOf<'workspace.open'>;
type Rest = ResultOf<'workspace.openRest'>;
const ok = <T>(envelope: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!envelope.ok) throw new Error(`expected success, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
};

describe('opening a large workspace in pages (workspace.open, then workspace.openRest)', () => {
  it('sends the first page in name order with the total, then the rest: together exactly what the store holds, in its order', async () => {
    const handlers = createHandlers(testDependencies(dir, session));
    const opened = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
    expect(opened.documents).toHaveLength(OPEN_FIRST_PAGE);
    expect(opened.total).toBe(SIZE);
    expect(opened.rest).toMatch(/^[0-9a-f]{32}$/);
    const second = ok<Rest>(await dispatchOperation(handlers, 'workspace.openRest', { token: opened.rest, from: OPEN_FIRST_PAGE }));
    expect(second.documents).toHaveLength(OPEN_REST_PAGE);
    expect(second.next).toBe(OPEN_FIRST_PAGE + OPEN_REST_PAGE);
    const last = ok<Rest>(await dispatchOperation(handlers, 'workspace.openRest', { token: opened.rest, from: second.next }));
    expect(last.documents).toHaveLength(17);
    expect(last.next).toBeNull();
    const all = [...opened.documents, ...second.documents, ...last.documents].map((d) => d.link.id);
    expect(all).toEqual((await session.store.list()).documents.map((d) => d.link.id));
    // Sent in full: the main process lets go of that opening.
    expect(await dispatchOperation(handlers, 'workspace.openRest', { token: opened.rest, from: OPEN_FIRST_PAGE })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 60_000);

  it('opening again makes the rest of the opening before unusable, so pages of two states of the workspace never mix', async () => {
    const handlers = createHandlers(testDependencies(dir, session));
    const first = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
    const again = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
    expect(again.rest).not.toBe(first.rest);
    expect(await dispatchOperation(handlers, 'workspace.openRest', { token: first.rest, from: OPEN_FIRST_PAGE })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/opened again/) } });
    expect(ok<Rest>(await dispatchOperation(handlers, 'workspace.openRest', { token: again.rest, from: OPEN_FIRST_PAGE })).documents).toHaveLength(OPEN_REST_PAGE);
  });

  it('a backup restored while pages are still to come voids the rest: pages of the state before never arrive after it', async () => {
    const handlers = createHandlers(testDependencies(dir, session));
    const backup = ok<{ id: string }>(await dispatchOperation(handlers, 'backups.create', { reason: 'before the test' }));
    const opened = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
    expect(await dispatchOperation(handlers, 'backups.restore', { id: backup.id })).toMatchObject({ ok: true });
    expect(await dispatchOperation(handlers, 'workspace.openRest', { token: opened.rest, from: OPEN_FIRST_PAGE })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 60_000);

  it('refuses a malformed token or a start before the second page, before doing anything', async () => {
    const handlers = createHandlers(testDependencies(dir, session));
    const opened = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
    for (const args of [{ token: '../../etc', from: OPEN_FIRST_PAGE }, { token: opened.rest, from: 0 }, { token: opened.rest, from: 1 }, { token: opened.rest, from: OPEN_FIRST_PAGE - 1 }, { token: opened.rest, from: -5 }, { token: opened.rest, from: OPEN_FIRST_PAGE + 0.5 }, { token: opened.rest }]) {
      expect(await dispatchOperation(handlers, 'workspace.openRest', args), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
  });

  it('a workspace that fits in the first page comes whole, with nothing to fetch after it', async () => {
    const small = new WorkspaceSession(path.join(dir, 'small'), path.join(dir, 'prefs', 'recent-small.json'), 'test');
    await small.switchTo(small.defaultDir);
    try {
      const handlers = createHandlers(testDependencies(dir, small, { seedLinks: () => fleetEstate(12) }));
      const opened = ok<Opened>(await dispatchOperation(handlers, 'workspace.open', {}));
      expect(opened.documents).toHaveLength(12);
      expect(opened.total).toBe(12);
      expect(opened.rest).toBeNull();
    } finally {
      await small.close();
    }
  });
});
