import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, fakeDisplays } from '../testing/fakeElectron';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

const { createMainWindow } = await import('./mainWindow');
const { openWindowStatePersistence } = await import('./windowStatePersistence');

const files = {
  rendererFile: '/app/dist/renderer/index.html',
  preloadFile: '/app/dist/preload/index.cjs',
  rendererUrl: 'file:///app/dist/renderer/index.html',
};
// The displays as the app reads them from Electron's screen module.
const workAreas = () => fakeDisplays.workAreas;
const LAPTOP = { x: 0, y: 32, width: 1920, height: 1048 };
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1440 };

let root: string;
let file: string;
let problems: string[];

async function launch() {
  const persistence = await openWindowStatePersistence({
    file,
    workAreas,
    onProblem: (message) => problems.push(message),
  });
  const window = createMainWindow(files, { show: true, bounds: persistence.initialBounds() });
  persistence.track(window as never);
  return FakeBrowserWindow.created.at(-1)!;
}
const savedState = async () => JSON.parse(await readFile(file, 'utf8'));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-window-persistence-'));
  file = join(root, 'state', 'servermark', 'window-state.json');
  problems = [];
  FakeBrowserWindow.created.length = 0;
  fakeDisplays.workAreas = [LAPTOP, MONITOR];
  vi.useFakeTimers();
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

describe('window state across launches', () => {
  it('opens the first window at the default size and lets the window manager place it', async () => {
    const window = await launch();
    expect(window.options).toMatchObject({ width: 1100, height: 720, minWidth: 640 });
    expect(window.options).not.toHaveProperty('x');
    expect(existsSync(file)).toBe(false);
    expect(problems).toEqual([]);
  });

  it('saves once the window stops moving, not on every step of a drag', async () => {
    const window = await launch();
    for (let x = 100; x <= 500; x += 100) {
      window.moveTo({ x, y: 200 });
      vi.advanceTimersByTime(100);
    }
    expect(existsSync(file)).toBe(false);
    window.moveTo({ width: 1000, height: 650 });
    vi.advanceTimersByTime(500);
    expect(await savedState()).toEqual({
      bounds: { x: 500, y: 200, width: 1000, height: 650 },
      maximized: false,
    });
  });

  it('saves at close at once, even in the middle of a move', async () => {
    const window = await launch();
    window.moveTo({ x: 2100, y: 100 });
    window.close();
    expect(await savedState()).toMatchObject({ bounds: { x: 2100, y: 100 } });
  });

  it('reopens where it was, on the second monitor, maximized again once shown', async () => {
    const first = await launch();
    first.moveTo({ x: 2100, y: 100, width: 1400, height: 900 });
    first.maximize();
    first.close();
    expect(await savedState()).toEqual({
      bounds: { x: 2100, y: 100, width: 1400, height: 900 },
      maximized: true,
    });

    const second = await launch();
    expect(second.options).toMatchObject({ x: 2100, y: 100, width: 1400, height: 900 });
    expect(second.maximized).toBe(false);
    second.emit('ready-to-show');
    expect(second.shown).toBe(true);
    expect(second.maximized).toBe(true);
  });

  it('a window hidden at launch stays hidden: maximized only when it is shown', async () => {
    const first = await launch();
    first.maximize();
    first.close();
    const persistence = await openWindowStatePersistence({ file, workAreas });
    createMainWindow(files, { show: false, bounds: persistence.initialBounds() });
    const hidden = FakeBrowserWindow.created.at(-1)!;
    hidden.emit('ready-to-show');
    expect(hidden.shown).toBe(false);
    expect(hidden.maximized).toBe(false);
    hidden.show();
    expect(hidden.maximized).toBe(true);
  });

  it('after the second monitor is unplugged, reopens on the laptop screen', async () => {
    const first = await launch();
    first.moveTo({ x: 2100, y: 100, width: 1400, height: 900 });
    first.close();
    fakeDisplays.workAreas = [LAPTOP];
    const second = await launch();
    expect(second.options).toMatchObject({ x: 260, y: 106, width: 1400, height: 900 });
  });

  it('a window closed and reopened in the same run uses the latest bounds', async () => {
    const persistence = await openWindowStatePersistence({ file, workAreas });
    const first = createMainWindow(files, { show: true, bounds: persistence.initialBounds() });
    persistence.track(first as never);
    FakeBrowserWindow.created.at(-1)!.moveTo({ x: 300, y: 300 });
    FakeBrowserWindow.created.at(-1)!.close();
    createMainWindow(files, { show: true, bounds: persistence.initialBounds() });
    expect(FakeBrowserWindow.created.at(-1)!.options).toMatchObject({ x: 300, y: 300 });
  });

  it('says why a corrupt state file was ignored, opens at the default size, then rewrites it', async () => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, '{"bounds": nonsense');
    const window = await launch();
    expect(problems).toEqual([expect.stringContaining(`Ignored ${file}`)]);
    expect(window.options).toMatchObject({ width: 1100, height: 720 });
    window.close();
    expect(await savedState()).toMatchObject({ maximized: false });
  });

  it('a save that fails is reported, and the window carries on', async () => {
    await mkdir(file, { recursive: true });
    problems = [];
    const window = await launch();
    problems = [];
    window.moveTo({ x: 10 });
    vi.advanceTimersByTime(500);
    expect(window.close()).toBe(false);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain(`Could not save ${file}`);
  });
});
