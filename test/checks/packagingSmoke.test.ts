import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `electron-builder --linux dir` over a stub Electron distribution: validates the configuration, the
// file globs and what goes into app.asar, without downloading anything. Fuses are flipped in the real
// binary only (a stub has no fuse sentinel), so their values are checked on the configuration here.
const require = createRequire(import.meta.url);
/** app.asar holds the bundles and the demo estate; Mermaid's lazily loaded chunks are most of it. */
const ASAR_BUDGET_MB = 8;

let work: string;
let entries: string[];
let asarBytes: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'applink-packaging-'));
  const stub = path.join(work, 'electron-dist');
  await mkdir(stub);
  await writeFile(path.join(stub, 'electron'), '#!/bin/sh\necho "stub Electron"\n');
  await chmod(path.join(stub, 'electron'), 0o755);
  await writeFile(path.join(stub, 'LICENSE'), 'stub');
  await writeFile(path.join(stub, 'version'), '45.3.4');
  const output = path.join(work, 'out');
  await new Promise<void>((resolve, reject) => {
    execFile(path.resolve('node_modules/.bin/electron-builder'), ['--linux', 'dir', '--config', 'electron-builder.config.cjs', `-c.electronDist=${stub}`, `-c.directories.output=${output}`], {
      env: { ...process.env, APPLINK_ADVISOR_PACKAGING_SMOKE: '1', ELECTRON_BUILDER_OFFLINE: 'true' }, timeout: 240_000,
    }, (error, stdout, stderr) => (error ? reject(new Error(`electron-builder failed: ${stderr || stdout}`)) : resolve()));
  });
  const asar = path.join(output, 'linux-unpacked', 'resources', 'app.asar');
  asarBytes = (await stat(asar)).size;
  const { listPackage } = require('@electron/asar') as { listPackage(file: string, options: { isPack: boolean }): string[] };
  entries = listPackage(asar, { isPack: false }).map((e) => e.replace(/\\/g, '/'));
}, 300_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('packaging (electron-builder --linux dir, stub Electron)', () => {
  it('puts the built main, preload, renderer and demo estate into app.asar', () => {
    for (const file of ['/package.json', '/out/main/main.cjs', '/out/preload/preload.cjs', '/out/renderer/index.html', '/assets/demo-estate.inventory.json']) expect(entries).toContain(file);
    expect(entries.some((e) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
  });

  it('ships no sources, tests, source maps, dev tooling or node_modules', () => {
    const unwanted = entries.filter((e) => /\.(ts|tsx|map)$/.test(e) || /^\/(test|electron|shared|renderer|scripts|docs|node_modules|\.ci|build)(\/|$)/.test(e) || /\/node_modules\//.test(e) || /out\/(cli|bench|test-support|scripts)/.test(e));
    expect(unwanted).toEqual([]);
  });

  it(`stays under ${ASAR_BUDGET_MB} MB`, () => {
    console.log(`packaging smoke: app.asar ${(asarBytes / 1024 / 1024).toFixed(2)} MB, ${entries.length} entries`);
    expect(asarBytes).toBeLessThan(ASAR_BUDGET_MB * 1024 * 1024);
  });

  it('has the icons the targets need: every Linux size, and a 1024 px PNG that Windows and macOS icons are made from', async () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = await (await import('node:fs/promises')).readFile(`build/icons/${size}x${size}.png`);
      expect(png.readUInt32BE(16), `${size}px width`).toBe(size);
    }
    expect((await (await import('node:fs/promises')).readFile('build/icon.png')).readUInt32BE(16)).toBe(1024);
  });

  it('flips the security fuses, publishes nowhere and has no updater', async () => {
    delete process.env.APPLINK_ADVISOR_PACKAGING_SMOKE;
    const config = require(path.resolve('electron-builder.config.cjs')) as Record<string, unknown>;
    expect(config.electronFuses).toEqual({
      runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, loadBrowserProcessSpecificV8Snapshot: false, grantFileProtocolExtraPrivileges: false,
    });
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/update/i);
    expect(config).toMatchObject({ linux: { target: ['AppImage', 'deb', 'rpm'] }, win: { target: ['nsis', 'portable'] }, nsis: { perMachine: false, oneClick: false }, mac: { target: ['dmg'] } });
  });
});
