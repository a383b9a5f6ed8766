import { defineConfig } from 'vitest/config';

// Test tiers (docs/architecture.md): unit is fast, needs no build and starts no child process;
// integration runs real files, the CLI and Chromium; stress kills child processes mid-write, races for
// the lock and fuzzes the importer (CRASH_KILLS, LOCK_RACE_ROUNDS and IMPORT_FUZZ_RUNS set how many: the
// full counts in `npm test`, a few in `npm run test:quick`); checks read the built bundles and the
// packaging; e2e drives the built renderer in Chromium; electron is the smoke suite of the real app.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'stress', include: ['test/stress/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'checks', include: ['test/checks/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
      { test: { name: 'electron', include: ['test/electron/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
    ],
    reporters: ['default', './test/summaryReporter.ts'],
  },
});
