import type { Protocol } from 'electron';
import { serveRendererFile } from './app/rendererFiles.ts';
import { APP_ORIGIN, APP_SCHEME } from './security.ts';

/** Must run before the app is ready: `app://` behaves like https (secure context, fetch, CSP). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `rendererDir` on `app://applink-advisor/`, with the CSP header. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return new Response('Forbidden', { status: 403 });
    const response = await serveRendererFile(rendererDir, url.pathname);
    return new Response(Buffer.from(response.body), { status: response.status, headers: response.headers });
  });
}
