import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/workspace/store.ts';
import { assessmentDocumentSchema } from '../../../../shared/model/assessmentDocument.ts';
import { migrateAssessment } from '../../../../shared/model/migrations/index.ts';
import { assessmentV1ToV2 } from '../../../../shared/model/migrations/v1ToV2.ts';
import { assessmentV2ToV3 } from '../../../../shared/model/migrations/v2ToV3.ts';

// Documents exactly as Applink Advisor wrote them with assessment schema version 1.
const FIXTURES = path.resolve('test/fixtures/migrations/v1');
const readFixture = async (name: string) => JSON.parse(await readFile(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-migrate-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('assessment documents v1 → v2', () => {
  it('adds revision 1 and keeps the link, checklists and times as they were', async () => {
    const v1 = await readFixture('jira-wiki.json');
    const v2 = assessmentV1ToV2(v1);
    expect(v2).toEqual({ ...v1, schemaVersion: 2, revision: 1 });
    expect(assessmentDocumentSchema.safeParse(assessmentV2ToV3(v2)).success).toBe(true);
    expect(v1.schemaVersion).toBe(1);
  });

  it('is what migrateAssessment applies to a v1 document; a current one passes through and a newer one is refused', async () => {
    const v1 = await readFixture('jira-bitbucket.json');
    expect(migrateAssessment(v1, 2)).toEqual({ kind: 'migrated', from: 1, document: assessmentV1ToV2(v1) });
    const current = assessmentV1ToV2(v1);
    expect(migrateAssessment(current, 2)).toEqual({ kind: 'current', document: current });
    expect(migrateAssessment({ ...v1, schemaVersion: 3 }, 2)).toEqual({ kind: 'newer', version: 3 });
    expect(migrateAssessment({ ...v1, schemaVersion: 'one' }, 2)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/schemaVersion/) });
    expect(migrateAssessment([v1], 2)).toMatchObject({ kind: 'unknown', reason: 'expected a JSON object' });
  });

  it('opening a v1 workspace takes a backup of the old files, then rewrites every document in the current version', async () => {
    await mkdir(path.join(dir, 'links'), { recursive: true });
    for (const name of await readdir(FIXTURES)) await copyFile(path.join(FIXTURES, name), path.join(dir, 'links', name));
    const store = new WorkspaceStore(dir);
    const opened = await store.open([]);
    expect(opened.migrated).toBe(2);
    expect(opened.unreadable).toEqual([]);
    expect(opened.documents.map((d) => [d.link.id, d.schemaVersion, d.revision])).toEqual([['jira-bitbucket', 3, 1], ['jira-wiki', 3, 1]]);

    const onDisk = JSON.parse(await readFile(path.join(dir, 'links', 'jira-wiki.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 3, revision: 1, updatedAt: '2026-06-02T10:30:00.000Z' });

    const [backup] = await store.backups.list();
    expect(backup).toMatchObject({ automatic: true, linkCount: 2, reason: 'before migrating 2 links to schema version 3' });
    const kept = await readFile(path.join(dir, 'backups', backup!.id, 'links', 'jira-wiki.json'), 'utf8');
    expect(kept).toBe(await readFile(path.join(FIXTURES, 'jira-wiki.json'), 'utf8'));

    const again = await store.open([]);
    expect(again.migrated).toBe(0);
    expect(await store.backups.list()).toHaveLength(1);
  });

  it('a read-only open (workspace held elsewhere) migrates in memory and leaves the files alone', async () => {
    await mkdir(path.join(dir, 'links'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'jira-wiki.json'), path.join(dir, 'links', 'jira-wiki.json'));
    const store = new WorkspaceStore(dir);
    store.setReadOnly('held by another process');
    const opened = await store.open([]);
    expect(opened.documents[0]).toMatchObject({ schemaVersion: 3, revision: 1 });
    expect(await readFile(path.join(dir, 'links', 'jira-wiki.json'), 'utf8')).toBe(await readFile(path.join(FIXTURES, 'jira-wiki.json'), 'utf8'));
    expect(await store.backups.list()).toEqual([]);
  });

  it('restoring a backup taken before the migration brings its v1 files back in the current version', async () => {
    await mkdir(path.join(dir, 'links'), { recursive: true });
    await copyFile(path.join(FIXTURES, 'jira-wiki.json'), path.join(dir, 'links', 'jira-wiki.json'));
    const store = new WorkspaceStore(dir);
    await store.open([]);
    const [backup] = await store.backups.list();
    const migrated = (await store.get('jira-wiki'))!;
    await store.save({ ...migrated.link, notes: 'edited after the migration' });
    await store.restoreBackup(backup!.id);
    const restored = await store.get('jira-wiki');
    expect(restored).toMatchObject({ schemaVersion: 3, revision: 3, link: migrated.link });
    expect((await store.historyOf('jira-wiki')).map((e) => [e.revision, e.event ?? null])).toEqual([[1, null], [2, null], [3, `restored from backup ${backup!.id}`]]);
  });
});
