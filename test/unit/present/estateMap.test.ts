import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import type { Link } from '../../../shared/model/link.ts';
import { estateMapReportSection, estateMapSvg, layoutEstateMap, MAX_MAP_SERVERS, omissionText } from '../../../shared/present/estateMap.ts';
import { buildReport } from '../../../shared/present/report/reportModel.ts';
import { reportHtml } from '../../../shared/present/report/reportFormats.ts';
import { makeLink } from '../../fixtures/links.ts';

const doc = (link: Link): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: '2026-12-03T00:00:00.000Z', updatedAt: '2026-12-03T00:00:00.000Z' });
const assessed = (links: Link[]) => links.map((link) => ({ document: doc(link), verdict: assessLink(link) }));
const url = (host: string) => `https://${host}.corp.example`;

/** A hub-and-spoke estate of `count` servers: a hub linked to every other, with some spokes linked to each other. */
function estate(count: number): Link[] {
  const links: Link[] = [];
  for (let i = 1; i < count; i++) {
    links.push(makeLink({ id: `hub-${i}`, local: { product: 'jira', baseUrl: url('hub') }, remote: { product: 'confluence', baseUrl: url(`s${i}`) },
      config: { local: { outgoing: i % 3 === 0 ? ['trustedApps'] : ['oauth3lo', 'oauth2lo'], incoming: ['oauth3lo', 'oauth2lo'] } } }));
    // Servers with a lower number get more links, so "most links" is well defined.
    for (let j = 0; j < Math.max(0, 3 - Math.floor(i / 20)); j++) {
      links.push(makeLink({ id: `s${i}-${j}`, local: { product: 'confluence', baseUrl: url(`s${i}`) }, remote: { product: 'bamboo', baseUrl: url(`s${(i % (count - 1)) + 1}x`) }, config: { local: { outgoing: ['basic'], incoming: [] } } }));
    }
  }
  return links;
}

describe('estate map (#17)', () => {
  it('draws one edge per pair of servers, coloured by the oldest authentication its links use', () => {
    const links = [
      makeLink({ id: 'a', local: { product: 'jira', baseUrl: url('jira') }, remote: { baseUrl: url('wiki') }, config: { local: { outgoing: ['oauth3lo', 'oauth2lo'], incoming: ['oauth3lo', 'oauth2lo'] } } }),
      makeLink({ id: 'b', local: { product: 'confluence', baseUrl: url('wiki') }, remote: { product: 'jira', baseUrl: url('jira') }, config: { local: { outgoing: ['trustedApps'], incoming: [] } } }),
      makeLink({ id: 'c', local: { product: 'jira', baseUrl: url('jira') }, remote: { product: 'bamboo', baseUrl: url('ci') }, config: { local: { outgoing: ['oauth2'], incoming: ['oauth2'] } } }),
    ];
    const map = layoutEstateMap(assessed(links));
    expect(map.nodes.map((n) => n.server.url)).toEqual(['jira.corp.example', 'wiki.corp.example', 'ci.corp.example']);
    expect(map.edges).toHaveLength(2);
    const wiki = map.edges.find((e) => e.to === 'wiki.corp.example' || e.from === 'wiki.corp.example')!;
    expect(wiki).toMatchObject({ links: 2, auth: 'trustedApps', byAuth: { trustedApps: 1, oauth: 1 } });
    expect(map.edges.find((e) => e.links === 1)!.auth).toBe('oauth2');
    const svg = estateMapSvg(map);
    expect(svg).toContain('data-auth="trustedApps"');
    expect(svg).toContain('data-auth="oauth2"');
    expect(omissionText(map)).toBeNull();
  });

  it('is deterministic, keeps every node inside the picture and no two nodes closer than a label width', () => {
    const links = estate(MAX_MAP_SERVERS);
    const map = layoutEstateMap(assessed(links));
    expect(map.nodes).toHaveLength(MAX_MAP_SERVERS);
    expect(layoutEstateMap(assessed([...links].reverse()))).toEqual(map);
    for (const n of map.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(70);
      expect(n.x).toBeLessThanOrEqual(map.width - 70);
      expect(n.y).toBeGreaterThanOrEqual(30);
    }
    for (const a of map.nodes) {
      for (const b of map.nodes) {
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(110);
      }
    }
    // The server with most links sits at the centre.
    expect(map.nodes[0]).toMatchObject({ ring: 0, x: map.width / 2 });
  });

  it('beyond 50 servers draws those with most links and says what it left out', () => {
    const links = estate(MAX_MAP_SERVERS + 23);
    const map = layoutEstateMap(assessed(links));
    const allServers = new Set(links.flatMap((l) => [l.local.baseUrl, l.remote.baseUrl])).size;
    expect(map.nodes).toHaveLength(MAX_MAP_SERVERS);
    expect(map.omitted.servers).toBe(allServers - MAX_MAP_SERVERS);
    const drawn = new Set(map.nodes.map((n) => n.server.url));
    const reachOmitted = links.filter((l) => !drawn.has(new URL(l.local.baseUrl!).host) || !drawn.has(new URL(l.remote.baseUrl!).host)).length;
    expect(map.omitted.links).toBe(reachOmitted);
    const text = omissionText(map)!;
    expect(text).toContain(`Showing the ${MAX_MAP_SERVERS} servers with most links; ${allServers - MAX_MAP_SERVERS} more not drawn`);
    expect(estateMapSvg(map)).toContain('class="omitted"');
    const fewest = Math.min(...map.nodes.map((n) => n.server.links));
    expect(map.edges.every((e) => drawn.has(e.from) && drawn.has(e.to))).toBe(true);
    expect(fewest).toBeGreaterThanOrEqual(1);
  });

  it('escapes every text it draws', () => {
    const map = layoutEstateMap(assessed([makeLink({ id: 'x', local: { product: 'jira', baseUrl: 'https://a.example', version: '9.1.0' }, remote: { baseUrl: 'https://b.example' } })]));
    map.nodes[0]!.server.url = '<script>alert(1)</script>';
    map.edges = [];
    const svg = estateMapSvg(map, { title: '<img src=x onerror=alert(1)>' });
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('gives the report a section, and none for an empty report', () => {
    const section = estateMapReportSection(assessed(estate(5)));
    expect(section).toContain('<h2 id="estate-map">Estate map</h2>');
    expect(section).toContain('<svg');
    expect(estateMapReportSection([])).toBe('');
    const html = reportHtml(buildReport(estate(5).map(doc), { title: 'T', author: null, classification: null, generatedAt: '2026-12-03T00:00:00.000Z', appVersion: 'test', includeChecklists: false }));
    expect(html).toContain('<h3 id="sum-map">Estate map</h3>');
    expect(html.indexOf('id="sum-map"')).toBeLessThan(html.indexOf('<h2 id="sec-paths">Flowchart paths</h2>'));
  });
});
