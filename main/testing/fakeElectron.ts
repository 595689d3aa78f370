// A stand-in for the `electron` module: the shell is tested as plain data in Node, since the
// Electron binary cannot run on build machines. Each fake records what the shell asked of it.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<{ channel: string; payload: unknown }> = [];
  mainFrame = { url: 'file:///app/dist/renderer/index.html' };
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  isLoading() {
    return false;
  }
  /** Emits like Electron: returns whether a listener called preventDefault(). */
  emitPreventable(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export interface FakeRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedFile: string | null = null;
  shown = false;
  maximized = false;
  destroyed = false;
  /** The bounds it would have unmaximized; tests move it with moveTo(). */
  normalBounds: FakeRect;
  constructor(readonly options: Record<string, unknown>) {
    super();
    const number = (key: string, fallback: number) =>
      typeof options[key] === 'number' ? (options[key] as number) : fallback;
    this.normalBounds = {
      x: number('x', 0),
      y: number('y', 0),
      width: number('width', 800),
      height: number('height', 600),
    };
    FakeBrowserWindow.created.push(this);
  }
  loadFile(file: string) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  focused = false;
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    this.focused = true;
  }
  hide() {
    this.shown = false;
  }
  show() {
    this.shown = true;
    this.emit('show');
  }
  maximize() {
    this.maximized = true;
    this.shown = true;
    this.emit('maximize');
  }
  unmaximize() {
    this.maximized = false;
    this.emit('unmaximize');
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.normalBounds };
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** As the user drags or resizes it: Electron emits move or resize for each step. */
  moveTo(bounds: Partial<FakeRect>) {
    const resized = bounds.width !== undefined || bounds.height !== undefined;
    this.normalBounds = { ...this.normalBounds, ...bounds };
    this.emit(resized ? 'resize' : 'move');
  }
  /** Emits close like Electron: returns whether a listener called preventDefault(). */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return prevented;
  }
}

/** Displays as Electron's screen module lists them; the primary is the first. */
export const fakeDisplays: { workAreas: FakeRect[] } = {
  workAreas: [{ x: 0, y: 32, width: 1920, height: 1048 }],
};

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: Array<{
    label?: string;
    type?: string;
    checked?: boolean;
    enabled?: boolean;
    click?: () => void;
  }> = [];
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeTray['menu']) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** Desktop notifications as the shell raised them; click() acts as the user would. */
export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static isSupported() {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    FakeNotification.shown.push(this);
  }
  click() {
    this.emit('click');
  }
}

/** The app object: records quit() and answers the single-instance lock. */
export class FakeApp extends EventEmitter {
  isPackaged = false;
  quitCalls = 0;
  getAppPath() {
    return '/app';
  }
  quit() {
    this.quitCalls++;
  }
  requestSingleInstanceLock() {
    return true;
  }
}

export function createFakeElectron() {
  const handlers = new Map<string, Listener>();
  const permissionRequests: boolean[] = [];
  const opened: string[] = [];
  const messageBoxes: Array<{ message: string; detail?: string }> = [];
  const app = new FakeApp();
  return {
    handlers,
    permissionRequests,
    opened,
    messageBoxes,
    app,
    module: {
      app,
      Notification: FakeNotification,
      dialog: {
        // The user answers the first button (Quit, OK) unless a test says otherwise.
        showMessageBox: async (options: { message: string; detail?: string }) => {
          messageBoxes.push(options);
          return { response: 0 };
        },
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: () => undefined,
          setPermissionCheckHandler: () => undefined,
        },
      },
      BrowserWindow: FakeBrowserWindow,
      ipcMain: {
        handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
        removeHandler: (channel: string) => handlers.delete(channel),
      },
      shell: {
        openExternal: async (url: string) => void opened.push(url),
        openPath: async (path: string) => (opened.push(path), ''),
      },
      Menu: { buildFromTemplate: (template: unknown) => template },
      Tray: FakeTray,
      nativeImage: { createFromPath: (path: string) => ({ path }) },
      screen: {
        getAllDisplays: () =>
          fakeDisplays.workAreas.map((workArea, id) => ({ id, workArea, bounds: workArea })),
        getPrimaryDisplay: () => ({
          id: 0,
          workArea: fakeDisplays.workAreas[0],
          bounds: fakeDisplays.workAreas[0],
        }),
      },
    },
  };
}
