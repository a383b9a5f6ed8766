import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WorkspaceStore } from '../../electron/services/workspaceStore.ts';
import { makeLink } from '../fixtures/links.ts';
import { median, medianMs, round, type Figure } from './figures.ts';

/** Saving (atomic, fsync) and listing 1,000 links in a real temp folder. */
export async function storeBench(): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'applink-bench-store-'));
  try {
    const store = new WorkspaceStore(dir);
    const saveTimes: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const link = makeLink({ id: `link-${i}`, name: `Link ${i}` });
      const start = performance.now();
      await store.save(link);
      saveTimes.push(performance.now() - start);
    }
    const listMs = await medianMs(7, () => store.list(), 1);
    return [
      { name: 'store: save one link with fsync, 1,000 links (median)', value: round(median(saveTimes)), unit: 'ms', budget: 5 },
      { name: 'store: list a 1,000-link workspace (median of 7)', value: round(listMs), unit: 'ms', budget: null },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
