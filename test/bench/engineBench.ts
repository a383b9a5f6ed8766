import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { assessLink } from '../../shared/engine/assessLink.ts';
import { parseInventory } from '../../shared/model/inventory.ts';
import type { Link } from '../../shared/model/link.ts';
import { arbitraryLink } from '../fixtures/arbitraryLink.ts';
import { medianMs, round, type Figure } from './figures.ts';

/** Loads links the way the app does: an inventory file's text through the schema. */
function throughSchema(links: Link[]): Link[] {
  const parsed = parseInventory(JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links }));
  if (!parsed.ok) throw new Error(`bench input invalid: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`);
  return parsed.value.links;
}

async function timeAssess(links: Link[]): Promise<number> {
  return medianMs(15, () => {
    for (const link of links) assessLink(link);
  }, 3);
}

/** Design §9: assess 10,000 links in ≤ 20 ms. Measured on random links and on a realistic estate. */
export async function engineBench(): Promise<Figure[]> {
  const varied = throughSchema(fc.sample(arbitraryLink, { numRuns: 10_000, seed: 20261130 }).map((link, i) => ({ ...link, id: `v${i}` })));
  const demo = parseInventory(await readFile('assets/demo-estate.inventory.json', 'utf8'));
  if (!demo.ok) throw new Error('demo estate invalid');
  const estate = throughSchema(Array.from({ length: 10_000 }, (_, i) => ({ ...demo.value.links[i % demo.value.links.length]!, id: `e${i}` })));
  return [
    { name: 'engine: assess 10,000 random links (fast-check, median of 15)', value: round(await timeAssess(varied)), unit: 'ms', budget: 20 },
    { name: 'engine: assess 10,000 demo-estate links (median of 15)', value: round(await timeAssess(estate)), unit: 'ms', budget: 20 },
  ];
}
