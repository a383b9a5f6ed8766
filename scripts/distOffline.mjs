// `npm run dist:offline`: checks that a packaging host without network has everything electron-builder
// would otherwise download, and says exactly what is missing (docs/install-air-gapped.md).
import { existsSync, readdirSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import path from 'node:path';

const electronVersion = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('node_modules/electron/package.json', 'utf8'))).version;
const os = platform();
const cacheRoot = os === 'darwin' ? path.join(homedir(), 'Library', 'Caches') : os === 'win32' ? (process.env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local')) : (process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'));
const electronCache = process.env.ELECTRON_CACHE ?? path.join(cacheRoot, 'electron');
const builderCache = process.env.ELECTRON_BUILDER_CACHE ?? path.join(cacheRoot, 'electron-builder');
const wanted = process.argv.slice(2).find((a) => ['--linux', '--win', '--mac'].includes(a)) ?? (os === 'win32' ? '--win' : os === 'darwin' ? '--mac' : '--linux');
const arch = process.arch;
const zipPlatform = { '--linux': 'linux', '--win': 'win32', '--mac': 'darwin' }[wanted];
const zipName = `electron-v${electronVersion}-${zipPlatform}-${arch}.zip`;

const files = (dir) => {
  try {
    return readdirSync(dir, { recursive: true }).map(String);
  } catch {
    return [];
  }
};
const missing = [];
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
if (electronDist) {
  if (!existsSync(electronDist)) missing.push(`ELECTRON_OVERRIDE_DIST_PATH=${electronDist} does not exist (an unpacked Electron ${electronVersion} for ${zipPlatform}-${arch}).`);
} else if (!files(electronCache).some((f) => f.endsWith(zipName))) {
  missing.push(`${zipName} in ${electronCache} (or set ELECTRON_CACHE, or ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron). Copy it from a connected host's Electron cache.`);
}
const tools = {
  '--linux': [['appimage', 'AppImage tools (for the AppImage target)'], ['fpm', 'fpm (for the deb and rpm targets)']],
  '--win': [['nsis', 'NSIS (for the installer and portable targets)'], ['winCodeSign', 'winCodeSign (resource editing on Windows)']],
  '--mac': [['dmg-builder', 'dmgbuild (for the dmg target)']],
}[wanted];
const cached = files(builderCache);
for (const [tool, what] of tools) {
  if (!cached.some((f) => f.split(/[\\/]/)[0].startsWith(tool))) missing.push(`${what}: a "${tool}*" folder in ${builderCache} (or set ELECTRON_BUILDER_CACHE). Copy it from a connected host after one "npm run dist -- ${wanted}".`);
}
if (!existsSync('node_modules/electron-builder')) missing.push('node_modules/electron-builder: run "npm ci" from the offline npm mirror or a copied node_modules.');

if (missing.length) {
  console.error(`Cannot build ${wanted.slice(2)} installers offline yet. Missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
  process.exit(1);
}
console.log(`Everything electron-builder needs for ${wanted.slice(2)} is cached. Building…`);
const { spawnSync } = await import('node:child_process');
const result = spawnSync(process.execPath, ['scripts/dist.mjs', wanted], { stdio: 'inherit', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } });
process.exit(result.status ?? 1);
