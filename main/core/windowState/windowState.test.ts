import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWindowState, saveWindowState, windowStateFile } from './windowState';

let root: string;
let file: string;
const STATE = { bounds: { x: -1920, y: 40, width: 1200, height: 800 }, maximized: true };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-window-state-'));
  file = join(root, 'state', 'servermark', 'window-state.json');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('window state file', () => {
  it('lives in $XDG_STATE_HOME/servermark, or ~/.local/state when unset', () => {
    expect(windowStateFile({ HOME: '/h', XDG_STATE_HOME: '/s t' })).toBe(
      '/s t/servermark/window-state.json',
    );
    expect(windowStateFile({ HOME: '/h' })).toBe('/h/.local/state/servermark/window-state.json');
  });

  it('saves and loads the bounds and the maximized flag, creating the folder', async () => {
    saveWindowState(file, STATE);
    expect(await loadWindowState(file)).toEqual({ state: STATE, problem: null });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(dirname(file))).toEqual(['window-state.json']);
  });

  it('a missing file is a first launch, not a problem', async () => {
    expect(await loadWindowState(file)).toEqual({ state: null, problem: null });
  });

  it.each([
    ['not JSON', '{"bounds": '],
    ['a wrong shape', '{"x": 1}'],
    ['a fractional size', JSON.stringify({ ...STATE, bounds: { ...STATE.bounds, width: 1.5 } })],
    ['a zero size', JSON.stringify({ ...STATE, bounds: { ...STATE.bounds, height: 0 } })],
    ['an absurd position', JSON.stringify({ ...STATE, bounds: { ...STATE.bounds, x: 1e12 } })],
  ])('ignores %s and says why', async (_what, text) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    const loaded = await loadWindowState(file);
    expect(loaded.state).toBeNull();
    expect(loaded.problem).toContain(`Ignored ${file}`);
  });

  it('reports an unreadable file instead of failing the launch', async () => {
    await mkdir(file, { recursive: true });
    const loaded = await loadWindowState(file);
    expect(loaded).toMatchObject({ state: null, problem: expect.stringContaining('EISDIR') });
  });

  it('refuses to save an invalid state and leaves the saved one as it was', async () => {
    saveWindowState(file, STATE);
    expect(() =>
      saveWindowState(file, { bounds: { x: 0, y: 0, width: NaN, height: 1 }, maximized: false }),
    ).toThrow();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(STATE);
    expect(await readdir(dirname(file))).toEqual(['window-state.json']);
  });
});
