import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchOperation } from '../../../electron/ipc.ts';
import { createHandlers } from '../../../electron/operations/handlers.ts';
import { WorkspaceSession } from '../../../electron/workspace/session.ts';
import { assessLink } from '../../../shared/engine/assessLink.ts';
import { estateMapSvg, layoutEstateMap } from '../../../shared/present/estateMap.ts';
import { testDependencies } from '../../fixtures/handlerDependencies.ts';
import { makeLink } from '../../fixtures/links.ts';

// The estate map is exported through export.save; the main process checks the picture before writing it (#17).
let dir: string;
let session: WorkspaceSession;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-export-'));
  out = path.join(dir, 'exports');
  await mkdir(out);
  session = new WorkspaceSession(path.join(dir, 'workspace'), path.join(dir, 'prefs', 'recent.json'), 'test');
  await session.switchTo(session.defaultDir);
});
afterEach(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const save = (args: Record<string, unknown>) => {
  const handlers = createHandlers(testDependencies(dir, session, { chooseSavePath: async (name) => path.join(out, name) }));
  return dispatchOperation(handlers, 'export.save', args);
};
const saved = async () => readdir(out).catch(() => []);
// The smallest valid PNG: signature, IHDR of a 1×1 image, IDAT, IEND.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('export.save checks pictures in the main process', () => {
  it('writes the estate map as SVG and a real PNG', async () => {
    const link = makeLink({ local: { product: 'jira', baseUrl: 'https://jira.example' }, remote: { baseUrl: 'https://wiki.example' } });
    const svg = estateMapSvg(layoutEstateMap([{ document: { schemaVersion: 3, revision: 1, link, createdAt: '2026-12-03T00:00:00.000Z', updatedAt: '2026-12-03T00:00:00.000Z' }, verdict: assessLink(link) }]));
    await expect(save({ suggestedName: 'estate-map.svg', format: 'svg', text: svg })).resolves.toMatchObject({ ok: true, value: { saved: true } });
    await expect(save({ suggestedName: 'estate-map.png', format: 'png', base64: PNG })).resolves.toMatchObject({ ok: true, value: { saved: true } });
    expect((await readFile(path.join(out, 'estate-map.svg'), 'utf8')).startsWith('<svg')).toBe(true);
    expect((await saved()).sort()).toEqual(['estate-map.png', 'estate-map.svg']);
  });

  it('refuses a PNG that is not one, and an SVG that could run or load something; nothing is written', async () => {
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ suggestedName: 'a.png', format: 'png', base64: Buffer.from('<svg></svg>').toString('base64') }, /not a PNG image/],
      [{ suggestedName: 'a.png', format: 'png', text: 'hello' }, /not a PNG image/],
      [{ suggestedName: 'a.svg', format: 'svg', text: '<html><body>hi</body></html>' }, /not an SVG document/],
      [{ suggestedName: 'a.svg', format: 'svg', text: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }, /SVG picture was not saved: it holds an embedding or script element/],
      [{ suggestedName: 'a.svg', format: 'svg', text: '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>' }, /SVG picture was not saved: it holds an event handler attribute/],
      [{ suggestedName: 'a.svg', format: 'svg', text: '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>' }, /it holds a reference to another file or address at character \d+; a saved picture must not be able to run or load anything/],
    ];
    for (const [args, message] of refusals) {
      const result = await save(args);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(result.ok ? '' : result.error.message).toMatch(message);
    }
    expect(await saved()).toEqual([]);
  });
});
