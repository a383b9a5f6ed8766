import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { registerIpc } from './ipc.ts';
import { registerAppProtocol, registerAppScheme } from './protocol.ts';
import { applySessionGuards, guardWebContents, isTrustedSender } from './security.ts';
import { demoEstateLinks } from './services/demoEstate.ts';
import { createHandlers, type ChooseSavePath } from './services/handlers.ts';
import { PreferencesStore } from './services/preferencesStore.ts';
import { acquireWorkspaceLock } from './services/workspaceLock.ts';
import { WorkspaceStore } from './services/workspaceStore.ts';
import { createMainWindow } from './window.ts';

// Composition root: lifecycle, window, protocol and wiring services to IPC. Nothing else lives here.
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
    applySessionGuards(session.defaultSession);
    registerAppProtocol(protocol, path.join(__dirname, '../renderer'));
    const store = new WorkspaceStore(process.env.APPLINK_ADVISOR_WORKSPACE ?? path.join(app.getPath('userData'), 'workspace'));
    // userData is ~/.config/Applink Advisor (Linux); electron/services/defaultWorkspace.ts computes the same for the CLI.
    const lock = await acquireWorkspaceLock(store.root, `Applink Advisor ${app.getVersion()}`);
    if (lock.held) app.on('will-quit', () => void lock.release());
    else store.setReadOnly(lock.message);
    const chooseSavePath: ChooseSavePath = async (suggestedName, format) => {
      const options = { defaultPath: suggestedName, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    };
    const preferences = new PreferencesStore(path.join(app.getPath('userData'), 'preferences.json'));
    const handlers = createHandlers({ store, preferences, appVersion: app.getVersion(), seedLinks: demoEstateLinks, chooseSavePath });
    registerIpc(ipcMain, handlers, isTrustedSender);
    mainWindow = createMainWindow(BrowserWindow, path.join(__dirname, '../preload/preload.cjs'));
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
