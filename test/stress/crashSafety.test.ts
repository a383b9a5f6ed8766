import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';

// Tested the way SQLite is tested: by killing the writer. A child process saves links in a loop; it is
// killed with SIGKILL at random moments; after every kill every file must parse and validate and every
// save the child acknowledged must be on disk with its content (or a later one).
const KILLS = Number(process.env.CRASH_KILLS ?? 200);
// The kill moments are drawn from a seed shown in the test names, so a failure can be replayed exactly
// (CRASH_SEED=<seed>) — the machine's load still moves where a kill lands inside a write.
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const draws = (count: number, salt: number) => fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { seed: SEED + salt, numRuns: count });
let dir: string;
let child: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-crash-'));
  await build({ configFile: 'vite.electron.config.ts', mode: 'crash', logLevel: 'warn' });
  child = path.resolve('out/test-support/saveLoop.mjs');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

function runUntilKilled(mode: 'single' | 'bulk', root: string, start: number, lifetimeMs: number): Promise<{ acked: Map<string, number>; count: number; last: string | null }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, mode, root, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<string, number>();
    let count = 0;
    let last: string | null = null;
    let buffer = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') {
          // The life starts once the child has loaded: a loaded machine's slow start never eats it.
          timer = setTimeout(() => process_.kill('SIGKILL'), lifetimeMs);
          continue;
        }
        const [, id, counter] = line.split(' ');
        if (line) last = line;
        if (id && counter) {
          acked.set(id, Number(counter));
          count++;
        }
      }
    });
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timer = setTimeout(() => process_.kill('SIGKILL'), 60_000 + lifetimeMs);
    // 'close', not 'exit': only then has every acknowledgement the child wrote been read.
    process_.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acked, count, last });
      else reject(new Error(`the save loop ended by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('crash safety under SIGKILL', () => {
  it(`keeps every acknowledged save and never leaves a torn file (${KILLS} kills, CRASH_SEED=${SEED})`, async () => {
    const random = draws(KILLS, 0);
    const store = new WorkspaceStore(dir);
    const latest = new Map<string, number>();
    let start = 0;
    let acknowledged = 0;
    let killedMidWrite = 0;
    const seenTemps = new Set<string>();
    for (let kill = 0; kill < KILLS; kill++) {
      // Mostly short lives, so many kills land inside a write; some longer ones build up saves.
      const lifetime = 80 + (random[kill]! % (kill % 10 === 0 ? 500 : 150));
      const { acked, count } = await runUntilKilled('single', dir, start, lifetime);
      for (const [id, counter] of acked) {
        latest.set(id, Math.max(latest.get(id) ?? -1, counter));
        start = Math.max(start, counter + 1);
      }
      acknowledged += count;
      start += 1000; // a fresh counter range per life: an unacknowledged save may still have landed
      const { documents, unreadable } = await store.list();
      expect(unreadable, `after kill ${kill}`).toEqual([]);
      const byId = new Map(documents.map((d) => [d.link.id, d]));
      for (const [id, counter] of latest) {
        const stored = byId.get(id);
        expect(stored, `${id} acknowledged at ${counter} is missing after kill ${kill}`).toBeDefined();
        const storedCounter = Number(/^Save (\d+)$/.exec(stored!.link.name)?.[1]);
        expect(storedCounter, `${id} after kill ${kill}`).toBeGreaterThanOrEqual(counter);
        expect(stored!.link.notes).toBe(`counter=${storedCounter};`.repeat(1 + (storedCounter % 40)));
        // The history is written before the save is acknowledged: the acknowledged state is in it.
        const history = await store.history.entries(id, null);
        expect(history.some((e) => e.link.name === `Save ${counter}`), `history of ${id} lacks acknowledged save ${counter} after kill ${kill}`).toBe(true);
      }
      expect(await store.history.verify(), `history entries after kill ${kill}`).toEqual([]);
      const leftovers = (await readdir(path.join(dir, 'links')).catch(() => [] as string[])).filter((f) => f.endsWith('.tmp'));
      if (leftovers.some((f) => !seenTemps.has(f))) killedMidWrite++;
      for (const f of leftovers) seenTemps.add(f);
      expect(leftovers.every((f) => f.startsWith('.')), 'temp files are hidden, never loaded').toBe(true);
    }
    console.log(`crash test: ${KILLS} kills, ${acknowledged} acknowledged saves, ${latest.size} links checked after every kill, ${killedMidWrite} kills interrupted a write (its hidden temp file is ignored by the store)`);
    expect(latest.size).toBeGreaterThan(0);
  }, 600_000);

  const BULK_KILLS = Math.round(KILLS / 3);
  it(`applies multi-link saves and deletes all-or-nothing (${BULK_KILLS} kills, CRASH_SEED=${SEED})`, async () => {
    const random = draws(BULK_KILLS, 1);
    const bulkDir = path.join(dir, 'bulk');
    const store = new WorkspaceStore(bulkDir);
    let start = 1;
    let lastAck: { kind: string; counter: number } | null = null;
    let seen = { empty: 0, full: 0 };
    let recovered = { rolledForward: 0, rolledBack: 0 };
    for (let kill = 0; kill < BULK_KILLS; kill++) {
      // Long enough lives for whole batches to complete on a loaded machine, short enough to land inside one.
      const { last } = await runUntilKilled('bulk', bulkDir, start, 150 + (random[kill]! % 750));
      if (last) {
        const [kind, , counter] = last.split(' ');
        lastAck = { kind: kind!, counter: Number(counter) };
      }
      const pending = (await readdir(bulkDir).catch(() => [] as string[])).filter((f) => f.startsWith('.txn-') && !f.endsWith('.journal.json'));
      const journals = (await readdir(bulkDir).catch(() => [] as string[])).filter((f) => f.endsWith('.journal.json'));
      recovered = { rolledForward: recovered.rolledForward + journals.length, rolledBack: recovered.rolledBack + pending.length - journals.length };
      await store.open([]); // recovery: finish a committed operation, discard an uncommitted one
      const { documents, unreadable } = await store.list();
      expect(unreadable).toEqual([]);
      const generations = new Set(documents.filter((d) => d.link.id.startsWith('batch-')).map((d) => d.link.name));
      const count = documents.filter((d) => d.link.id.startsWith('batch-')).length;
      expect([0, 30], `after kill ${kill}: a partial batch of ${count}`).toContain(count);
      expect(generations.size, `after kill ${kill}: mixed generations ${[...generations].join(', ')}`).toBeLessThanOrEqual(1);
      if (lastAck?.kind === 'SAVE' && count === 30) expect(Number([...generations][0]!.split(' ')[1])).toBeGreaterThanOrEqual(lastAck.counter);
      if (lastAck?.kind === 'SAVE' && count === 0) expect((lastAck.counter + 1) % 4, 'only a delete after the acknowledged save may empty the batch').toBe(0);
      seen = count === 0 ? { ...seen, empty: seen.empty + 1 } : { ...seen, full: seen.full + 1 };
      const leftovers = (await readdir(bulkDir)).filter((f) => f.startsWith('.txn-'));
      expect(leftovers, 'recovery leaves no transaction behind').toEqual([]);
      start = (lastAck?.counter ?? start) + 1;
    }
    // The test means something only if kills found the batch both saved and deleted, and cut operations
    // short. A handful of kills (npm run test:quick) cannot promise that; the full run (npm test) must.
    if (BULK_KILLS >= 20) {
      expect(seen.full, 'kills after a completed save').toBeGreaterThan(0);
      expect(seen.empty, 'kills after a completed delete').toBeGreaterThan(0);
      expect(recovered.rolledBack + recovered.rolledForward, 'kills inside an operation').toBeGreaterThan(0);
    } else console.warn(`⚠ bulk crash test: only ${BULK_KILLS} kills (quick run), so whether kills landed after a save, after a delete and inside an operation is reported, not required`);
    console.log(`bulk crash test: ${BULK_KILLS} kills; batch found complete ${seen.full} times, deleted ${seen.empty} times, never partial; recovery rolled ${recovered.rolledForward} operations forward and ${recovered.rolledBack} back`);
  }, 600_000);
});
