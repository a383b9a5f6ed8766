// `npm run dist -- --linux|--win|--mac`: builds installers on a packaging host (docs/install-air-gapped.md),
// then writes SHA256SUMS beside them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const bin = path.join('node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const result = spawnSync(bin, ['--config', 'electron-builder.config.cjs', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) process.exit(result.status ?? 1);
const installers = readdirSync('dist').filter((f) => statSync(path.join('dist', f)).isFile() && /\.(AppImage|deb|rpm|exe|dmg|zip)$/.test(f));
const sums = installers.map((f) => `${createHash('sha256').update(readFileSync(path.join('dist', f))).digest('hex')}  ${f}`);
writeFileSync(path.join('dist', 'SHA256SUMS'), `${sums.join('\n')}\n`);
console.log(`dist/SHA256SUMS:\n${sums.join('\n')}`);
