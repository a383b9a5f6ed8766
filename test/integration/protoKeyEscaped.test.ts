import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, openBundle } from '../../electron/features/bundles.ts';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { cli } from '../fixtures/cli.ts';
import { parseJsonText } from '../../shared/model/jsonText.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';

// Red-team pass (3 Dec 2026), issue 17: "__proto__" keys are refused in every JSON file, but the check read the
// raw text, so the same key written with a \u escape ("\u005f_proto__") passed, was an own property after
// JSON.parse and was then silently dropped (from a triage, from under a bundle's digest).
const ESCAPED = ['\\u005f_proto__', '__proto\\u005F_', '\\u005f\\u005f\\u0070roto__'];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-proto-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('a "__proto__" key written with \\u escapes', () => {
  it.each(ESCAPED)('is refused in any JSON text, with its line and column (%s)', (key) => {
    const result = parseJsonText(`{"a": 1,\n  "${key}": {"status": "accepted-risk"}}`);
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'line 2, column 3', message: 'a key named "__proto__" is not allowed' }] });
  });

  it('leaves keys and values that only look like it alone', () => {
    expect(parseJsonText('{"name": "\\u005f_proto__", "x\\u005f": "__proto__:"}')).toMatchObject({ ok: true });
  });

  it('in a link\'s triage in an inventory file, assess refuses the file and names the place', async () => {
    const link = makeLink({ id: 'ta', name: 'TA', config: mirrored(TA), triage: { R06: { status: 'accepted-risk', reason: 'Retired' } } });
    const file = path.join(dir, 'proto.inventory.json');
    await writeFile(file, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [link] }).replace('"R06"', `"${ESCAPED[0]}"`));
    const { code, err } = await cli('assess', file);
    expect(code).toBe(2);
    expect(err).toMatch(/proto\.inventory\.json.*line 1, column \d+.*"__proto__" is not allowed/s);
  });

  it('in a bundle, it is refused, not dropped from under the digest', async () => {
    const store = new WorkspaceStore(path.join(dir, 'ws'));
    await store.save(makeLink({ id: 'a', name: 'A' }));
    const { text } = await exportBundle(store, ['a'], 'test');
    const tampered = text.replace(/"link":\s*\{/, `"link": {"${ESCAPED[0]}": {"polluted": true},`);
    expect(tampered).not.toBe(text);
    expect(() => openBundle(tampered, 'proto.bundle')).toThrow(/__proto__/);
  });
});
