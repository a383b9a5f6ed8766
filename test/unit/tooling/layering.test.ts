import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of design §2 are part of the test suite: these prove each rule bites.
const eslint = new ESLint();
async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering enforced by lint', () => {
  it('refuses a renderer import of electron/workspace', async () => {
    const messages = await ruleIdsFor('renderer/src/Leak.tsx', "import { WorkspaceStore } from '../../electron/workspace/store.ts';\nexport const x = WorkspaceStore;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*typed api/);
  });

  it('refuses node:fs in shared/', async () => {
    const messages = await ruleIdsFor('shared/model/leak.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*no Node modules/);
  });

  it('refuses electron outside the glue files, and allows it in them', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect((await ruleIdsFor('electron/workspace/leak.ts', code)).join('\n')).toMatch(/Only the Electron glue files/);
    expect((await ruleIdsFor('electron/cli/index.ts', code)).join('\n')).toMatch(/Only the Electron glue files/);
    expect(await ruleIdsFor('electron/window.ts', code)).toEqual([]);
  });

  // Each room of electron/ against each room above it, and against the glue: every rule is seen firing.
  const above: Record<string, string[]> = {
    workspace: ['app', 'features', 'operations', 'cli'],
    app: ['features', 'operations', 'cli'],
    features: ['operations', 'cli'],
    operations: ['cli'],
    cli: ['operations'],
  };
  for (const [room, forbidden] of Object.entries(above)) {
    it(`refuses electron/${room} importing ${forbidden.join(', ')}, the glue or ipc.ts`, async () => {
      for (const other of forbidden) {
        const messages = await ruleIdsFor(`electron/${room}/leak.ts`, `import { x } from '../${other}/thing.ts';\nexport const y = x;\n`);
        expect(messages.join('\n'), other).toMatch(new RegExp(`electron/${room} may not import electron/`));
        // Deeper files are held to the same rule.
        const deeper = await ruleIdsFor(`electron/${room}/sub/leak.ts`, `import { x } from '../../${other}/thing.ts';\nexport const y = x;\n`);
        expect(deeper.join('\n'), other).toMatch(new RegExp(`electron/${room} may not import electron/`));
      }
      for (const glue of ['ipc', 'main', 'window', 'preload']) {
        const messages = await ruleIdsFor(`electron/${room}/leak.ts`, `import { x } from '../${glue}.ts';\nexport const y = x;\n`);
        expect(messages.join('\n'), glue).toMatch(/may not import the Electron glue or ipc\.ts/);
      }
    });
  }

  it('allows each room the rooms below it and shared/', async () => {
    const ok = [
      ['electron/app/ok.ts', '../workspace/atomicWrite.ts'],
      ['electron/features/ok.ts', '../workspace/store.ts'],
      ['electron/features/import/ok.ts', '../../app/inputFiles.ts'],
      ['electron/operations/ok.ts', '../features/bundles.ts'],
      ['electron/cli/commands/ok.ts', '../../features/bundles.ts'],
      ['electron/ipc.ts', './operations/handlers.ts'],
      ['electron/workspace/ok.ts', '../../shared/model/link.ts'],
    ];
    for (const [file, target] of ok) expect(await ruleIdsFor(file!, `import { x } from '${target}';\nexport const y = x;\n`), file).toEqual([]);
  });

  // Layers inside shared/: each is refused the layers that build on it, from any depth.
  const sharedAbove: Record<string, string[]> = {
    model: ['guidance', 'engine', 'present', 'import', 'contract'],
    guidance: ['engine', 'present', 'import', 'contract'],
    engine: ['present', 'import', 'contract'],
    present: ['import', 'contract'],
    import: ['present', 'contract'],
    contract: ['guidance', 'engine', 'present', 'import'],
  };
  for (const [layer, forbidden] of Object.entries(sharedAbove)) {
    it(`refuses shared/${layer} importing shared/{${forbidden.join(',')}}, and still refuses Node there`, async () => {
      for (const other of forbidden) {
        for (const [file, target] of [[`shared/${layer}/leak.ts`, `../${other}/x.ts`], [`shared/${layer}/sub/leak.ts`, `../../${other}/x.ts`]]) {
          const messages = await ruleIdsFor(file!, `import { x } from '${target}';\nexport const y = x;\n`);
          expect(messages.join('\n'), `${file} → ${target}`).toMatch(new RegExp(`shared/${layer} may not import shared/`));
        }
      }
      expect((await ruleIdsFor(`shared/${layer}/leak.ts`, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).join('\n')).toMatch(/no Node modules/);
    });
  }

  it('allows each shared/ layer the layers below it', async () => {
    const ok = [
      ['shared/guidance/ok.ts', '../model/vocabulary.ts'], ['shared/engine/ok.ts', '../guidance/rules.ts'], ['shared/present/report/ok.ts', '../../engine/assessLink.ts'],
      ['shared/import/ok.ts', '../engine/assessLink.ts'], ['shared/contract/ok.ts', '../model/link.ts'],
    ];
    for (const [file, target] of ok) expect(await ruleIdsFor(file!, `import { x } from '${target}';\nexport const y = x;\n`), file).toEqual([]);
  });

  it('allows the renderer to import shared/', async () => {
    expect(await ruleIdsFor('renderer/src/ok.ts', "import { assessLink } from '../../shared/engine/assessLink.ts';\nexport const x = assessLink;\n")).toEqual([]);
  });
});
