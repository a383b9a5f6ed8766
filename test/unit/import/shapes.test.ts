import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../shared/import/buildImport.ts';
import { readShape } from '../../../shared/import/shapes.ts';
import { normaliseUrl } from '../../../shared/import/normaliseUrl.ts';
import { scrubSecrets } from '../../../shared/import/secrets.ts';

const API = 'com.atlassian.applinks.api.auth.types.';
const link = { id: 'a1', name: 'Wiki', type: 'confluence', displayUrl: 'https://wiki.example.com', rpcUrl: 'http://wiki:8090' };

describe('every accepted shape', () => {
  it('reads 3.0/applinks as an array and in each wrapper', () => {
    for (const json of [[link], { applinks: [link] }, { list: [link] }, { applicationLinks: [link] }]) {
      const shape = readShape(json, 'f.json');
      expect(shape).toMatchObject({ kind: 'links', endpoint: '/rest/applinks/3.0/applinks', views: [{ appId: 'a1', type: 'confluence', displayUrl: 'https://wiki.example.com' }] });
    }
  });

  it('reads the v1/v2 applicationlink list (typeId instead of type)', () => {
    const shape = readShape({ applicationLinks: [{ id: 'a1', typeId: 'stash', name: 'BB', displayUrl: 'https://bb.example.com', rpcUrl: 'https://bb.example.com', isPrimary: true }] }, 'f.json');
    expect(shape).toMatchObject({ kind: 'links', views: [{ appId: 'a1', type: 'stash' }] });
  });

  it('reads authentication/provider (providers only): outgoing known, incoming left unknown', () => {
    const shape = readShape({ configuredAuthProviders: [{ module: 'm', provider: `${API}BasicAuthenticationProvider`, config: {} }, { module: 'm', provider: 'com.example.Other' }] }, 'f.json');
    expect(shape).toEqual({ kind: 'authentication', endpoint: '/rest/applinks/latest/applicationlink/{id}/authentication', incoming: null, outgoing: ['basic'], other: ['other:com.example.Other'], executingTwoLoUser: null, consumerNames: [] });
  });

  it('reads OAuth levels and a status without local levels', () => {
    expect(readShape({ incoming: { enabled: true, twoLoEnabled: false }, outgoing: { enabled: false } }, 'f.json')).toEqual({
      kind: 'oauth-levels', endpoint: '/rest/applinks/3.0/status/{id}/oauth',
      incoming: { enabled: true, twoLo: false, twoLoImpersonation: false }, outgoing: { enabled: false, twoLo: false, twoLoImpersonation: false },
    });
    expect(readShape({ link, working: true, error: { category: 'NETWORK_ERROR', type: 'SOMETHING_NEW' } }, 'f.json')).toMatchObject({ kind: 'status', view: { working: true, errorTypeUnknown: 'SOMETHING_NEW' } });
  });

  it('names the place and what was expected for a field of the wrong kind', () => {
    expect(() => readShape({ list: [{ application: { id: 'x' }, configuredOutboundAuthenticators: 'TrustedApps' }] }, 'f.json')).toThrow('expected a list of class names');
    expect(() => readShape({ link, working: 'yes' }, 'f.json')).toThrow('expected true or false');
    expect(() => readShape({ hello: 'world' }, 'f.json')).toThrow(/not an Applinks export this app reads/);
  });

  it('imports an Applink Advisor inventory file as it is, ids included', () => {
    const inventory = { format: 'applink-advisor.inventory', version: 1, links: [{ id: 'mine', name: 'Mine', local: { product: 'jira' }, remote: { product: 'confluence' }, config: { local: { outgoing: ['oauth3lo'], incoming: [] } } }] };
    const result = buildImport([{ name: 'inventory.json', group: 'x', text: JSON.stringify(inventory) }]);
    expect(result.problems).toEqual([]);
    expect(result.links.map((l) => [l.link.id, l.generatedId])).toEqual([['mine', false]]);
  });
});

describe('normalisation and secrets', () => {
  it('compares URLs by scheme, host, port and context path only', () => {
    expect(normaliseUrl('HTTPS://Jira.Example.com:443/jira/')).toBe('https://jira.example.com/jira');
    expect(normaliseUrl('http://jira.example.com:80')).toBe('http://jira.example.com');
    expect(normaliseUrl('http://jira.example.com:8080/?x=1#y')).toBe('http://jira.example.com:8080');
    expect(normaliseUrl('jira.example.com')).toBeNull();
  });

  it('removes secrets by name and by value, anywhere, and keeps ordinary fields', () => {
    const { value, removed } = scrubSecrets({
      username: 'svc', password: 'p', nested: [{ clientSecret: 's', apiKey: 'k', note: 'Bearer abcdefghijklmnop', key: 'jira:123' }], publicKey: 'MIIB',
      auth: 'x', token: '', description: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    });
    expect(value).toEqual({ username: 'svc', nested: [{ key: 'jira:123' }], token: '' });
    expect(removed.map((r) => r.path)).toEqual(['password', 'nested[0].clientSecret', 'nested[0].apiKey', 'nested[0].note', 'auth', 'description']);
  });
});
