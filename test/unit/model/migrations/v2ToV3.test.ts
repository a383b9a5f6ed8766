import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../../../electron/workspace/store.ts';
import { assessmentDocumentSchema } from '../../../../shared/model/assessmentDocument.ts';
import { parseDocumentText } from '../../../../shared/model/documentText.ts';
import { migrateAssessment } from '../../../../shared/model/migrations/index.ts';
import { assessmentV2ToV3 } from '../../../../shared/model/migrations/v2ToV3.ts';

// A document exactly as Applink Advisor wrote it with assessment schema version 2 (before triage and plans).
const FIXTURE = path.resolve('test/fixtures/migrations/v2/jira-wiki.json');
const readFixture = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-migrate3-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('assessment documents v2 → v3 (triage and plan)', () => {
  it('keeps everything, revision included, and only moves the version', async () => {
    const v2 = await readFixture();
    const v3 = assessmentV2ToV3(v2);
    expect(v3).toEqual({ ...v2, schemaVersion: 3 });
    expect(assessmentDocumentSchema.safeParse(v3).success).toBe(true);
    expect(migrateAssessment(v2, 3)).toEqual({ kind: 'migrated', from: 2, document: v3 });
  });

  it('a v3 document with triage is refused by a reader of v2, so an older app cannot drop the decisions', async () => {
    const v3 = { ...assessmentV2ToV3(await readFixture()) };
    expect(migrateAssessment(v3, 2)).toEqual({ kind: 'newer', version: 3 });
  });

  it('a triage decision that accepts a risk without a reason, or names no rule, is invalid with the place named', async () => {
    const v3 = assessmentV2ToV3(await readFixture()) as { link: Record<string, unknown> };
    const withTriage = (triage: unknown) => JSON.stringify({ ...v3, link: { ...v3.link, triage } });
    expect(parseDocumentText(withTriage({ R07: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'J. Admin', due: '2027-03-31' } }))).toHaveProperty('document');
    expect(parseDocumentText(withTriage({ R07: { status: 'accepted-risk' } }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('link.triage.R07.reason: expected a reason') });
    expect(parseDocumentText(withTriage({ R07: { status: 'false-positive', reason: '   ' } }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('expected a reason') });
    expect(parseDocumentText(withTriage({ 'not-a-rule': { status: 'open' } }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('expected a rule id') });
    expect(parseDocumentText(withTriage({ R07: { status: 'open', due: '2027-13-01' } }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('link.triage.R07.due: expected a date as YYYY-MM-DD') });
    expect(parseDocumentText(withTriage({ R07: { status: 'ignored' } }))).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('link.triage.R07.status') });
  });

  it('opening a v2 workspace backs up the old file and rewrites it as v3 with its revision; triage saved after that is kept in history', async () => {
    await mkdir(path.join(dir, 'links'), { recursive: true });
    await copyFile(FIXTURE, path.join(dir, 'links', 'jira-wiki.json'));
    const store = new WorkspaceStore(dir);
    const opened = await store.open([]);
    expect(opened.migrated).toBe(1);
    expect(opened.documents[0]).toMatchObject({ schemaVersion: 3, revision: 4 });
    const [backup] = await store.backups.list();
    expect(backup).toMatchObject({ automatic: true, reason: 'before migrating 1 link to schema version 3' });
    expect(await readFile(path.join(dir, 'backups', backup!.id, 'links', 'jira-wiki.json'), 'utf8')).toBe(await readFile(FIXTURE, 'utf8'));

    const link = opened.documents[0]!.link;
    const triage = { R01: { status: 'accepted-risk' as const, reason: 'Wiki is retired on 31 March', owner: 'J. Admin', due: '2027-03-31' } };
    const saved = await store.save({ ...link, triage, plan: { owner: 'J. Admin', ticket: 'CHG-2231', window: '2027-01-16' } });
    expect(saved.revision).toBe(5);
    const history = await store.historyOf('jira-wiki');
    expect(history.at(-1)?.link).toMatchObject({ triage, plan: { ticket: 'CHG-2231' } });
    const onDisk = JSON.parse(await readFile(path.join(dir, 'links', 'jira-wiki.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 3, link: { triage } });
  });
});
