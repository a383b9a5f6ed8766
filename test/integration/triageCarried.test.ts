import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { cli } from '../fixtures/cli.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';
import { readFile } from 'node:fs/promises';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-triage-carried-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const accept = (root: string) => cli('triage', '--workspace', root, '--link', 'ta', '--rule', 'R06', '--status', 'accepted-risk',
  '--reason', 'Server retired in March', '--owner', 'Ann Admin', '--due', '2099-03-31');

// A triage decision is part of the link: history entries and bundles carry the link whole (issue 17).
describe('a triage decision is carried like the rest of the link', () => {
  it('is a saved state in the history, and a change in "what changed since" a backup', async () => {
    const root = path.join(dir, 'history');
    const store = new WorkspaceStore(root);
    await store.open([], 'test');
    await store.save(makeLink({ id: 'ta', name: 'TA link', config: mirrored(TA) }));
    const backup = /as (\S+)\.$/m.exec((await cli('workspace', 'backup', '--workspace', root)).out)![1]!;
    expect((await accept(root)).code).toBe(0);

    const history = await store.historyOf('ta');
    expect(history.map((h) => [h.revision, h.event ?? null, h.link.triage?.R06?.status ?? null])).toEqual([[1, null, null], [2, 'triage R06: accepted-risk', 'accepted-risk']]);

    const out = path.join(dir, 'history.json');
    expect((await cli('report', '--workspace', root, '--format', 'json', '--out', out, '--history', '--since-backup', backup)).code).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.changes.rows).toEqual([expect.objectContaining({
      id: 'ta', kind: 'changed',
      fields: ['link.triage.R06.at', 'link.triage.R06.due', 'link.triage.R06.owner', 'link.triage.R06.reason', 'link.triage.R06.status'],
    })]);
    expect(report.links[0].history[0]).toMatchObject({ revision: 2, event: 'triage R06: accepted-risk', fields: expect.arrayContaining(['link.triage.R06.status']) });
  });

  it('survives a bundle export and import: into a new workspace, and as an update of the state without it', async () => {
    const from = path.join(dir, 'from');
    const source = new WorkspaceStore(from);
    await source.open([], 'test');
    await source.save(makeLink({ id: 'ta', name: 'TA link', config: mirrored(TA) }));
    const untriaged = path.join(dir, 'untriaged.bundle');
    expect((await cli('export-bundle', '--workspace', from, '--out', untriaged)).code).toBe(0);
    const to = path.join(dir, 'to');
    expect((await cli('import-bundle', untriaged, '--workspace', to)).code).toBe(0);

    expect((await accept(from)).code).toBe(0);
    const decision = (await source.get('ta'))!.link.triage;
    const triaged = path.join(dir, 'triaged.bundle');
    expect((await cli('export-bundle', '--workspace', from, '--out', triaged)).code).toBe(0);

    const fresh = path.join(dir, 'fresh');
    expect((await cli('import-bundle', triaged, '--workspace', fresh)).code).toBe(0);
    expect((await new WorkspaceStore(fresh).get('ta'))!.link.triage).toEqual(decision);

    const preview = await cli('import-bundle', triaged, '--workspace', to, '--dry-run', '--format', 'json');
    expect(JSON.parse(preview.out).rows.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([['ta', 'update']]);
    expect((await cli('import-bundle', triaged, '--workspace', to)).code).toBe(0);
    expect((await new WorkspaceStore(to).get('ta'))!.link.triage).toEqual(decision);
    expect(decision).toMatchObject({ R06: { status: 'accepted-risk', reason: 'Server retired in March', owner: 'Ann Admin', due: '2099-03-31' } });
  });
});
