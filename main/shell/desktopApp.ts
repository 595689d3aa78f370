import { app, BrowserWindow, dialog, screen, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toErrorView } from '../core/errors/serverMarkError';
import { createServerMark } from '../core/serverMark';
import { IncidentTracker } from '../core/workers/incidents';
import type { SiteStatus } from '../core/workers/siteStatus';
import { createDispatch } from '../ipc/dispatch';
import { createInvokeHandlers } from '../ipc/invokeHandlers';
import { createLogFollows } from '../ipc/logFollows';
import { startLogRotation } from '../core/logs/rotationTimer';
import { isTrustedSender } from '../security/trustedSender';
import { notify, openWithDesktop } from './desktopIntegration';
import { push, registerIpcHandlers } from './ipcBridge';
import { createMainWindow } from './mainWindow';
import { HIDDEN_FLAG } from '../core/autostart/autostart';
import { withStartAtLogin } from '../core/autostart/startAtLoginSetting';
import { windowStateFile } from '../core/windowState/windowState';
import { openAutostart } from '../core/autostart/autostart';
import { launchCommand } from '../core/autostart/launchCommand';
import { openWindowStatePersistence } from './windowStatePersistence';
import { createSystemTray, type SystemTray } from './tray/systemTray';
import { runTrayAction } from './tray/trayActions';
import { buildTrayModel } from './tray/trayMenuModel';
import { lockDownSession } from './webSecurity';

export interface DesktopAppOptions {
  /** dist/: holds main/, preload/, renderer/ and assets/ */
  distDir: string;
  /** Started at login: stay in the tray until asked. */
  hidden: boolean;
}

