// electron-builder configuration (docs/install-air-gapped.md). Installers are built on a packaging host:
// `npm run dist -- --linux` (AppImage, deb, rpm), `--win` (NSIS per-user, portable), `--mac` (dmg, on a Mac).
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'com.applink-advisor.desktop',
  productName: 'Applink Advisor',
  copyright: 'Applink Advisor',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the bundles: main, preload and renderer are self-contained, so no node_modules ship.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'assets/**', 'package.json', '!**/*.map'],
  extraMetadata: { main: 'out/main/main.cjs' },
  asar: true,
  npmRebuild: false,
  nodeGypRebuild: false,
  publish: null,
  // Fuses are flipped in the real Electron binary. The packaging smoke test (a stub binary, no fuse
  // sentinel in it) sets APPLINK_ADVISOR_PACKAGING_SMOKE to skip only this step; a unit test checks these values.
  electronFuses: process.env.APPLINK_ADVISOR_PACKAGING_SMOKE ? undefined : {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  fileAssociations: [
    { ext: 'bundle', name: 'Applink Advisor bundle', description: 'A portable Applink Advisor workspace bundle', mimeType: 'application/vnd.applink-advisor.bundle+json', role: 'Editor' },
    // Inventory files are JSON; claiming every .json would be wrong, so an inventory named *.applinks opens by double-click.
    { ext: 'applinks', name: 'Applink Advisor inventory', description: 'An Applink Advisor inventory file', mimeType: 'application/vnd.applink-advisor.inventory+json', role: 'Editor' },
  ],
  linux: {
    target: ['AppImage', 'deb', 'rpm'],
    category: 'Utility',
    icon: 'build/icons',
    maintainer: 'Applink Advisor <support@applink-advisor.invalid>',
    synopsis: 'Offline assessment of Atlassian application-link authentication',
  },
  deb: { depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libasound2'] },
  // Windows .ico and macOS .icns are made by electron-builder from the 1024 px PNG.
  win: { target: ['nsis', 'portable'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowElevation: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false },
  mac: { target: ['dmg'], category: 'public.app-category.developer-tools', icon: 'build/icon.png', hardenedRuntime: true },
};
