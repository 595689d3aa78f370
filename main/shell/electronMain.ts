import { app } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { xdgPaths } from '../core/paths/xdgPaths';
import { startDesktopApp } from './desktopApp';

// dist/main/electronMain.mjs sits beside dist/renderer, dist/preload and dist/assets.
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// Electron would keep Chromium's profile in ~/.config/servermark, beside (and stirring) our registry.
app.setPath('userData', xdgPaths().electronDataDir);

// A second launch focuses the running window instead of starting another app.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app
    .whenReady()
    .then(() => startDesktopApp({ distDir, hidden: process.argv.includes('--hidden') }));
}
