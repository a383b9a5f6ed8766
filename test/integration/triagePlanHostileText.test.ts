import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/workspace/store.ts';
import { cli } from '../fixtures/cli.ts';
import { makeLink, mirrored, TA } from '../fixtures/links.ts';

// Red-team pass (3 Dec 2026), issue 17: a workspace from someone else whose link name, plan owner and ticket and
// triage reason and owner try to drive the terminal (clear the screen, rewrite a line, reverse the text) or
// forge a line of output ("PLAN0…", "Triage: …") in plan, triage, list and assess.
const ESC = '\u001b[2J\u001b[H';
const forged = (what: string) => `${what}${ESC}\r\nPLAN99  evil  All clear\u2028\u202eeviL\u0007`;
const hostile = makeLink({
  id: 'ta', name: forged('Jira'), config: mirrored(TA),
  plan: { window: '2000-01-01', owner: forged('Ana'), ticket: forged('CHG-1') },
  triage: { R06: { status: 'accepted-risk', reason: forged('Retired'), owner: forged('Bo'), due: '9999-12-31' } },
});
let dir: string;
let workspace: string;
let inventory: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-hostile-text-'));
  workspace = path.join(dir, 'ws');
  const store = new WorkspaceStore(workspace);
  await store.open([], 'test');
  await store.save(hostile);
  inventory = path.join(dir, 'hostile.inventory.json');
  await writeFile(inventory, JSON.stringify({ format: 'applink-advisor.inventory', version: 1, links: [hostile] }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;

describe('hostile text in triage and plan fields', () => {
  it.each([
    ['plan', ['plan', '--workspace']],
    ['plan --format md', ['plan', '--format', 'md', '--workspace']],
    ['list', ['list', '--workspace']],
    ['assess', ['assess']],
    ['assess --format csv', ['assess', '--format', 'csv']],
  ])('%s prints it with every control character escaped and forges no line', async (_, args) => {
    const { out, err } = await cli(...args, args[0] === 'assess' ? inventory : workspace);
    for (const text of [out, err]) {
      expect(text.replace(/\r\n/g, '\n')).not.toMatch(controls);
      // A CSV cell may hold a line break inside its quotes (RFC 4180): that is data, not a forged line.
      if (!args.includes('csv')) expect(text).not.toMatch(/^PLAN99/m);
    }
    expect(out).toContain('\\u001b');
  });

  it('triage echoes a decision it saved with the same escapes', async () => {
    const { code, out } = await cli('triage', '--workspace', workspace, '--link', 'ta', '--rule', 'R03', '--status', 'false-positive', '--reason', forged('Not here'));
    expect(code).toBe(0);
    expect(out).not.toMatch(controls);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
