import { readFile } from 'node:fs/promises';
import { renderReport } from '../../electron/features/reports/reports.ts';
import type { AssessmentDocument } from '../../shared/model/assessmentDocument.ts';
import { parseInventory } from '../../shared/model/inventory.ts';
import { buildReport } from '../../shared/present/report/reportModel.ts';
import { medianMs, round, type Figure } from './figures.ts';

/** Issue 8: the HTML report of 1,000 links in ≤ 1 s, and its size. */
export async function reportBench(): Promise<Figure[]> {
  const demo = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!demo.ok) throw new Error('demo estate invalid');
  const at = new Date().toISOString();
  const documents: AssessmentDocument[] = Array.from({ length: 1_000 }, (_, i) => {
    const link = demo.value.links[i % demo.value.links.length]!;
    return { schemaVersion: 3, revision: 1, link: { ...link, id: `r${i}`, name: `${link.name} #${i}` }, createdAt: at, updatedAt: at };
  });
  const meta = { title: 'Bench estate', author: 'bench', generatedAt: at, appVersion: 'bench', classification: 'INTERNAL', includeChecklists: true };
  let bytes = 0;
  const time = await medianMs(5, () => {
    bytes = Buffer.byteLength(renderReport(buildReport(documents, meta), 'html'));
  }, 1);
  return [
    { name: 'report: HTML report of 1,000 links, built and sealed (median of 5)', value: round(time, 0), unit: 'ms', budget: 1000 },
    { name: 'report: size of that HTML report', value: round(bytes / 1024 / 1024, 2), unit: 'MB', budget: null },
  ];
}
