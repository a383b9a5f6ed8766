import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../electron/features/reports/reports.ts';
import { bibliographyEntry, citationsIn } from '../../../shared/guidance/bibliography.ts';
import { CHECKLISTS } from '../../../shared/guidance/checklists.ts';
import { CHARTS } from '../../../shared/guidance/flowcharts.ts';
import { RULES } from '../../../shared/guidance/rules.ts';
import { SOURCES } from '../../../shared/guidance/sources.ts';
import type { AssessmentDocument } from '../../../shared/model/assessmentDocument.ts';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { reportJsonSchema } from '../../../shared/model/reportJson.ts';
import { reportBibliography } from '../../../shared/present/report/reportBibliography.ts';
import { buildReport, type Report } from '../../../shared/present/report/reportModel.ts';
import { arbitraryLink } from '../../fixtures/arbitraryLink.ts';

const AT = '2026-11-30T10:00:00.000Z';
const doc = (link: AssessmentDocument['link']): AssessmentDocument => ({ schemaVersion: 3, revision: 1, link, createdAt: AT, updatedAt: AT });
const META = { title: 'Estate report', author: 'A. Admin', generatedAt: AT, appVersion: '0.1.0', classification: 'INTERNAL', includeChecklists: true };

async function demo(): Promise<AssessmentDocument[]> {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate invalid');
  return inventory.value.links.map(doc);
}

// What a user typed is not a citation: random links get plain names and no notes.
const randomLinks = (seed: number, count: number) =>
  fc.sample(arbitraryLink, { seed, numRuns: count }).map((link, i) => doc({ ...link, id: `l${i}`, name: `Link ${i}`, notes: undefined }));

/** The ids a rendered report cites in its body, and those its bibliography lists, per format. */
function citedAndListed(report: Report, format: 'html' | 'md' | 'csv' | 'json'): { cited: Set<string>; listed: Set<string> } {
  const text = renderReport(report, format);
  if (format === 'html') {
    const at = text.indexOf('<h2 id="sources">');
    const bibliography = text.slice(at, text.indexOf('<footer>'));
    expect(bibliography, 'addresses are text, never links').not.toMatch(/<a\b|href=/i);
    return { cited: new Set(citationsIn(text.slice(0, at))), listed: new Set([...bibliography.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]!.replace('&sect;', '§'))) };
  }
  if (format === 'md') {
    const at = text.indexOf('\n## Sources\n');
    const bibliography = text.slice(at, text.indexOf('\n---\n', at));
    expect(bibliography, 'addresses are code spans, never autolinks').not.toMatch(/[^`]https?:\/\//);
    return { cited: new Set(citationsIn(text.slice(0, at))), listed: new Set([...bibliography.matchAll(/^\| ([^|]+?) \| /gm)].map((m) => m[1]!).filter((id) => id !== 'Id' && !id.startsWith('-'))) };
  }
  if (format === 'csv') {
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    const links = rows.filter((r) => r.record === 'link');
    expect(links.some((r) => r.sources !== ''), 'link rows name what they cite').toBe(true);
    return { cited: new Set(links.flatMap((r) => [...r.sources!.split(' ').filter(Boolean), ...citationsIn(`${r.checklists}`)])), listed: new Set(rows.filter((r) => r.record === 'source').map((r) => r.id!)) };
  }
  const json = JSON.parse(text);
  expect(reportJsonSchema.safeParse(json).success).toBe(true);
  return { cited: new Set(citationsIn(JSON.stringify(json.links))), listed: new Set(json.sources.map((s: { id: string }) => s.id)) };
}

function expectExplained(report: Report) {
  const { entries, unknown } = reportBibliography(report);
  expect(unknown, 'cited ids with no bibliography entry').toEqual([]);
  const expected = entries.map((e) => e.id).sort();
  for (const format of ['html', 'md', 'csv', 'json'] as const) {
    const { cited, listed } = citedAndListed(report, format);
    expect([...cited].filter((id) => !listed.has(id)), `${format}: cited but not in its bibliography`).toEqual([]);
    expect([...listed].sort(), `${format}: the bibliography is the report's`).toEqual(expected);
  }
}

describe('the bibliography of a report', () => {
  it('explains every id the demo estate report cites, in every format', async () => {
    // A note such as "the Q1 change window" is the user's text, not a citation.
    const documents = (await demo()).map((d) => ({ ...d, link: { ...d.link, notes: undefined } }));
    for (const includeChecklists of [true, false]) {
      const report = buildReport(documents, { ...META, includeChecklists });
      expectExplained(report);
      expect(reportBibliography(report).entries.length).toBeGreaterThan(10);
    }
  });

  it('explains every id a report of random links cites, in every format', () => {
    for (let seed = 1; seed <= 6; seed++) expectExplained(buildReport(randomLinks(seed, 40), META));
  });

  it('gives each entry a title, where it comes from, and a URL as text where one is known', async () => {
    const json = JSON.parse(renderReport(buildReport(await demo(), META), 'json'));
    const s48 = json.sources.find((s: { id: string }) => s.id === 'S21');
    expect(s48).toEqual({ id: 'S21', title: SOURCES.S21!.title, url: SOURCES.S21!.url, kind: 'doc' });
    for (const s of json.sources) expect(s.title.length, s.id).toBeGreaterThan(5);
    expect(bibliographyEntry('Q8')).toMatchObject({ kind: 'question', title: expect.stringContaining('coexist') });
    expect(bibliographyEntry('domain §2.3')).toMatchObject({ kind: 'domain', title: expect.stringContaining('modernised') });
    expect(bibliographyEntry('CODE-RemoteMigration')).toMatchObject({ kind: 'code', origin: expect.stringContaining('plugin source') });
    expect(bibliographyEntry('S999')).toBeUndefined();
    expect(citationsIn('open question Q3, domain §13.1, the seed page, §7, CODE-StatusValidation and S53c')).toEqual(['Q3', 'domain §13.1', 'seed', 'domain §7', 'CODE-StatusValidation', 'S53c']);
  });

  it('has an entry for every id any rule, checklist or flowchart can cite, so a new citation cannot ship unexplained', () => {
    const cited: Array<[string, string]> = [];
    const add = (where: string, sources: readonly string[] = [], ...texts: Array<string | undefined>) => {
      for (const id of [...sources, ...texts.flatMap((t) => (t ? citationsIn(t) : []))]) cited.push([where, id]);
    };
    for (const rule of RULES) {
      add(rule.id, rule.sources, rule.title, rule.explanation, rule.remedy);
      for (const [name, v] of Object.entries(rule.variants ?? {})) add(`${rule.id}/${name}`, v.sources, v.title, v.explanation, v.remedy);
    }
    for (const checklist of Object.values(CHECKLISTS)) {
      add(checklist.id, [], checklist.title, checklist.summary);
      for (const item of checklist.items) add(item.id, item.sources, item.text);
    }
    for (const chart of Object.values(CHARTS)) {
      add(chart.id, [], chart.title, chart.caption, chart.inferredNote);
      for (const node of chart.nodes) add(node.id, 'sources' in node ? node.sources : [], node.label, 'help' in node ? node.help : undefined, 'question' in node ? node.question : undefined, 'deprecation' in node ? node.deprecation : undefined);
    }
    expect(cited.length).toBeGreaterThan(100);
    expect(cited.filter(([, id]) => !bibliographyEntry(id)).map(([where, id]) => `${where} cites ${id}`)).toEqual([]);
  });
});
