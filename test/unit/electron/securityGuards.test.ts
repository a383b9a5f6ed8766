import { describe, expect, it } from 'vitest';
import { applySessionGuards, guardWebContents, isAllowedRequestUrl } from '../../../electron/security.ts';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/window.ts';

describe('window factory', () => {
  it('runs the renderer sandboxed and isolated, without Node, webviews or experiments', () => {
    const preferences = secureWebPreferences('/app/preload.cjs');
    expect(preferences).toMatchObject({
      sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true, allowRunningInsecureContent: false,
      experimentalFeatures: false, preload: '/app/preload.cjs',
      // A file dropped on the window must reach the app's drop handler, never navigate to file://.
      navigateOnDragDrop: false,
    });
    expect(preferences).not.toHaveProperty('enableBlinkFeatures');
    expect(mainWindowOptions('/p').webPreferences).toEqual(secureWebPreferences('/p'));
  });
});

describe('session guards', () => {
  interface FakeSession {
    permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null;
    permissionCheck: (() => boolean) | null;
    beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null;
  }
  function fakeSession() {
    const state: FakeSession = { permissionRequest: null, permissionCheck: null, beforeRequest: null };
    return Object.assign(state, {
      setPermissionRequestHandler(handler: FakeSession['permissionRequest']) { state.permissionRequest = handler; },
      setPermissionCheckHandler(handler: FakeSession['permissionCheck']) { state.permissionCheck = handler; },
      webRequest: { onBeforeRequest(_filter: unknown, handler: FakeSession['beforeRequest']) { state.beforeRequest = handler; } },
    });
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    applySessionGuards(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      session.permissionRequest!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(session.permissionCheck!()).toBe(false);
  });

  it('cancels every request that leaves the app origin', () => {
    const session = fakeSession();
    applySessionGuards(session as never);
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      session.beforeRequest!({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('app://applink-advisor/index.html')).toBe(false);
    expect(cancelled('https://example.com/')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://other-host/x')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AA==')).toBe(true);
  });

  it('blocks navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    guardWebContents({
      setWindowOpenHandler: (h: () => { action: string }) => { openHandler = h; },
      on: (event: string, listener: (e: { preventDefault(): void }) => void) => listeners.set(event, listener),
    } as never);
    expect(openHandler!()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
  });
});
