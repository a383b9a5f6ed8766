import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { ASSESSMENT_SCHEMA_VERSION } from '../../shared/model/assessmentDocument.ts';
import { stableStringify } from '../../shared/model/stableJson.ts';
import { makeLink } from '../fixtures/links.ts';
import { median, medianMs, round, type Figure } from './figures.ts';

/** A workspace of `size` links, written directly (the set-up is not what is measured). */
async function workspaceOf(size: number): Promise<{ dir: string; store: WorkspaceStore }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'applink-bench-store-'));
  mkdirSync(path.join(dir, 'links'));
  const at = new Date().toISOString();
  for (let i = 0; i < size; i++) {
    const link = makeLink({ id: `link-${i}`, name: `Link ${i}`, notes: `Bench link ${i}` });
    writeFileSync(path.join(dir, 'links', `${link.id}.json`), stableStringify({ schemaVersion: ASSESSMENT_SCHEMA_VERSION, revision: 1, link, createdAt: at, updatedAt: at }));
  }
  return { dir, store: new WorkspaceStore(dir) };
}

/** Median latency of saving one changed link (atomic write with fsync) in a workspace of `size` links. */
async function saveLatency(store: WorkspaceStore, size: number, saves = 60): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const link = makeLink({ id: `link-${(i * 7919) % size}`, name: `Changed ${i}` });
    const start = performance.now();
    await store.save(link);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Design §9: save ≤ 5 ms median with fsync; save time at 10,000 links within 1.5× of 100; open 10,000 in ≤ 300 ms. */
export async function storeBench(): Promise<Figure[]> {
  const small = await workspaceOf(100);
  const large = await workspaceOf(10_000);
  try {
    const at100 = await saveLatency(small.store, 100);
    const at10k = await saveLatency(large.store, 10_000);
    const openAll = (store: WorkspaceStore) => async () => {
      const { documents } = await store.list();
      if (documents.length !== 10_000) throw new Error(`the bench workspace opened ${documents.length} of 10,000 links`);
    };
    const cold = await medianMs(5, openAll(large.store), 1);
    // As the app opens it: with the open cache in the user-data folder, primed by an earlier open.
    const cached = new WorkspaceStore(large.dir, undefined, path.join(large.dir, '..', `${path.basename(large.dir)}-cache`));
    await cached.list();
    await cached.settle();
    const warmTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      // The usual case: a few links were saved since the last open, so the cache is rewritten too.
      await cached.save(makeLink({ id: `link-${run * 101}`, name: `Changed since the last open ${run}` }));
      const start = performance.now();
      await openAll(cached)();
      warmTimes.push(performance.now() - start);
      await cached.settle();
    }
    const warm = median(warmTimes);
    await rm(path.join(large.dir, '..', `${path.basename(large.dir)}-cache`), { recursive: true, force: true });
    return [
      { name: 'store: save one link with fsync, 100-link workspace (median of 60)', value: round(at100), unit: 'ms', budget: 5 },
      { name: 'store: save one link with fsync, 10,000-link workspace (median of 60)', value: round(at10k), unit: 'ms', budget: 5 },
      { name: 'store: save latency ratio, 10,000 / 100 links', value: round(at10k / at100), unit: '×', budget: 1.5 },
      { name: 'store: open a 10,000-link workspace, first time (read and validate every file; median of 5)', value: round(cold, 0), unit: 'ms', budget: 300 },
      { name: 'store: open a 10,000-link workspace opened before, one link changed since (median of 5)', value: round(warm, 0), unit: 'ms', budget: 300 },
    ];
  } finally {
    await rm(small.dir, { recursive: true, force: true });
    await rm(large.dir, { recursive: true, force: true });
  }
}
