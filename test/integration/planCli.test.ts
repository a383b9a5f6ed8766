import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { cli } from '../fixtures/cli.ts';
import { makeLink, mirrored, OAUTH_IMP, TA } from '../fixtures/links.ts';

// #17 migration waves through the real CLI, over a real workspace folder.
let dir: string;
let workspace: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-plan-'));
  workspace = path.join(dir, 'ws');
  const store = new WorkspaceStore(workspace);
  await store.save(makeLink({ id: 'ta-1', name: 'Jira: prod; #1', config: mirrored(TA), plan: { window: '2999-01-15', owner: 'Ana', ticket: 'CHG-1' } }));
  await store.save(makeLink({ id: 'old-1', name: 'Old OAuth', config: mirrored(OAUTH_IMP), plan: { window: '2999-01-15' } }));
  await store.save(makeLink({ id: 'ta-2', name: 'Late', config: mirrored(TA), plan: { window: '2000-01-01', owner: 'Bo' } }));
  await store.save(makeLink({ id: 'ta-3', name: 'Unplanned', config: mirrored(TA) }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('plan', () => {
  it('prints the waves in date order, the unscheduled group and the order problems with their ids', async () => {
    const { code, out } = await cli('plan', '--workspace', workspace);
    expect(code).toBe(0);
    expect(out).toMatch(/^WAVE\s+LINKS\s+OPEN\s+DONE\s+LOCKED\s+ITEMS DONE\s+OWNERS$/m);
    const waves = [...out.matchAll(/^(Wave \S+|Unscheduled)\s+(\d+)/gm)].map((m) => [m[1], m[2]]);
    expect(waves).toEqual([['Wave 2000-01-01', '1'], ['Wave 2999-01-15', '2'], ['Unscheduled', '1']]);
    expect(out).toMatch(/^PLAN01 {2}old-1 {2}Planned for OAuth 2\.0 in 2999-01-15, but Jira 9\.12\.4 is below 11\.2/m);
    expect(out).toMatch(/^PLAN05 {2}ta-2 {2}The window 2000-01-01 has passed/m);
    expect(out).not.toMatch(/PLAN06/);
  });

  it('prints JSON with the waves, totals and problems, and Markdown with a mermaid gantt', async () => {
    const json = await cli('plan', '--workspace', workspace, '--format', 'json');
    const plan = JSON.parse(json.out);
    expect(Object.keys(plan).sort()).toEqual(['leftOut', 'problems', 'today', 'totals', 'waves']);
    expect(plan.totals).toEqual({ links: 4, open: 3, done: 0, planned: 1 });
    expect(plan.waves[1].links.map((l: { id: string }) => l.id)).toEqual(['ta-1', 'old-1']);
    expect(plan.problems.map((p: { rule: string }) => p.rule)).toContain('PLAN01');
    const md = await cli('plan', '--workspace', workspace, '--format', 'md');
    expect(md.out).toMatch(/^```mermaid\n%%\{init: .*\}%%\ngantt\n/m);
    expect(md.out).toContain('#74;ira#58; prod#59; #35;1 #8212; Ana:active, t2, 2999-01-15, 1d');
  });

  it('exits 2 for a workspace that does not exist and 64 for an unknown format', async () => {
    const missing = await cli('plan', '--workspace', path.join(dir, 'missing'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist/);
    expect((await cli('plan', '--workspace', workspace, '--format', 'csv')).code).toBe(64);
  });
});
