import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';

// Red-team pass (3 Dec 2026): a record with hundreds of thousands of bad keys (here a checklist's items) made zod
// gather as many issues and overflow the stack while it validated one link file; the RangeError escaped
// parseDocumentText, so one planted file (6 MB, under the size limit) stopped the whole workspace from listing.
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-many-issues-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a link file whose validation would make hundreds of thousands of issues', () => {
  it('is reported unreadable, and the rest of the workspace lists', async () => {
    const root = path.join(dir, 'ws');
    const store = new WorkspaceStore(root);
    await store.save(makeLink({ id: 'good', name: 'Good' }));
    const items = Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`X${i}`, { status: 'done' }]));
    const AT = '2026-12-03T00:00:00.000Z';
    await writeFile(path.join(root, 'links', 'planted.json'), JSON.stringify({ schemaVersion: 3, revision: 1, link: makeLink({ id: 'planted', name: 'P' }), checklists: { 'ta-to-oauth': { items } }, createdAt: AT, updatedAt: AT }));
    const { documents, unreadable } = await new WorkspaceStore(root).list();
    expect(documents.map((d) => d.link.id)).toEqual(['good']);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]!.reason).toMatch(/too many problems to list/);
    expect(unreadable[0]!.reason.length).toBeLessThan(300);
  }, 60_000);
});
