import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeInputText, MAX_INPUT_FILE_BYTES, readInputText } from '../../../electron/app/inputFiles.ts';
import { MAX_IMPORT_FILE_BYTES, previewImport, readImportFiles } from '../../../electron/features/import/importService.ts';
import { WorkspaceStore } from '../../../electron/workspace/store.ts';
import { scrubText } from '../../../shared/import/scrubText.ts';
import { MAX_JSON_NESTING, parseJsonText } from '../../../shared/model/jsonText.ts';
import { cli } from '../../fixtures/cli.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-limits-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const MANIFEST = '{"typeId": "jira", "name": "Jira", "url": "https://jira.example", "version": "9.12.4"}';
const INVENTORY = JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [{ id: 'a', name: 'A', local: { product: 'jira' }, remote: { product: 'confluence' }, config: { local: { outgoing: ['oauth3lo'], incoming: [] } } }] });

/** A file of `bytes` length that takes no disk space (ftruncate), as a huge export would look to stat. */
async function sparseFile(name: string, bytes: number): Promise<string> {
  const file = path.join(dir, name);
  const handle = await open(file, 'w');
  await handle.truncate(bytes);
  await handle.close();
  return file;
}

describe('long input cannot exhaust the stack or the clock', () => {
  const EIGHT_MB = 8 * 1024 * 1024;
  it.each([
    ['base64', () => 'Ab0+/'.repeat(EIGHT_MB / 5)],
    ['base64url after an Atlassian prefix', () => `ATATT${'Ab0-_'.repeat(EIGHT_MB / 5)}`],
    ['a JWT-like run of dots', () => `eyJ${'Ab0.'.repeat(EIGHT_MB / 4)}`],
    ['colons and commas', () => 'ab:c,'.repeat(EIGHT_MB / 5)],
    ['PEM headers without footers', () => '-----BEGIN X-----'.repeat(EIGHT_MB / 17)],
    ['a password value', () => `password=${'a'.repeat(EIGHT_MB)}`],
  ])('scrubs an 8 MB string of %s in one linear pass', (_shape, make) => {
    const text = make();
    const started = performance.now();
    const result = scrubText(text);
    console.log(`scrubText: ${(text.length / 1024 / 1024).toFixed(1)} MB of ${_shape} in ${Math.round(performance.now() - started)} ms`);
    expect(result.text.length).toBeLessThanOrEqual(text.length);
  }, 30_000);

  it('imports an export holding an 8 MB base64 string: the string is removed, nothing throws', async () => {
    const files = [
      { name: 'jira.manifest.json', group: 'jira', text: MANIFEST },
      { name: 'jira.applinks.json', group: 'jira', text: JSON.stringify([{ id: 'w', name: 'Wiki', type: 'confluence', displayUrl: 'https://wiki.example', blob: 'Ab0+/'.repeat(1677722) }]) },
    ];
    const preview = await previewImport(new WorkspaceStore(path.join(dir, 'ws')), files);
    expect(preview.problems).toEqual([]);
    expect(preview.files[1]!.secretsRemoved).toEqual([{ path: '[0].blob', why: 'a key or token (a long random string)' }]);
  }, 30_000);
});

describe('nesting has a limit', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it(`accepts ${MAX_JSON_NESTING} levels and refuses ${MAX_JSON_NESTING + 1} with the place and the limit`, () => {
    expect(parseJsonText(nested(MAX_JSON_NESTING)).ok).toBe(true);
    expect(parseJsonText(nested(MAX_JSON_NESTING + 1))).toEqual({
      ok: false, problems: [{ path: `line 1, column ${MAX_JSON_NESTING + 1}`, message: `nested more than ${MAX_JSON_NESTING} levels deep (arrays and objects within each other); the limit is ${MAX_JSON_NESTING}` }],
    });
  });

  it('refuses 100,000 levels in import and assess with a located message (exit 2), not a stack overflow', async () => {
    const file = path.join(dir, 'jira.deep.json');
    await writeFile(file, `{"a": ${nested(100_000)}}`);
    const imported = await cli('import', file, '--workspace', path.join(dir, 'ws'), '--dry-run');
    expect(imported.code).toBe(2);
    expect(imported.err).toContain(`jira.deep.json: line 1, column ${MAX_JSON_NESTING + 6}: nested more than ${MAX_JSON_NESTING} levels deep`);
    const assessed = await cli('assess', file);
    expect(assessed.code).toBe(2);
    expect(assessed.err).toMatch(/jira\.deep\.json: line 1, column \d+: nested more than 100 levels deep/);
    expect(imported.err + assessed.err).not.toMatch(/call stack/i);
  });
});

