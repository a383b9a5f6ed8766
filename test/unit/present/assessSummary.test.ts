import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { parseInventory } from '../../../shared/model/inventory.ts';
import { ASSESS_CSV_COLUMNS, assessCsv, assessSummaryLine, failingLinks } from '../../../shared/present/assessSummary.ts';
import { makeLink } from '../../fixtures/links.ts';

// #18 "for the pipeline": assess prints a summary line, has CSV, and --fail-on tells a script.
async function demo() {
  const inventory = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!inventory.ok) throw new Error('demo estate');
  return inventory.value.links.map((link) => ({ link, verdict: assessLink(link) }));
}

describe('assess output for scripts', () => {
  it('the summary line counts every link once by recommendation and by worst finding', async () => {
    const assessed = await demo();
    const line = assessSummaryLine(assessed, '2026-12-03');
    expect(line).toMatch(new RegExp(`^${assessed.length} links — recommended: .+; worst finding: .+\\.$`));
    const numbers = (part: string) => [...part.matchAll(/(\d+) /g)].reduce((sum, m) => sum + Number(m[1]), 0);
    const [recommended, worst] = line.split(' — ')[1]!.split('; ');
    expect(numbers(recommended!)).toBe(assessed.length);
    expect(numbers(worst!)).toBe(assessed.length);
    const high = assessed.filter((a) => a.verdict.worstSeverity === 'high').length;
    if (high) expect(worst).toContain(`${high} high`);
  });

  it('--fail-on counts a finding at the threshold or worse, and nothing milder', async () => {
    const assessed = await demo();
    for (const threshold of ['critical', 'high', 'medium', 'low'] as const) {
      const order = ['critical', 'high', 'medium', 'low', 'info'];
      const expected = assessed.filter((a) => a.verdict.findings.some((f) => order.indexOf(f.severity) <= order.indexOf(threshold))).map((a) => a.link.id);
      expect(failingLinks(assessed, threshold, '2026-12-03'), threshold).toEqual(expected);
    }
    expect(failingLinks(assessed, 'low', '2026-12-03').length).toBeGreaterThanOrEqual(failingLinks(assessed, 'high', '2026-12-03').length);
  });

  it('CSV has the documented columns, one row per link, and cells a spreadsheet cannot run', async () => {
    const assessed = [...(await demo()), { link: makeLink({ id: 'f', name: '=HYPERLINK("http://x")' }), verdict: assessLink(makeLink({ id: 'f' })) }];
    const rows = parse(assessCsv(assessed, '2026-12-03'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...ASSESS_CSV_COLUMNS]);
    expect(rows).toHaveLength(assessed.length);
    expect(rows.at(-1)!.name).not.toMatch(/^=/);
  });
});
