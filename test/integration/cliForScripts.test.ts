import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { makeLink } from '../fixtures/links.ts';
import { cli } from '../fixtures/cli.ts';

// #18 "for the ticket and the pipeline" and #17's servers command, through the real CLI.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-scripts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('assess for scripts', () => {
  it('prints a summary line on stderr, CSV on stdout, and exits 3 only when --fail-on finds a finding that severe', async () => {
    const csv = await cli('assess', 'assets/demo-estate.inventory.json', '--format', 'csv');
    expect(csv.code).toBe(0);
    const rows = parse(csv.out, { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.id === 'jira-wiki')).toMatchObject({ recommended: 'OAUTH_IMPERSONATION', worst_severity: 'high' });
    expect(csv.err).toMatch(new RegExp(`^${rows.length} links — recommended: .+; worst finding: .+\\.\\n$`));
    const high = await cli('assess', 'assets/demo-estate.inventory.json', '--fail-on', 'high');
    expect(high.code).toBe(3);
    expect(high.err).toMatch(/links? ha(s|ve) an open finding of high severity or worse \(.*jira-wiki/);
    const clean = path.join(dir, 'clean.json');
    await writeFile(clean, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [makeLink({ id: 'o2', local: { product: 'jira', version: '10.3.0', applinksVersion: '10.0.0' }, remote: { product: 'confluence', version: '9.2.0', applinksVersion: '10.0.0' }, config: { local: { outgoing: ['oauth2'], incoming: ['oauth2'] }, remote: { outgoing: ['oauth2'], incoming: ['oauth2'] } } })] }));
    const cleanRun = await cli('assess', clean, '--fail-on', 'high');
    expect(cleanRun.code, cleanRun.err).toBe(0);
    expect((await cli('assess', clean, '--fail-on', 'severe')).code).toBe(64);
  });
});

describe('checklist --format jira', () => {
  it('writes Jira wiki markup, not Markdown', async () => {
    const { code, out } = await cli('checklist', 'assets/demo-estate.inventory.json', '--link', 'jira-wiki', '--format', 'jira');
    expect(code).toBe(0);
    expect(out).toMatch(/^h1\. .+: Jira ↔ Wiki \(Confluence\)/);
    expect(out).toMatch(/^h2\. /m);
    expect(out).not.toMatch(/^#+ |^- \[ \]/m);
  });
});

describe('servers', () => {
  it('lists each server once with its links and authentication, as a table and as JSON', async () => {
    const workspace = path.join(dir, 'ws');
    const store = new WorkspaceStore(workspace);
    const jira = { baseUrl: 'https://jira.corp.example' };
    await store.save(makeLink({ id: 'a', name: 'A', local: jira, remote: { baseUrl: 'https://wiki.corp.example' }, config: { local: { outgoing: ['trustedApps'], incoming: ['trustedApps'] } } }));
    await store.save(makeLink({ id: 'b', name: 'B', local: jira, remote: { product: 'bamboo', baseUrl: 'https://ci.corp.example' }, config: { local: { outgoing: ['oauth3lo'], incoming: [] } } }));
    const json = await cli('servers', '--workspace', workspace, '--format', 'json');
    expect(json.code).toBe(0);
    const { servers } = JSON.parse(json.out);
    expect(servers[0]).toMatchObject({ url: 'jira.corp.example', product: 'jira', links: 2, auth: { trustedApps: 1, basic: 0, oauth: 1, oauth2: 0, none: 0 } });
    expect(Object.keys(servers[0]).sort()).toEqual(['auth', 'links', 'migrations', 'product', 'readiness', 'url', 'version', 'worstSeverity']);
    const table = await cli('servers', '--workspace', workspace);
    expect(table.out.split('\n')[0]).toMatch(/^SERVER\s+PRODUCT\s+VERSION\s+LINKS\s+TRUSTED APPS/);
    expect(table.out).toMatch(/^jira\.corp\.example\s+Jira\s+\S+\s+2\s+1\s+0\s+1\s/m);
    expect((await cli('servers', '--workspace', path.join(dir, 'missing'))).code).toBe(2);
  });
});