describe('file size is checked before reading', () => {
  it(`refuses a 600 MB file without reading it, in every command that reads one, and memory stays small`, async () => {
    const huge = await sparseFile('jira.applinks.json', 600 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(readImportFiles([huge])).rejects.toThrow(`${huge}: 600 MB, more than the ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB limit for this kind of file; it was not read.`);
    await expect(readInputText(huge)).rejects.toThrow(`${huge}: 600 MB, more than the ${MAX_INPUT_FILE_BYTES / 1024 / 1024} MB limit for this kind of file; it was not read.`);
    const workspace = path.join(dir, 'ws');
    for (const argv of [['import', huge, '--workspace', workspace], ['import-bundle', huge, '--workspace', workspace], ['report', huge, '--format', 'html', '--out', path.join(dir, 'r.html')], ['verify-report', huge]]) {
      const result = await cli(...argv);
      expect(result, argv.join(' ')).toMatchObject({ code: 2, err: expect.stringContaining(`${huge}: 600 MB, more than the`) });
    }
    const grown = process.memoryUsage().rss - before;
    console.log(`600 MB file refused by 6 readers; RSS grew by ${(grown / 1024 / 1024).toFixed(1)} MB`);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('refuses an import whose files together pass the limit before reading any', async () => {
    const files = await Promise.all([1, 2, 3, 4, 5].map((n) => sparseFile(`s${n}.applinks.json`, 45 * 1024 * 1024)));
    await expect(readImportFiles(files)).rejects.toThrow('The 5 files hold 225 MB together, more than the 200 MB limit for one import; import them in smaller sets.');
  });

  it('names a folder or a missing file plainly', async () => {
    await expect(readInputText(dir)).rejects.toThrow(`${dir}: not a file (it is a folder); choose a file.`);
    await expect(readInputText(path.join(dir, 'gone.json'))).rejects.toThrow(`${path.join(dir, 'gone.json')}: cannot be read (ENOENT): it does not exist.`);
  });
});

describe('encodings are handled the same in every command', () => {
  const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);

  it('accepts a UTF-8 byte-order mark in import (JSON and CSV), assess, checklist, report and import-bundle', async () => {
    const manifest = path.join(dir, 'jira.manifest.json');
    const links = path.join(dir, 'jira.applinks.json');
    const csv = path.join(dir, 'links.csv');
    const inventory = path.join(dir, 'estate.inventory.json');
    await writeFile(manifest, bom(MANIFEST));
    await writeFile(links, bom('[{"id": "w", "name": "Wiki", "type": "confluence", "displayUrl": "https://wiki.example"}]'));
    await writeFile(csv, bom('id,name,local_product,remote_product,local_url\nx,X,jira,confluence,https://jira.example\n'));
    await writeFile(inventory, bom(INVENTORY));
    const workspace = path.join(dir, 'ws');
    expect(await cli('import', manifest, links, csv, '--workspace', workspace)).toMatchObject({ code: 0 });
    expect(await cli('assess', inventory)).toMatchObject({ code: 0 });
    expect(await cli('checklist', inventory, '--link', 'a')).toMatchObject({ code: 0 });
    expect(await cli('report', inventory, '--format', 'md', '--out', path.join(dir, 'r.md'))).toMatchObject({ code: 0 });
    const bundle = path.join(dir, 'links.bundle.json');
    expect(await cli('export-bundle', '--workspace', workspace, '--out', bundle)).toMatchObject({ code: 0 });
    const { readFile } = await import('node:fs/promises');
    await writeFile(bundle, bom(await readFile(bundle, 'utf8')));
    expect(await cli('import-bundle', bundle, '--workspace', path.join(dir, 'ws2'))).toMatchObject({ code: 0 });
  });

  it('drops the mark itself, whoever reads the text', () => {
    expect(decodeInputText(bom('{"a": "é"}'), 'f.json')).toBe('{"a": "é"}');
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses bytes that are not UTF-8, naming the file, the byte, its offset and line', async () => {
    const file = path.join(dir, 'jira.manifest.json');
    const text = Buffer.from('{\n  "typeId": "jira",\n  "name": "Jira Caf\u00e9"\n}', 'latin1');
    await writeFile(file, text);
    const offset = text.indexOf(0xe9);
    const result = await cli('import', file, '--workspace', path.join(dir, 'ws'), '--dry-run');
    expect(result).toMatchObject({ code: 2, err: `${file}: not UTF-8 text: the byte 0xE9 at offset ${offset} (line 3) is not valid UTF-8 — the file may be saved as Windows-1252 or Latin-1; save it as UTF-8.\n` });
  });

  it.each([
    ['overlong', [0x7b, 0xc0, 0x80], 1],
    ['a surrogate', [0x7b, 0x20, 0xed, 0xa0, 0x80], 2],
    ['cut short at the end', [0x7b, 0xe2, 0x82], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('refuses %s UTF-8 at its offset', (_kind, bytes, offset) => {
    expect(() => decodeInputText(Uint8Array.from(bytes), 'f.json')).toThrow(`at offset ${offset} `);
  });

  it.each([
    ['little-endian with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), 'saved as UTF-16 (little-endian); save it as UTF-8.'],
    ['big-endian with a byte-order mark', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), 'saved as UTF-16 (big-endian); save it as UTF-8.'],
    ['little-endian without a mark', (t: string) => Buffer.from(t, 'utf16le'), 'saved as UTF-16 (little-endian, without a byte-order mark); save it as UTF-8.'],
    ['big-endian without a mark', (t: string) => Buffer.from(t, 'utf16le').swap16(), 'saved as UTF-16 (big-endian, without a byte-order mark); save it as UTF-8.'],
  ])('names UTF-16 %s as such in import, and assess says UTF-16 too', async (_kind, encode, message) => {
    const file = path.join(dir, 'jira.manifest.json');
    await writeFile(file, encode(MANIFEST));
    expect(await cli('import', file, '--workspace', path.join(dir, 'ws'), '--dry-run')).toMatchObject({ code: 2, err: `${file}: ${message}\n` });
    await writeFile(file, encode(INVENTORY));
    const assessed = await cli('assess', file);
    expect(assessed.code).toBe(2);
    // The same reader as import: the same words, naming the byte order.
    expect(assessed.err).toBe(`${file}: ${message}\n`);
    expect(assessed.err).not.toMatch(/invalid symbol/);
  });

  it('names UTF-32 and a NUL byte', () => {
    expect(() => decodeInputText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]), 'f.json')).toThrow('f.json: saved as UTF-32; save it as UTF-8.');
    expect(() => decodeInputText(Buffer.from('{"a": 1}\n\u0000 more text here'), 'f.json')).toThrow('f.json: not a text file: a NUL byte at offset 9 (line 2).');
  });
});
