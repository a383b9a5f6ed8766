import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ORIGIN } from './security.ts';

/** The renderer's web preferences: sandboxed, isolated, no Node, no webviews, no experiments. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Applink Advisor',
    backgroundColor: '#1d2125',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Opens the main window on the app's own origin; the constructor is passed in so tests need no Electron. */
export function createMainWindow(Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow, preloadPath: string): BrowserWindow {
  const window = new Window(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
