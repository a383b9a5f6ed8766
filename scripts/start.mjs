// `npm start`: builds the app and opens it in Electron, or says in one line why it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electronBinary.mjs';

const electron = findElectronBinary();
if (!electron.path) {
  console.error(
    `Cannot start Applink Advisor: ${electron.reason} Install it on a machine with network access (npx install-electron), ` +
      'or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron folder. `npm test` runs everything else without it.',
  );
  process.exit(1);
}
const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(electron.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
