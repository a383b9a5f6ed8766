import { writeFile } from 'node:fs/promises';
import { engineBench } from './engineBench.ts';
import { fleetBench } from './fleetBench.ts';
import { importBench } from './importBench.ts';
import { reportBench } from './reportBench.ts';
import type { Figure } from './figures.ts';
import { rendererBench } from './rendererBench.ts';
import { storeBench } from './storeBench.ts';

// `npm run bench`: every benchmark, a readable table, and bench-results.json for tools.
// `npm run bench -- engine` (names as below) runs only the benches named.
const allBenches: Array<[string, () => Promise<Figure[]>]> = [
  ['engine', engineBench],
  ['store', storeBench],
  ['import', importBench],
  ['report', reportBench],
  ['renderer', rendererBench],
  ['fleet', fleetBench],
  ['audit', async () => (await import('./auditBench.ts')).auditBench()],
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !allBenches.some(([known]) => known === name));
if (unknown.length > 0) throw new Error(`Unknown bench ${unknown.join(', ')}; expected one of ${allBenches.map(([name]) => name).join(', ')}`);
const benches = only.length === 0 ? allBenches : allBenches.filter(([name]) => only.includes(name));

const figures: Figure[] = [];
for (const [name, bench] of benches) {
  process.stderr.write(`running ${name}…\n`);
  figures.push(...(await bench()));
}

const width = Math.max(...figures.map((f) => f.name.length));
console.log(`${'benchmark'.padEnd(width)}  ${'value'.padStart(10)}  unit  budget  within`);
for (const f of figures) {
  const within = f.budget === null ? '—' : f.value <= f.budget ? 'yes' : 'NO';
  console.log(`${f.name.padEnd(width)}  ${String(f.value).padStart(10)}  ${f.unit.padEnd(4)}  ${String(f.budget ?? '—').padStart(6)}  ${within}`);
}
await writeFile('bench-results.json', `${JSON.stringify(figures, null, 2)}\n`);
console.log('\nwrote bench-results.json');
