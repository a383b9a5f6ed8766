import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { reconcileEnds } from '../../../shared/engine/reconcileEnds.ts';
import { buildImport, type ImportFile } from '../../../shared/import/buildImport.ts';
import { groupOf } from '../../../shared/import/fileGroups.ts';

const ESTATE = path.resolve('test/fixtures/import/estate');
const JIRA = '8a2b0c6e-1f3d-3a4b-9c5d-6e7f8a9b0c1d';
const WIKI = '3c4d5e6f-7a8b-3c9d-8e0f-1a2b3c4d5e6f';

export async function estateFiles(only?: (name: string) => boolean): Promise<ImportFile[]> {
  const names = (await readdir(ESTATE)).filter((n) => !only || only(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, group: groupOf(name, 'estate'), text: await readFile(path.join(ESTATE, name), 'utf8') })));
}

describe('importing a two-server estate', () => {
  it('reconciles Jira\'s and Confluence\'s exports into one link with both ends, and finds the mismatch', async () => {
    const result = buildImport(await estateFiles());
    expect(result.problems).toEqual([]);
    const byName = Object.fromEntries(result.links.map((l) => [l.link.name, l]));
    expect(Object.keys(byName).sort()).toEqual(['Bamboo → Bitbucket, CI', 'Corporate Jira ↔ Bitbucket', 'Corporate Jira ↔ Corporate Wiki']);

    const pair = byName['Corporate Jira ↔ Corporate Wiki']!;
    expect(pair.bothEnds).toBe(true);
    expect(pair.link).toMatchObject({
      local: { product: 'jira', version: '9.12.4', applinksVersion: '9.1.2', baseUrl: 'https://jira.corp.example' },
      remote: { product: 'confluence', version: '8.5.4', baseUrl: 'https://wiki.corp.example' },
      config: {
        local: { outgoing: ['trustedApps', 'basic', 'oauth3lo', 'oauth2lo', 'oauth2loi'], incoming: ['trustedApps', 'oauth3lo', 'oauth2lo', 'oauth2loi'] },
        remote: { outgoing: ['oauth3lo', 'oauth2lo'], incoming: ['oauth3lo', 'oauth2lo'] },
      },
      status: { working: false, errorType: 'AUTH_LEVEL_MISMATCH' },
      observations: { twoLoExecutingUser: 'svc-wiki-2lo' },
    });
    expect(pair.sources.sort()).toEqual([`jira.authentication.${WIKI}.json`, 'jira.listApplicationlinks.json', `jira.status.${WIKI}.json`, 'wiki.applinks.json', `wiki.oauth.${JIRA}.json`, `wiki.status.${JIRA}.json`]);
    // The mirror rule (R10) fires from the two configurations themselves, not only from the status error.
    expect(reconcileEnds(pair.link.config.local, pair.link.config.remote!).length).toBeGreaterThan(0);
    const { status: _status, ...withoutStatus } = pair.link;
    expect(assessLink(withoutStatus).findings.map((f) => f.rule)).toContain('R10');

    const oneSided = byName['Corporate Jira ↔ Bitbucket']!;
    expect(oneSided.bothEnds).toBe(false);
    expect(oneSided.link.config.remote).toBeUndefined();
    expect(oneSided.link.remote).toEqual({ product: 'bitbucket', baseUrl: 'https://bitbucket.corp.example:443' });
    expect(oneSided.link.observations?.otherProviders).toEqual(['other:com.example.sso.KerberosAuthenticationProvider (outgoing)']);
    expect(oneSided.warnings.join(' ')).toMatch(/seen from one side only/);
  });

  it('says which secrets it removed from which file, by place only', async () => {
    const { files } = buildImport(await estateFiles());
    const removed = Object.fromEntries(files.filter((f) => f.secretsRemoved.length).map((f) => [f.file, f.secretsRemoved.map((s) => s.path)]));
    expect(removed).toEqual({
      [`jira.authentication.${WIKI}.json`]: ['consumers[0].sharedSecret', 'configuredAuthProviders[2].config.password'],
      'wiki.applinks.json': ['applinks[0].properties.oauth.accessToken', 'applinks[0].data.privateNote'],
    });
  });
});
