import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main process, preload and CLI, each bundled into one file with its dependencies (so app.asar needs no node_modules).
const targets = {
  main: { entry: 'electron/main.ts', outDir: 'out/main', fileName: 'main.cjs', format: 'cjs' },
  preload: { entry: 'electron/preload.ts', outDir: 'out/preload', fileName: 'preload.cjs', format: 'cjs' },
  cli: { entry: 'electron/cli/index.ts', outDir: 'out/cli', fileName: 'cli.mjs', format: 'es' },
  schemas: { entry: 'scripts/writeSchemas.ts', outDir: 'out/scripts', fileName: 'writeSchemas.mjs', format: 'es' },
  screenshots: { entry: 'scripts/takeScreenshots.ts', outDir: 'out/scripts-screens', fileName: 'takeScreenshots.mjs', format: 'es' },
  crash: { entry: 'test/crash/saveLoop.ts', outDir: 'out/test-support', fileName: 'saveLoop.mjs', format: 'es' },
  lock: { entry: 'test/crash/lockTaker.ts', outDir: 'out/test-lock', fileName: 'lockTaker.mjs', format: 'es' },
  bench: { entry: 'test/bench/run.ts', outDir: 'out/bench', fileName: 'bench.mjs', format: 'es' },
} as const;

export default defineConfig(({ mode }) => {
  const target = targets[mode as keyof typeof targets];
  if (!target) throw new Error(`--mode must be one of ${Object.keys(targets).join(', ')}`);
  return {
    publicDir: false,
    ssr: { noExternal: true },
    build: {
      ssr: target.entry,
      outDir: target.outDir,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: false,
      minify: false,
      rolldownOptions: {
        external: ['electron', 'playwright-core', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
        output: { format: target.format, entryFileNames: target.fileName, codeSplitting: false },
      },
    },
  };
});
