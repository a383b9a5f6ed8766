import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, protocol, session, shell } from 'electron';
import { registerIpc } from './ipc.ts';
import { printReportPdf } from './pdfWindow.ts';
import { registerAppProtocol, registerAppScheme } from './protocol.ts';
import { applySessionGuards, guardWebContents, isTrustedSender } from './security.ts';
import { demoEstateLinks } from './app/demoEstate.ts';
import { createHandlers, type ChooseImportFiles, type ChooseOpenPath, type ChooseSavePath } from './operations/handlers.ts';
import { AppLog } from './app/log.ts';
import { LaunchFiles } from './app/launchFiles.ts';
import { PreferencesStore } from './app/preferences.ts';
import { WorkspaceSession } from './workspace/session.ts';
import { createMainWindow } from './window.ts';

// Composition root: lifecycle, window, protocol and wiring services to IPC. Nothing else lives here.
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
// Files the system asks us to open (file associations): from the command line, a second launch, or macOS.
const launchFiles = new LaunchFiles();
launchFiles.offer(process.argv.slice(1));
app.on('open-file', (event, file) => {
  event.preventDefault();
  launchFiles.offer([file]);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    launchFiles.offer(argv.slice(1));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    applySessionGuards(session.defaultSession);
    registerAppProtocol(protocol, path.join(__dirname, '../renderer'));
    // userData is ~/.config/Applink Advisor (Linux); electron/app/defaultWorkspace.ts computes the same for the CLI.
    const userData = app.getPath('userData');
    const workspace = new WorkspaceSession(
      process.env.APPLINK_ADVISOR_WORKSPACE ?? path.join(userData, 'workspace'), path.join(userData, 'recent-workspaces.json'), `Applink Advisor ${app.getVersion()}`,
      path.join(userData, 'open-cache'),
    );
    await workspace.switchTo(process.env.APPLINK_ADVISOR_WORKSPACE ?? (await workspace.startFolder()));
    // Finish writes still in flight and release the workspace lock before the process ends.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      void workspace.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
    const chooseOpenPath: ChooseOpenPath = async (kind) => {
      const options: Electron.OpenDialogOptions = kind === 'folder'
        ? { title: 'Open a workspace folder', properties: ['openDirectory', 'createDirectory'] }
        : kind === 'key'
          ? { title: 'Sign with a private key (applink-advisor keygen)', properties: ['openFile'], filters: [{ name: 'Ed25519 private key', extensions: ['key', 'pem'] }] }
          : { title: 'Open a bundle', properties: ['openFile'], filters: [{ name: 'Applink Advisor bundle', extensions: ['bundle', 'json'] }] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    };
    const chooseImportFiles: ChooseImportFiles = async (what) => {
      // Windows and Linux dialogs cannot offer files and folders at once: a folder is its own choice.
      const options: Electron.OpenDialogOptions = what === 'folder'
        ? { title: 'Import a folder of Applinks exports', properties: ['openDirectory'] }
        : {
          title: 'Import Applinks exports', properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Applinks exports, inventory files, spreadsheets', extensions: ['json', 'csv'] }],
        };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    };
    const chooseSavePath: ChooseSavePath = async (suggestedName, format) => {
      const options = { defaultPath: suggestedName, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    };
    const preferences = new PreferencesStore(path.join(app.getPath('userData'), 'preferences.json'));
    const log = new AppLog(app.getPath('logs'));
    const runtime = { electron: process.versions.electron ?? '?', chrome: process.versions.chrome ?? '?', node: process.versions.node, platform: process.platform, arch: process.arch };
    log.write({ event: 'app-started', runtime });
    const diagnostics = {
      runtime,
      copy: async (text: string) => clipboard.writeText(text),
      // Opens the log folder in the system's file manager: a local folder, never a URL.
      openFolder: async (folder: string) => (await shell.openPath(folder)) === '',
    };
    const handlers = createHandlers({ workspace, preferences, appVersion: app.getVersion(), seedLinks: demoEstateLinks, chooseSavePath, chooseOpenPath, chooseImportFiles, printPdf: printReportPdf, log, diagnostics, launchFiles });
    registerIpc(ipcMain, handlers, isTrustedSender);
    mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, '../preload/preload.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
