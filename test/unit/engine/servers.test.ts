import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { hostOf, summariseServers } from '../../../shared/engine/servers.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { Link } from '../../../shared/model/link.ts';
import { makeLink } from '../../fixtures/links.ts';

// #17: "Jira prod: 140 links, 31 still on Trusted Apps" must be one glance.
const doc = (link: Link): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: '2026-12-03T00:00:00.000Z', updatedAt: '2026-12-03T00:00:00.000Z' });
const assessed = (links: Link[]) => links.map((link) => ({ document: doc(link), verdict: assessLink(link) }));

describe('servers of an estate', () => {
  it('counts each link once per server it has an end on, with the authentication that end uses', () => {
    const jira = { product: 'jira' as const, version: '9.12.4', baseUrl: 'https://jira.corp.example' };
    const links = [
      makeLink({ id: 'a', local: jira, remote: { baseUrl: 'https://wiki.corp.example' }, config: { local: { outgoing: ['trustedApps'], incoming: ['trustedApps'] }, remote: { outgoing: ['trustedApps'], incoming: ['trustedApps'] } } }),
      makeLink({ id: 'b', local: { ...jira, version: '9.12.10' }, remote: { product: 'bamboo', baseUrl: 'https://ci.corp.example:8443/' }, config: { local: { outgoing: ['oauth3lo', 'oauth2lo'], incoming: ['basic'] } } }),
      makeLink({ id: 'c', local: { ...jira, baseUrl: 'https://JIRA.corp.example/jira' }, remote: { baseUrl: 'https://wiki.corp.example' }, config: { local: { outgoing: [], incoming: [] }, remote: { outgoing: ['oauth2'], incoming: ['oauth2'] } } }),
    ];
    const servers = summariseServers(assessed(links));
    const jiraServer = servers.find((s) => s.url === 'jira.corp.example')!;
    expect(jiraServer).toMatchObject({ product: 'jira', version: '9.12.10', links: 3, auth: { trustedApps: 1, basic: 1, oauth: 1, oauth2: 0, none: 1 } });
    expect(servers.find((s) => s.url === 'wiki.corp.example')).toMatchObject({ links: 2, auth: { trustedApps: 1, oauth2: 1 } });
    // The remote end's configuration is unknown for link b: Bamboo's server counts the link, not an authentication.
    expect(servers.find((s) => s.url === 'ci.corp.example:8443')).toMatchObject({ links: 1, auth: { trustedApps: 0, basic: 0, oauth: 0, oauth2: 0, none: 0 } });
    expect(servers[0]!.url).toBe('jira.corp.example');
    const worst = assessLink(links[0]!).worstSeverity;
    expect(jiraServer.worstSeverity).toBe(worst);
    expect(Object.values(jiraServer.readiness).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('reads hosts case-insensitively, with non-default ports, and groups ends without a URL together', () => {
    expect(hostOf('https://Jira.Example.com:443/x')).toBe('jira.example.com');
    expect(hostOf('http://jira.example.com:8080')).toBe('jira.example.com:8080');
    expect(hostOf(undefined)).toBeNull();
    const servers = summariseServers(assessed([makeLink({ id: 'n', local: { baseUrl: undefined }, remote: { baseUrl: undefined } })]));
    expect(servers).toHaveLength(1);
    expect(servers[0]).toMatchObject({ url: '(no URL)', links: 1 });
  });
});
