import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../electron/app/rendererFiles.ts';

// #13 item 10: the renderer's CSP is also in its HTML (defence in depth; scanners that read HTML see it).
// Reads the built page (npm test builds before it tests).
it('the built index.html carries the header policy as its first meta tag after the charset, less frame-ancestors', async () => {
  const html = await readFile('out/renderer/index.html', 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
  expect(metas).toEqual([META_CONTENT_SECURITY_POLICY]);
  expect(META_CONTENT_SECURITY_POLICY.split('; ')).toEqual(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
  expect(META_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  // Before any script or stylesheet, so it governs all of them.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  expect(html.indexOf('<meta charset')).toBeLessThan(html.indexOf('Content-Security-Policy'));
});
