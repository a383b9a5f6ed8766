import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { API, jiraEstate, LINKS } from '../fixtures/import/handSaved.ts';
import { cli } from '../fixtures/cli.ts';

let dir: string;
let exports: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-attach-'));
  exports = path.join(dir, 'exports');
  const extra = [
    { name: 'exports/jira/authentication-radiator.json', json: { consumers: [], configuredAuthProviders: [{ provider: `${API}BasicAuthenticationProvider` }] } },
    { name: 'exports/jira/authentication-build.json', json: { consumers: [], configuredAuthProviders: [{ provider: `${API}OAuthAuthenticationProvider` }] } },
  ];
  for (const { name, json } of [...jiraEstate(), ...extra]) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), JSON.stringify(json));
  }
  await writeFile(path.join(exports, 'README.txt'), 'saved by hand');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('applink-advisor import of a folder saved by hand', () => {
  it('exits 2 naming the file it cannot place and both flags, and imports nothing', async () => {
    const workspace = path.join(dir, 'ws-refused');
    const result = await cli('import', exports, '--workspace', workspace);
    expect(result.code).toBe(2);
    expect(result.out).toMatch(/^exports\/jira\/authentication-radiator\.json {2}\[jira\] {2}\/rest\/applinks\/latest\/applicationlink\/\{id\}\/authentication\n {2}about link Build radiator \(0b8f6c1e-1111-4a2b-9c3d-000000000001\), by file name$/m);
    expect(result.err).toContain(`exports/jira/authentication-build.json: cannot tell which of jira's links this /rest/applinks/latest/applicationlink/{id}/authentication answer is about: its file name matches 2 links equally (Build radiator, Build agents). Attach it with --attach exports/jira/authentication-build.json=LINK_ID (LINK_ID one of: ${LINKS.agents} (Build agents), ${LINKS.radiator} (Build radiator), ${LINKS.wiki} (Corporate Wiki)), or leave it out with --skip exports/jira/authentication-build.json (or rename it jira.authentication.<link id>.json).`);
    expect(result.err).toContain('Not read (not .json or .csv): exports/README.txt');
    expect(result.err).toMatch(/Nothing was imported: 1 problem\.\n$/);
    expect((await new WorkspaceStore(workspace).list()).documents).toEqual([]);
  });

  it('--attach FILE=LINK_ID places it and the import goes through', async () => {
    const workspace = path.join(dir, 'ws-attached');
    // The FILE may be given as the path typed on this machine; it is matched to the name the preview shows.
    const result = await cli('import', exports, '--workspace', workspace, '--attach', `${path.join(exports, 'jira', 'authentication-build.json')}=${LINKS.agents}`);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/authentication-build\.json {2}\[jira\] .*\n {2}about link Build agents \(.*\), by your choice$/m);
    const stored = (await new WorkspaceStore(workspace).list()).documents.map((d) => [d.link.name, d.link.config.local.outgoing]);
    expect(stored).toContainEqual(['Corporate Jira ↔ Build agents', ['oauth3lo']]);
    expect(stored).toContainEqual(['Corporate Jira ↔ Build radiator', ['basic']]);
  });

  it('--skip FILE leaves it out and imports the rest; a wrong flag is a command-line error', async () => {
    const workspace = path.join(dir, 'ws-skipped');
    const result = await cli('import', exports, '--workspace', workspace, '--skip', 'exports/jira/authentication-build.json');
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^exports\/jira\/authentication-build\.json {2}\[jira\] {2}left out \(your choice\)$/m);
    expect((await new WorkspaceStore(workspace).list()).documents).toHaveLength(3);

    const unknownFile = await cli('import', exports, '--dry-run', '--skip', 'nothing-like-it.json');
    expect(unknownFile.code).toBe(64);
    expect(unknownFile.err).toMatch(/^--skip nothing-like-it\.json: "nothing-like-it\.json" is not one of the files being imported\n/m);
    expect((await cli('import', exports, '--dry-run', '--attach', 'authentication-build.json')).err).toMatch(/--attach takes FILE=LINK_ID, not "authentication-build\.json"/);
    const unknownLink = await cli('import', exports, '--dry-run', '--attach', 'authentication-build.json=nope');
    expect(unknownLink.code).toBe(2);
    expect(unknownLink.err).toMatch(/^exports\/jira\/authentication-build\.json: \(root\): attached to link "nope", which is not one of this server's links: choose one of /m);
  });
});
