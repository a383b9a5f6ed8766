// Finds the Electron executable without require('electron'), which would try to download it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLATFORM_EXECUTABLE = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/** @returns {{ path: string | null, reason: string }} */
export function findElectronBinary() {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : PLATFORM_EXECUTABLE[process.platform] ?? 'electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate, reason: '' };
  return {
    path: null,
    reason: override
      ? `ELECTRON_OVERRIDE_DIST_PATH is set, but ${candidate} does not exist.`
      : `the Electron runtime is not installed (${candidate} is missing).`,
  };
}
