#!/usr/bin/env node
// Entry of the `applink-advisor` command: runs the CLI bundle built by `npm ci` (prepare) or `npm run build`.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
let cli;
try {
  cli = await import('../out/cli/cli.mjs');
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('applink-advisor: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
    process.exit(70);
  }
  throw error;
}
process.exitCode = await cli.runCli(process.argv.slice(2), undefined, pkg.version);
