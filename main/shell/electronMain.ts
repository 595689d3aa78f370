import { app, BrowserWindow, dialog, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServerMark } from '../core/serverMark';
import { createDispatch } from '../ipc/dispatch';
import { createInvokeHandlers } from '../ipc/invokeHandlers';
import { isTrustedSender } from '../security/trustedSender';
import { push, registerIpcHandlers } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { lockDownSession } from './webSecurity';

// dist/main/electronMain.mjs sits beside dist/renderer and dist/preload.
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const rendererFile = join(distDir, 'renderer', 'index.html');
const files = {
  rendererFile,
  rendererUrl: pathToFileURL(rendererFile).href,
  preloadFile: join(distDir, 'preload', 'index.cjs'),
};

let mainWindow: BrowserWindow | null = null;

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(files, { show: true });
  mainWindow.on('closed', () => (mainWindow = null));
}

async function startApp(): Promise<void> {
  const core = createServerMark();
  lockDownSession(session.defaultSession);
  const handlers = createInvokeHandlers({
    core,
    async pickDirectory() {
      const options = { title: 'Add a Laravel site', properties: ['openDirectory' as const] };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpcHandlers(
    createDispatch(handlers, (sender) => isTrustedSender(sender, files.rendererUrl)),
  );
  core.onStatus((statuses) => {
    if (mainWindow) push(mainWindow.webContents, 'status:changed', statuses);
  });
  showMainWindow();
}

// A second launch focuses the running window instead of starting another app.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(startApp);
  app.on('window-all-closed', () => app.quit());
}
