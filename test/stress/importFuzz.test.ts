import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitImport, previewImport } from '../../electron/features/import/importService.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { buildImport, type ImportFile } from '../../shared/import/buildImport.ts';
import { groupOf } from '../../shared/import/fileGroups.ts';
import { makeLink } from '../fixtures/links.ts';

const ESTATE = path.resolve('test/fixtures/import/estate');
const FIXTURES: ImportFile[] = readdirSync(ESTATE).sort().map((name) => ({ name, group: groupOf(name, 'estate'), text: readFileSync(path.join(ESTATE, name), 'utf8') }));
const RUNS = Number(process.env.IMPORT_FUZZ_RUNS ?? 10_000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Every place in a JSON value, as a list of keys.
function places(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => places(v, [...at, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => places(v, [...at, k]))];
  return here;
}

function replaceAt(value: Json, at: Array<string | number>, next: Json | undefined): Json {
  if (at.length === 0) return next === undefined ? null : next;
  const [head, ...rest] = at;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number]!, rest, next);
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && next === undefined) delete copy[head as string];
  else copy[head as string] = replaceAt(copy[head as string]!, rest, next);
  return copy;
}

/** A fixture changed in one way: a value replaced or removed anywhere, the text cut, or bytes inserted. */
const mutated = fc.record({
  file: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
  how: fc.constantFrom('replace', 'remove', 'truncate', 'insert'),
  place: fc.nat(),
  value: fc.jsonValue({ maxDepth: 3 }),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  junk: fc.string({ maxLength: 8 }),
}).map(({ file, how, place, value, cut, junk }) => {
  const original = FIXTURES[file]!;
  let text = original.text;
  if (how === 'truncate') text = text.slice(0, Math.floor(text.length * cut));
  else if (how === 'insert') {
    const at = Math.floor(text.length * cut);
    text = text.slice(0, at) + junk + text.slice(at);
  } else if (!original.name.endsWith('.csv')) {
    const json = JSON.parse(text) as Json;
    const all = places(json);
    text = JSON.stringify(replaceAt(json, all[place % all.length]!, how === 'remove' ? undefined : (value as Json)));
  }
  return FIXTURES.map((f, i) => (i === file ? { ...f, text } : f));
});

describe(`import fuzzing (${RUNS} mutated estates)`, () => {
  it('never throws, and every problem names the file, a place in it and what was expected', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated, (files) => {
        const result = buildImport(files);
        for (const problem of result.problems) {
          expect(files.some((f) => f.name === problem.file) || result.files.some((f) => f.group === problem.file)).toBe(true);
          expect(problem.path.length).toBeGreaterThan(0);
          expect(problem.message.length).toBeGreaterThan(5);
        }
        if (result.problems.length) rejected++;
      }),
      { numRuns: RUNS },
    );
    console.log(`import fuzz: ${RUNS} mutated estates, ${rejected} rejected with located problems, none threw`);
    expect(rejected).toBeGreaterThan(RUNS / 20);
  }, 300_000);

  it('never throws on arbitrary JSON or text in any file name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'), fc.string()), fc.constantFrom('x.json', 'jira.status.a.json', 'sheet.csv', 'wiki.manifest.json'), (text, name) => {
        const result = buildImport([{ name, group: groupOf(name, 'dropped'), text }]);
        for (const p of result.problems) expect(p.path.length * p.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('leaves the workspace unchanged after a rejected import (sampled through the real store)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'applink-fuzz-'));
    try {
      const store = new WorkspaceStore(dir);
      await store.saveMany([makeLink({ id: 'a', name: 'A' }), makeLink({ id: 'b', name: 'B' })]);
      const snapshot = async () => Promise.all((await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map(async (d) => `${d.name}:${await readFile(path.join(d.parentPath, d.name), 'utf8')}`));
      const before = await snapshot();
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(mutated, async (files) => {
          const preview = await previewImport(store, files);
          fc.pre(preview.problems.length > 0);
          tried++;
          await expect(commitImport(store, preview, {}, [])).rejects.toThrow(/^Nothing was imported/);
        }),
        { numRuns: 300 },
      );
      expect(tried).toBeGreaterThan(10);
      expect(await snapshot()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
