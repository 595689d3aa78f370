import { BrowserWindow } from 'electron';
import type { PlacedWindow } from '../core/windowState/windowState';
import { lockDownContents } from './webSecurity';

export interface MainWindowFiles {
  /** dist/renderer/index.html */
  rendererFile: string;
  /** dist/preload/index.cjs: sandboxed preloads must be CommonJS. */
  preloadFile: string;
  rendererUrl: string;
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

export function createMainWindow(
  files: MainWindowFiles,
  options: { show: boolean; bounds?: PlacedWindow },
): BrowserWindow {
  const { maximized = false, ...bounds } = options.bounds ?? {};
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    ...bounds,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'ServerMark',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: files.preloadFile },
  });
  lockDownContents(window.webContents, files.rendererUrl);
  // Show only once painted, so the user never sees a white flash.
  if (options.show) window.once('ready-to-show', () => window.show());
  // Maximized as it was, once on screen: maximize() before that would show a hidden window.
  if (maximized) window.once('show', () => window.maximize());
  void window.loadFile(files.rendererFile);
  return window;
}
