import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of design §2 are part of the test suite: these prove each rule bites.
const eslint = new ESLint();
async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering enforced by lint', () => {
  it('refuses a renderer import of electron/services', async () => {
    const messages = await ruleIdsFor('renderer/src/Leak.tsx', "import { WorkspaceStore } from '../../electron/services/workspaceStore.ts';\nexport const x = WorkspaceStore;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*typed api/);
  });

  it('refuses node:fs in shared/', async () => {
    const messages = await ruleIdsFor('shared/model/leak.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*no Node modules/);
  });

  it('refuses electron outside the glue files, and allows it in them', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect((await ruleIdsFor('electron/services/leak.ts', code)).join('\n')).toMatch(/Only the Electron glue files/);
    expect((await ruleIdsFor('electron/cli/index.ts', code)).join('\n')).toMatch(/Only the Electron glue files/);
    expect(await ruleIdsFor('electron/window.ts', code)).toEqual([]);
  });

  it('refuses services reaching into the rest of electron/', async () => {
    const messages = await ruleIdsFor('electron/services/leak.ts', "import { registerIpc } from '../ipc.ts';\nexport const x = registerIpc;\n");
    expect(messages.join('\n')).toMatch(/may not import the rest of electron/);
  });

  it('allows the renderer to import shared/', async () => {
    expect(await ruleIdsFor('renderer/src/ok.ts', "import { assessLink } from '../../shared/engine/assessLink.ts';\nexport const x = assessLink;\n")).toEqual([]);
  });
});
