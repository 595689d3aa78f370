import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The window's bundle: same-origin files only, so it runs under the page's strict CSP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    // Chromium supports modulepreload natively; the polyfill is code we would only have to trust.
    modulePreload: { polyfill: false },
    // Every asset stays a file: CSP allows data: for images only.
    assetsInlineLimit: 0,
  },
});
