import { describe, expect, it } from 'vitest';
import { buildImport, type ImportFile } from '../../../shared/import/buildImport.ts';
import { API, jiraEstate, LINKS } from '../../fixtures/import/handSaved.ts';

const auth = (consumers: unknown[], providers: string[]) => ({ consumers, configuredAuthProviders: providers.map((p) => ({ module: 'm', provider: API + p, config: {} })) });
const oauthLevels = { incoming: { enabled: true, twoLoEnabled: true, twoLoImpersonationEnabled: false }, outgoing: { enabled: true, twoLoEnabled: true, twoLoImpersonationEnabled: false } };
const files = (extra: Array<{ name: string; json: unknown }>): ImportFile[] =>
  [...jiraEstate(), ...extra].map(({ name, json }) => ({ name, group: 'jira', text: JSON.stringify(json) }));
const placed = (result: ReturnType<typeof buildImport>, file: string) => result.files.find((f) => f.file === file)?.attributedTo;
const linkNamed = (result: ReturnType<typeof buildImport>, name: string) => result.links.find((l) => l.link.name === `Corporate Jira ↔ ${name}`)!;

describe('placing an answer that names no link', () => {
  it('by a link id in its file name or in a folder name', () => {
    const result = buildImport(files([
      { name: `exports/jira/oauth-${LINKS.agents}.json`, json: oauthLevels },
      { name: `exports/jira/${LINKS.wiki.toUpperCase()}/authentication.json`, json: auth([], ['OAuthAuthenticationProvider']) },
    ]));
    expect(result.problems).toEqual([]);
    expect(result.unattributed).toEqual([]);
    expect(placed(result, `exports/jira/oauth-${LINKS.agents}.json`)).toEqual({ id: LINKS.agents, name: 'Build agents', by: 'link id in its name' });
    expect(placed(result, `exports/jira/${LINKS.wiki.toUpperCase()}/authentication.json`)).toMatchObject({ id: LINKS.wiki, by: 'link id in its name' });
    expect(linkNamed(result, 'Build agents').link.config.local.outgoing).toEqual(['oauth3lo', 'oauth2lo']);
    expect(linkNamed(result, 'Corporate Wiki').link.config.local.outgoing).toEqual(['trustedApps', 'oauth3lo']);
  });

  it('by its OAuth consumer: the consumer\'s name, or the application type its key starts with when one link has that type', () => {
    const byName = buildImport(files([{ name: 'exports/jira/auth-1.json', json: auth([{ key: 'x:1', name: 'Corporate Wiki', twoLOAllowed: true, outgoing: false }], []) }]));
    expect(placed(byName, 'exports/jira/auth-1.json')).toEqual({ id: LINKS.wiki, name: 'Corporate Wiki', by: 'OAuth consumer' });
    expect(linkNamed(byName, 'Corporate Wiki').link.config.local.incoming).toEqual(['oauth3lo', 'oauth2lo']);

    const byKey = buildImport(files([{ name: 'exports/jira/auth-2.json', json: auth([{ key: 'confluence:88123', name: 'Wiki (renamed since)', outgoing: false }], []) }]));
    expect(placed(byKey, 'exports/jira/auth-2.json')).toEqual({ id: LINKS.wiki, name: 'Corporate Wiki', by: 'OAuth consumer' });
    // Two Bamboo links: a key starting "bamboo:" places nothing by itself.
    const twoOfAType = buildImport(files([{ name: 'exports/jira/auth-3.json', json: auth([{ key: 'bamboo:42', name: 'CI', outgoing: false }], []) }]));
    expect(twoOfAType.unattributed.map((u) => u.file)).toEqual(['exports/jira/auth-3.json']);
  });

  it('by a unique match of its file name with one link: authentication-radiator.json ↔ "Build radiator"', () => {
    const result = buildImport(files([
      { name: 'exports/jira/authentication-radiator.json', json: auth([], ['BasicAuthenticationProvider', 'OAuthAuthenticationProvider']) },
      { name: 'exports/jira/jira-wiki-oauth.json', json: oauthLevels },
    ]));
    expect(result.problems).toEqual([]);
    expect(result.unattributed).toEqual([]);
    expect(placed(result, 'exports/jira/authentication-radiator.json')).toEqual({ id: LINKS.radiator, name: 'Build radiator', by: 'file name' });
    // "jira" is the server's own name, so it says nothing about the link; "wiki" does.
    expect(placed(result, 'exports/jira/jira-wiki-oauth.json')).toMatchObject({ id: LINKS.wiki, by: 'file name' });
    expect(linkNamed(result, 'Build radiator').link.config.local.outgoing).toEqual(['basic', 'oauth3lo']);
  });

  it('leaves an ambiguous or unmatched file unattributed, with the server\'s links to choose from, and still reads the rest', () => {
    const result = buildImport(files([
      { name: 'exports/jira/authentication-build.json', json: auth([], ['BasicAuthenticationProvider']) },
      { name: 'exports/jira/oauth.json', json: oauthLevels },
      { name: 'exports/jira/authentication-radiator.json', json: auth([], ['BasicAuthenticationProvider']) },
    ]));
    expect(result.problems).toEqual([]);
    expect(result.unattributed).toEqual([
      {
        file: 'exports/jira/authentication-build.json', group: 'jira', endpoint: '/rest/applinks/latest/applicationlink/{id}/authentication',
        reason: 'its file name matches 2 links equally (Build radiator, Build agents)', suggestedName: 'jira.authentication.<link id>.json',
        candidates: [
          { id: LINKS.agents, name: 'Build agents', url: 'https://agents.ci.example' },
          { id: LINKS.radiator, name: 'Build radiator', url: 'https://radiator.ci.example' },
          { id: LINKS.wiki, name: 'Corporate Wiki', url: 'https://wiki.corp.example' },
        ],
      },
      expect.objectContaining({ file: 'exports/jira/oauth.json', endpoint: '/rest/applinks/3.0/status/{id}/oauth', suggestedName: 'jira.oauth.<link id>.json', reason: 'neither its name nor its content names one of the server\'s links' }),
    ]);
    expect(result.links).toHaveLength(3);
    expect(placed(result, 'exports/jira/authentication-radiator.json')).toMatchObject({ id: LINKS.radiator });
  });

  it('attaches a file to the link the user chose, refuses a link the server does not have, and leaves out a skipped file', () => {
    const extra = [
      { name: 'exports/jira/authentication-build.json', json: auth([], ['OAuthAuthenticationProvider']) },
      { name: 'exports/jira/oauth.json', json: oauthLevels },
    ];
    const chosen = buildImport(files(extra), { attach: { 'exports/jira/authentication-build.json': LINKS.agents }, skip: ['exports/jira/oauth.json'] });
    expect(chosen.problems).toEqual([]);
    expect(chosen.unattributed).toEqual([]);
    expect(placed(chosen, 'exports/jira/authentication-build.json')).toEqual({ id: LINKS.agents, name: 'Build agents', by: 'your choice' });
    expect(linkNamed(chosen, 'Build agents').link.config.local.outgoing).toEqual(['oauth3lo']);
    expect(chosen.files.find((f) => f.file === 'exports/jira/oauth.json')!.kind).toBe('left out (your choice)');
    expect(linkNamed(chosen, 'Build agents').sources).not.toContain('exports/jira/oauth.json');

    const wrong = buildImport(files(extra), { attach: { 'exports/jira/authentication-build.json': 'no-such-link' }, skip: ['exports/jira/oauth.json'] });
    expect(wrong.problems).toEqual([{
      file: 'exports/jira/authentication-build.json', path: '(root)',
      message: `attached to link "no-such-link", which is not one of this server's links: choose one of ${LINKS.agents} (Build agents), ${LINKS.radiator} (Build radiator), ${LINKS.wiki} (Corporate Wiki)`,
    }]);
  });

  it('offers no choice for a per-link answer imported without its server\'s list of links, and says what to add', () => {
    const result = buildImport([{ name: 'authentication-radiator.json', group: 'exports', text: JSON.stringify(auth([], ['BasicAuthenticationProvider'])) }]);
    expect(result.unattributed).toEqual([expect.objectContaining({ candidates: [], reason: expect.stringMatching(/no list of the server's links was imported with it \(add its \/rest\/applinks\/1\.0\/listApplicationlinks/) })]);
  });
});
