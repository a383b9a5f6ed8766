import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The Content-Security-Policy the renderer is served with (design §5). `style-src 'unsafe-inline'`
 * is needed by Mermaid's SVG; scripts stay strict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy as a `<meta http-equiv>` in the renderer's index.html (defence in depth, and visible to
 * scanners that read HTML). A meta policy cannot carry `frame-ancestors` (browsers ignore it there, with a
 * warning); the header keeps it.
 */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface RendererResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Answers a request for a file of the built renderer, as the `app://` protocol does: only files
 * inside `rendererDir`, every response with the CSP header and no caching or sniffing.
 */
export async function serveRendererFile(rendererDir: string, urlPath: string): Promise<RendererResponse> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return { status: 400, headers: { ...headers, 'Content-Type': 'text/plain' }, body: new TextEncoder().encode('Bad request') };
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) {
    return { status: 403, headers: { ...headers, 'Content-Type': 'text/plain' }, body: new TextEncoder().encode('Forbidden') };
  }
  try {
    const body = await readFile(file);
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return { status: 200, headers: { ...headers, 'Content-Type': type }, body };
  } catch {
    return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' }, body: new TextEncoder().encode('Not found') };
  }
}
