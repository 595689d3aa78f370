// The window's size, position and maximized state across launches, in
// $XDG_STATE_HOME/servermark/window-state.json: layout is state, not configuration (XDG).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { xdgPaths } from '../paths/xdgPaths';
import type { WindowState } from './placeWindow';

export type { PlacedWindow, Rect, WindowSizeLimits, WindowState } from './placeWindow';
export { placeWindow } from './placeWindow';

const coordinate = z.number().int().min(-1_000_000).max(1_000_000);
const length = z.number().int().min(1).max(100_000);

const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, width: length, height: length }),
  maximized: z.boolean(),
});

/** $XDG_STATE_HOME/servermark/window-state.json, beside the logs folder. */
export function windowStateFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(xdgPaths(env).logDir), 'window-state.json');
}

export interface LoadedWindowState {
  state: WindowState | null;
  /** Why a file that exists was not used; the window then opens at its default size. */
  problem: string | null;
}

export function parseWindowState(text: string): WindowState {
  const parsed = windowStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${issue?.path.join('.') || 'the file'}: ${issue?.message}`);
  }
  return parsed.data;
}

export async function loadWindowState(file: string): Promise<LoadedWindowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: null, problem: null };
    return { state: null, problem: `Could not read ${file}: ${(error as Error).message}` };
  }
  try {
    return { state: parseWindowState(text), problem: null };
  } catch (error) {
    return {
      state: null,
      problem: `Ignored ${file}, which is not a window state (${(error as Error).message}); it will be rewritten.`,
    };
  }
}

/**
 * Written synchronously, so the last save can run in the window's close event; atomic (temp
 * file and rename) but not fsynced: a lost layout costs nothing, a stalled main process does.
 */
export function saveWindowState(file: string, state: WindowState): void {
  const valid = windowStateSchema.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(valid)}\n`, { flag: 'wx', mode: 0o600 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
