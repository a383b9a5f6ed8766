// `npm run dist`: builds installers on a packaging host (electron-builder with the Electron runtime).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('node_modules/electron-builder')) {
  console.error('Cannot build installers here: electron-builder is not installed yet. Installers are built on a packaging host; see docs/install-air-gapped.md once packaging lands (issue 9).');
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync('npx', ['electron-builder', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
