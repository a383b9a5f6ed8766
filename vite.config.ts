import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a static bundle served from app:// in Electron and from the test harness in Chromium.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
