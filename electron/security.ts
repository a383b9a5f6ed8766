import type { Session, WebContents } from 'electron';
import type { IpcEventLike } from './ipc.ts';

/** The origin the renderer is served from; nothing else may talk to the main process. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://applink-advisor`;

/** Only the app's own top frame may send IPC (design §3). */
export function isTrustedSender(event: IpcEventLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/** Schemes a request may use: the app's own, and in-page data. Anything else is a network request and is cancelled. */
export function isAllowedRequestUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://');
}

type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/** Denies every permission and cancels every request that would leave the app (zero network). */
export function applySessionGuards(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler'> & {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url?: unknown) => void): unknown;
};

/** Blocks navigation away from the app, new windows and webviews for one web contents. */
export function guardWebContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
