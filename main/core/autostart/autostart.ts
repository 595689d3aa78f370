// "Start at login": an XDG autostart entry ($XDG_CONFIG_HOME/autostart/servermark.desktop)
// that the session starts at login, with --hidden so the app waits in the tray.
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite';
import { xdgPaths } from '../paths/xdgPaths';
import { desktopExecValue } from './desktopExec';

export const HIDDEN_FLAG = '--hidden';
export const AUTOSTART_FILE_NAME = 'servermark.desktop';

export interface Autostart {
  readonly file: string;
  /** Whether the session will start the app at the next login. */
  isEnabled(): Promise<boolean>;
  enable(): Promise<void>;
  disable(): Promise<void>;
  /** Rewrites an existing entry so it starts this copy of the app (an AppImage may move). */
  refresh(): Promise<void>;
}

export interface AutostartOptions {
  env?: NodeJS.ProcessEnv;
  /** The argv that starts the app (without --hidden), program path first. */
  command: readonly string[];
}

/** $XDG_CONFIG_HOME/autostart/servermark.desktop (our own folder's sibling). */
export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(xdgPaths(env).configDir), 'autostart', AUTOSTART_FILE_NAME);
}

export function renderAutostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=ServerMark',
    'Comment=Keep an eye on your Laravel queue workers from the tray',
    `Exec=${desktopExecValue([...command, HIDDEN_FLAG])}`,
    'Icon=servermark-desktop',
    'Terminal=false',
    'Categories=Development;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** The [Desktop Entry] keys of an entry, raw. */
function entryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>();
  let inEntry = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inEntry = line.trim() === '[Desktop Entry]';
    else if (inEntry && line.includes('=')) {
      const at = line.indexOf('=');
      keys.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
  }
  return keys;
}

export function openAutostart({ env = process.env, command }: AutostartOptions): Autostart {
  const file = autostartFile(env);
  // Rendered before each write: a path no entry can hold is refused with nothing written.
  const entry = () => renderAutostartEntry(command);

  async function readEntry(): Promise<string | null> {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      // No entry, or no folder that could hold one (ENOTDIR: a file sits where it should be).
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  }

  async function isEnabled(): Promise<boolean> {
    const text = await readEntry();
    if (text === null) return false;
    const keys = entryKeys(text);
    // Session settings (GNOME's, for one) turn an entry off in place instead of deleting it.
    return keys.get('Hidden') !== 'true' && keys.get('X-GNOME-Autostart-enabled') !== 'false';
  }

  return {
    file,
    isEnabled,
    enable: async () => writeFileAtomic(file, entry(), 0o644),
    disable: () => rm(file, { force: true }),
    async refresh() {
      const text = await readEntry();
      if (text === null || !(await isEnabled())) return;
      const wanted = entry();
      if (text !== wanted) await writeFileAtomic(file, wanted, 0o644);
    },
  };
}
