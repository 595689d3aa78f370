import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xdgPaths } from '../paths/xdgPaths';
import { openSettings, type SettingsStore } from '../settings/settings';
import { openAutostart, type Autostart } from './autostart';
import { withStartAtLogin } from './startAtLoginSetting';

let root: string;
let stored: SettingsStore;
let autostart: Autostart;
let settings: SettingsStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-start-at-login-'));
  const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'config') };
  stored = openSettings(xdgPaths(env).configDir);
  autostart = openAutostart({ env, command: ['/opt/ServerMark/servermark-desktop'] });
  settings = withStartAtLogin(stored, autostart);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('withStartAtLogin', () => {
  it('turning it on writes the entry and stores it; off removes both', async () => {
    expect(await settings.update({ startAtLogin: true })).toMatchObject({ startAtLogin: true });
    expect(await autostart.isEnabled()).toBe(true);
    expect((await stored.read()).startAtLogin).toBe(true);

    expect(await settings.update({ startAtLogin: false })).toMatchObject({ startAtLogin: false });
    expect(existsSync(autostart.file)).toBe(false);
    expect((await stored.read()).startAtLogin).toBe(false);
  });

  it('reports the entry as it is, even when the session settings changed it', async () => {
    await settings.update({ startAtLogin: true });
    await rm(autostart.file);
    expect((await settings.read()).startAtLogin).toBe(false);
    await autostart.enable();
    await stored.update({ startAtLogin: false });
    expect((await settings.read()).startAtLogin).toBe(true);
  });

  it('leaves the entry alone when other settings change', async () => {
    await autostart.enable();
    const before = await readFile(autostart.file, 'utf8');
    expect(await settings.update({ theme: 'dark', closeToTray: false })).toMatchObject({
      theme: 'dark',
      closeToTray: false,
      startAtLogin: true,
    });
    expect(await readFile(autostart.file, 'utf8')).toBe(before);
  });

  it('an invalid change writes nothing: no entry, no settings file', async () => {
    await expect(settings.update({ startAtLogin: true, logMaxBytes: 1 })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
    });
    expect(existsSync(autostart.file)).toBe(false);
    expect(existsSync(stored.file)).toBe(false);
  });

  it('when the entry cannot be written, says where and keeps the stored value as it was', async () => {
    // A file where the autostart folder should be: mkdir fails as on a read-only config.
    await mkdir(join(root, 'config'), { recursive: true });
    await writeFile(join(root, 'config', 'autostart'), 'not a folder');
    await expect(settings.update({ startAtLogin: true })).rejects.toMatchObject({
      message: expect.stringContaining(`Could not write the login entry ${autostart.file}`),
    });
    expect((await stored.read()).startAtLogin).toBe(false);
    expect((await settings.read()).startAtLogin).toBe(false);
  });
});