/** Wires the core to the window, the tray and notifications: the whole desktop app. */
export async function startDesktopApp({ distDir, hidden }: DesktopAppOptions) {
  const rendererFile = join(distDir, 'renderer', 'index.html');
  const files = {
    rendererFile,
    rendererUrl: pathToFileURL(rendererFile).href,
    preloadFile: join(distDir, 'preload', 'index.cjs'),
  };
  const core = createServerMark();
  const windowState = await openWindowStatePersistence({
    file: windowStateFile(),
    workAreas: () => {
      const primary = screen.getPrimaryDisplay();
      const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
      return [primary, ...others].map((display) => display.workArea);
    },
  });
  // The login entry for this copy of the app (installed, AppImage or checkout).
  const autostart = openAutostart({
    env: process.env,
    command: launchCommand({
      env: process.env,
      execPath: process.execPath,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
    }),
  });
  // An enabled login entry follows this copy of the app (an AppImage may have moved).
  if (app.isPackaged) {
    void autostart
      .refresh()
      .catch((error) => console.error(`ServerMark login entry: ${toErrorView(error).message}`));
  }
  const incidents = new IncidentTracker();
  const busy = new Set<string>();
  let statuses: SiteStatus[] | null = null;
  let problem: string | null = null;
  let window: BrowserWindow | null = null;
  let quitting = false;
  let tray: SystemTray | null = null;

  function toWindow<C extends Parameters<typeof push>[1]>(
    channel: C,
    payload: Parameters<typeof push<C>>[2],
  ) {
    if (window && !window.isDestroyed()) push(window.webContents, channel, payload);
  }

  function openWindow(siteId?: string): void {
    if (!window || window.isDestroyed()) {
      window = createMainWindow(files, { show: true, bounds: windowState.initialBounds() });
      windowState.track(window);
      // A follow pushes to this window only: when it goes, its log views go with it.
      window.webContents.once('destroyed', () => void logFollows.stopAll());
      window.on('close', hideInsteadOfClosing);
      window.on('closed', () => (window = null));
    } else {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
    if (siteId) {
      const target = window;
      const send = () => toWindow('ui:focus-site', { siteId });
      if (target.webContents.isLoading()) target.webContents.once('did-finish-load', send);
      else send();
    }
  }

  // Closing the window keeps the app in the tray: the workers are the point, not the window.
  // Electron honours preventDefault() only synchronously, hence the cached preference.
  function hideInsteadOfClosing(event: Electron.Event): void {
    if (quitting || !tray || !closeToTray) return;
    event.preventDefault();
    window?.hide();
  }

  async function quit(): Promise<void> {
    const settings = await core.settings.read().catch(() => null);
    const running = (statuses ?? []).filter((s) => s.state !== 'stopped').length;
    // Said once: quitting the app is not stopping the workers (they are systemd services).
    if (settings && !settings.quitNoticeShown && running > 0) {
      const { response } = await dialog.showMessageBox({
        type: 'info',
        buttons: ['Quit', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        title: 'Quit ServerMark',
        message: 'Your queue workers keep running after ServerMark quits.',
        detail: `They are systemd user services (${running} site${running === 1 ? '' : 's'} now). Stop them from the window or the tray first if you want them off.`,
      });
      await core.settings.update({ quitNoticeShown: true }).catch(() => undefined);
      if (response === 1) return;
    }
    quitting = true;
    core.close();
    stopLogRotation();
    void logFollows.stopAll();
    tray?.destroy();
    app.quit();
  }

  function renderTray(): void {
    tray?.show(buildTrayModel({ statuses, busy, error: problem }));
  }

  async function onStatuses(next: SiteStatus[]): Promise<void> {
    statuses = next;
    if (problem) {
      problem = null;
      toWindow('status:problem', null);
    }
    renderTray();
    toWindow('status:changed', next);
    const found = incidents.next(next);
    if (found.length === 0) return;
    const settings = await core.settings.read().catch(() => null);
    if (settings?.notifications === false) return;
    for (const incident of found)
      notify(incident.title, incident.body, () => openWindow(incident.siteId));
  }

  let closeToTray = (await core.settings.read().catch(() => null))?.closeToTray ?? true;
  const settingsStore = withStartAtLogin(core.settings, autostart);
  lockDownSession(session.defaultSession);
  const logFollows = createLogFollows(core.logs, (message) => toWindow('logs:lines', message));
  const stopLogRotation = startLogRotation(
    () => core.logs.rotateIfNeeded(),
    (error) => console.error(`ServerMark log rotation: ${toErrorView(error).message}`),
  );
  const handlers = createInvokeHandlers({
    settings: {
      ...settingsStore,
      async update(change) {
        const next = await settingsStore.update(change);
        closeToTray = next.closeToTray;
        return next;
      },
    },
    openPath: openWithDesktop,
    logFollows,
    core,
    async pickDirectory() {
      const options = { title: 'Add a Laravel site', properties: ['openDirectory' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  registerIpcHandlers(
    createDispatch(handlers, (sender) => isTrustedSender(sender, files.rendererUrl)),
  );

  try {
    tray = createSystemTray(
      join(distDir, 'assets', 'tray'),
      (action) =>
        void runTrayAction(action, {
          core,
          current: () => statuses,
          busy,
          refresh: renderTray,
          openWindow,
          quit: () => void quit(),
          report: (title, body) => notify(title, body, () => openWindow()),
        }),
    );
    renderTray();
  } catch {
    // No tray on this desktop (no StatusNotifier host): the window is then the only way in.
    tray = null;
  }

  core.onStatus((next) => void onStatuses(next));
  await core.startLive((error) => {
    const view = toErrorView(error);
    if (problem === view.message) return;
    problem = view.message;
    renderTray();
    toWindow('status:problem', view);
  });

  // Reconcile at start (cleaning what a killed ServerMark left) and whenever the registry or the
  // unit folder changes; a failure (e.g. a corrupt registry) also reaches the window via status.
  core.health.watch(
    (report) => toWindow('reconcile:changed', report),
    (error) => console.error(`ServerMark reconcile: ${toErrorView(error).message}`),
  );

  if (!hidden || !tray) openWindow();
  // The login entry run while the app already runs (with --hidden) leaves it in the tray.
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(HIDDEN_FLAG)) openWindow();
  });
  app.on('before-quit', () => (quitting = true));
  app.on('window-all-closed', () => {
    if (!tray) void quit();
  });
  return { openWindow, quit };
}
