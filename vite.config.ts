import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './electron/app/rendererFiles.ts';

// The built index.html carries the app's CSP as a meta tag too (the protocol handler sends it as a
// header): one policy, from rendererFiles.ts, in place of the marker tag right after the charset. The
// dev server drops the tag (its client injects inline scripts).
const CSP_MARKER = '<meta http-equiv="Content-Security-Policy" content="(set by the build)" />';
const contentSecurityPolicyMeta = (building: boolean): Plugin => ({
  name: 'content-security-policy-meta',
  transformIndexHtml: {
    order: 'pre',
    handler(html) {
      if (!html.includes(CSP_MARKER)) throw new Error('renderer/index.html has lost its Content-Security-Policy marker tag');
      return html.replace(CSP_MARKER, building ? `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />` : '');
    },
  },
});

export default defineConfig(({ command }) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(command === 'build')],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
}));
