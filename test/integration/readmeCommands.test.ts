import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/index.ts';

// The import and collector commands the docs show, run as written on a fresh clone (from the repository root),
// against a temporary workspace (APPLINK_ADVISOR_WORKSPACE) and a temporary folder for files they write.
const DOCS = ['README.md', 'docs/import.md', 'docs/collecting.md'];
let dir: string;
let saved: string | undefined;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'applink-readme-'));
  saved = process.env.APPLINK_ADVISOR_WORKSPACE;
  process.env.APPLINK_ADVISOR_WORKSPACE = path.join(dir, 'workspace');
});
afterAll(async () => {
  if (saved === undefined) delete process.env.APPLINK_ADVISOR_WORKSPACE;
  else process.env.APPLINK_ADVISOR_WORKSPACE = saved;
  await rm(dir, { recursive: true, force: true });
});

async function documentedCommands(): Promise<Array<{ doc: string; argv: string[] }>> {
  const found: Array<{ doc: string; argv: string[] }> = [];
  for (const doc of DOCS) {
    for (const line of (await readFile(doc, 'utf8')).split('\n')) {
      const command = /^(?:npx )?applink-advisor ((?:import|collector) [^#]*)/.exec(line.trim())?.[1];
      if (command && (command.includes('assets/samples') || command.startsWith('collector'))) found.push({ doc, argv: command.trim().split(/\s+/) });
    }
  }
  return found;
}

describe('the documented import commands', () => {
  it('run as written against the sample estate in assets/samples', async () => {
    const commands = await documentedCommands();
    expect(commands.filter((c) => c.doc === 'README.md').length).toBeGreaterThanOrEqual(3);
    for (const { doc, argv } of commands) {
      // A written file goes to the temporary folder, never into the clone.
      const args = argv.map((a, i) => (argv[i - 1] === '--out' ? path.join(dir, `${a}-${Math.random().toString(36).slice(2)}`) : a));
      let err = '';
      const code = await runCli(args, { out: () => undefined, err: (t) => (err += t) }, '9.9.9');
      expect(code, `${doc}: applink-advisor ${argv.join(' ')}\n${err}`).toBe(0);
    }
    const { WorkspaceStore } = await import('../../electron/workspace/store.ts');
    expect((await new WorkspaceStore(path.join(dir, 'workspace')).list()).documents.map((d) => d.link.name).sort()).toEqual([
      'Example Bitbucket ↔ Example Jira', 'Example Jira ↔ Example Wiki', 'Example Wiki ↔ Example Bitbucket',
    ]);
  });
});
