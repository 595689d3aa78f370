import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export interface XdgPaths {
  /** Where our registry lives: $XDG_CONFIG_HOME/servermark */
  configDir: string;
  /** Where systemd reads user units: $XDG_CONFIG_HOME/systemd/user */
  unitDir: string;
  /** Worker output files: $XDG_STATE_HOME/servermark/logs */
  logDir: string;
  /** Electron's own profile (Chromium's caches and storage): $XDG_DATA_HOME/servermark/electron */
  electronDataDir: string;
}

// The XDG spec says relative values are invalid and must be ignored.
function xdgDir(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name];
  return value && isAbsolute(value) ? value : join(env.HOME || homedir(), fallback);
}

export function xdgPaths(env: NodeJS.ProcessEnv = process.env): XdgPaths {
  const config = xdgDir(env, 'XDG_CONFIG_HOME', '.config');
  const state = xdgDir(env, 'XDG_STATE_HOME', '.local/state');
  return {
    configDir: join(config, 'servermark'),
    unitDir: join(config, 'systemd', 'user'),
    logDir: join(state, 'servermark', 'logs'),
    electronDataDir: join(xdgDir(env, 'XDG_DATA_HOME', '.local/share'), 'servermark', 'electron'),
  };
}
