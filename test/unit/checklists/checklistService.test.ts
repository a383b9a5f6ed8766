import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigration, saveChecklistState } from '../../../electron/features/checklistService.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { checklistsFor } from '../../../shared/engine/checklist.ts';
import { makeLink, mirrored, TA } from '../../fixtures/links.ts';

let dir: string;
let store: WorkspaceStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-checklist-'));
  store = new WorkspaceStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('checklist state and closing a migration', () => {
  it('keeps checklist progress when the link is saved again, and the link when progress is saved', async () => {
    const link = makeLink({ id: 'ta', config: mirrored(TA) });
    await store.save(link);
    await saveChecklistState(store, 'ta', 'ta-to-oauth', { items: { 'ta-pre-backup': { status: 'done', note: 'nightly dump verified' } } });
    await store.save({ ...link, notes: 'changed' });
    const document = await store.get('ta');
    expect(document?.link.notes).toBe('changed');
    expect(document?.checklists?.['ta-to-oauth']?.items['ta-pre-backup']).toEqual({ status: 'done', note: 'nightly dump verified' });
  });

  it('concurrent saves of the link and of its checklist both land', async () => {
    const link = makeLink({ id: 'ta', config: mirrored(TA) });
    await store.save(link);
    await Promise.all([
      store.save({ ...link, notes: 'one' }),
      saveChecklistState(store, 'ta', 'ta-to-oauth', { items: { 'ta-step-open': { status: 'done' } } }),
      store.save({ ...link, notes: 'two' }),
    ]);
    const document = await store.get('ta');
    expect(document?.link.notes).toBe('two');
    expect(document?.checklists?.['ta-to-oauth']?.items['ta-step-open']?.status).toBe('done');
  });

  it('refuses to close before every required item is done', async () => {
    await store.save(makeLink({ id: 'ta', config: mirrored(TA) }));
    await expect(closeMigration(store, 'ta', 'ta-to-oauth', 'alice')).rejects.toThrow(/Only 0 of \d+ required items are done/);
  });

  it('records the target configuration, re-assesses, and keeps the before and after verdicts', async () => {
    const link = makeLink({ id: 'ta', config: mirrored(TA), status: { errorType: 'LEGACY_UPDATE' } });
    await store.save(link);
    const view = checklistsFor(link, assessLink(link)).find((c) => c.id === 'ta-to-oauth')!;
    const items = Object.fromEntries(view.sections.flatMap((s) => s.items).filter((i) => !i.optional).map((i) => [i.id, { status: 'done' as const }]));
    await saveChecklistState(store, 'ta', 'ta-to-oauth', { items });
    const closed = await closeMigration(store, 'ta', 'ta-to-oauth', 'alice', () => new Date('2026-12-01T10:00:00Z'));
    expect(closed.link.config).toEqual(mirrored(['oauth3lo', 'oauth2lo', 'oauth2loi']));
    const record = closed.checklists?.['ta-to-oauth']?.closed;
    expect(record).toMatchObject({ at: '2026-12-01T10:00:00.000Z', by: 'alice', previousConfig: mirrored(TA) });
    expect(record?.before.findings.map((f) => f.rule)).toContain('R06');
    expect(record?.after.findings.map((f) => f.rule)).not.toContain('R06');
    expect(assessLink(closed.link).updatePath).toBeNull();
  });

  // Issue 15 point 11, domain §7 [CODE-RemoteMigration]: "if Basic is configured, OAuth (3LO + 2LO) is used".
  it('records what the automatic update of Basic really produces until the step raising it to impersonation is done', async () => {
    const link = makeLink({ id: 'basic', config: mirrored(['basic']), answers: { sharedUserBase: true, sysadminOnRemote: true } });
    await store.save(link);
    const view = checklistsFor(link, assessLink(link)).find((c) => c.id === 'ta-to-oauth')!;
    const required = view.sections.flatMap((s) => s.items).filter((i) => !i.optional).map((i) => i.id);
    expect(required).toContain('ta-step-raise-imp');
    const doneExceptRaise = Object.fromEntries(required.map((id) => [id, { status: id === 'ta-step-raise-imp' ? 'not-applicable' as const : 'done' as const }]));
    await saveChecklistState(store, 'basic', 'ta-to-oauth', { items: doneExceptRaise });
    const closed = await closeMigration(store, 'basic', 'ta-to-oauth', 'alice');
    expect(closed.link.config).toEqual(mirrored(['oauth3lo', 'oauth2lo']));
  });
});
