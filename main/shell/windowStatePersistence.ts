import {
  loadWindowState,
  placeWindow,
  saveWindowState,
  type PlacedWindow,
  type Rect,
  type WindowSizeLimits,
  type WindowState,
} from '../core/windowState/windowState';

export const MAIN_WINDOW_LIMITS: WindowSizeLimits = {
  defaultWidth: 1100,
  defaultHeight: 720,
  minWidth: 640,
  minHeight: 420,
};

export interface WindowStatePersistence {
  /** Bounds for a new window: the last ones, moved onto a display that is there now. */
  initialBounds(): PlacedWindow;
  /** Saves the window's bounds a moment after it stops moving, and when it closes. */
  track(window: TrackedWindow): void;
}

/** The part of a BrowserWindow this needs, so the module runs (and is tested) without Electron. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): Rect;
}

export interface WindowStatePersistenceOptions {
  file: string;
  /** The displays' work areas now, the primary first (Electron's screen module in the app). */
  workAreas(): Rect[];
  /** How long the window must stay still before a save: a drag emits many moves. */
  debounceMs?: number;
  /** A state file that could not be used or saved: said, never fatal to the window. */
  onProblem?: (message: string) => void;
}

export async function openWindowStatePersistence({
  file,
  workAreas,
  debounceMs = 500,
  onProblem = (message) => console.warn(`ServerMark window state: ${message}`),
}: WindowStatePersistenceOptions): Promise<WindowStatePersistence> {
  const loaded = await loadWindowState(file);
  if (loaded.problem) onProblem(loaded.problem);
  let last: WindowState | null = loaded.state;

  function save(state: WindowState): void {
    try {
      saveWindowState(file, state);
    } catch (error) {
      onProblem(`Could not save ${file}: ${(error as Error).message}`);
    }
  }

  return {
    initialBounds: () => placeWindow(last, workAreas(), MAIN_WINDOW_LIMITS),
    track(window) {
      let timer: NodeJS.Timeout | null = null;
      const capture = (): WindowState | null => {
        if (window.isDestroyed()) return null;
        const { x, y, width, height } = window.getNormalBounds();
        const bounds = {
          x: Math.round(x),
          y: Math.round(y),
          width: Math.round(width),
          height: Math.round(height),
        };
        last = { bounds, maximized: window.isMaximized() };
        return last;
      };
      const saveSoon = () => {
        if (capture() === null) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          if (last) save(last);
        }, debounceMs);
      };
      window.on('resize', saveSoon);
      window.on('move', saveSoon);
      window.on('maximize', saveSoon);
      window.on('unmaximize', saveSoon);
      // Close (or hide to tray) saves at once: the process may end right after.
      window.on('close', () => {
        if (timer) clearTimeout(timer);
        timer = null;
        const state = capture();
        if (state) save(state);
      });
    },
  };
}
