// settings:get and settings:set end to end through the validating dispatch, with the real
// settings store and login entry in a temporary XDG config home.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAutostart, type Autostart } from '../core/autostart/autostart';
import { withStartAtLogin } from '../core/autostart/startAtLoginSetting';
import { createServerMark, type ServerMark } from '../core/serverMark';
import { createDispatch, type Dispatch } from './dispatch';
import { createInvokeHandlers } from './invokeHandlers';

const WINDOW = { url: 'file:///app/dist/renderer/index.html', isMainFrame: true };

let root: string;
let core: ServerMark;
let autostart: Autostart;
let dispatch: Dispatch;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-settings-ipc-'));
  const env = { HOME: root, XDG_CONFIG_HOME: join(root, 'config'), PATH: process.env.PATH };
  core = createServerMark({ env });
  autostart = openAutostart({ env, command: ['/opt/ServerMark/servermark-desktop'] });
  const handlers = createInvokeHandlers({
    core,
    pickDirectory: async () => null,
    settings: withStartAtLogin(core.settings, autostart),
  });
  dispatch = createDispatch(handlers, (sender) => sender.url === WINDOW.url);
});
afterEach(async () => {
  core.close();
  await rm(root, { recursive: true, force: true });
});

describe('settings channels', () => {
  it('settings:get returns every setting, defaults filled in', async () => {
    expect(await dispatch('settings:get', {}, WINDOW)).toEqual({
      ok: true,
      value: expect.objectContaining({
        notifications: true,
        startAtLogin: false,
        closeToTray: true,
        theme: 'system',
      }),
    });
  });

  it('settings:set with startAtLogin writes the login entry, and off removes it', async () => {
    const on = await dispatch('settings:set', { patch: { startAtLogin: true } }, WINDOW);
    expect(on).toMatchObject({ ok: true, value: { startAtLogin: true } });
    expect(await readFile(autostart.file, 'utf8')).toContain(
      'Exec=/opt/ServerMark/servermark-desktop --hidden',
    );
    expect(await dispatch('settings:get', {}, WINDOW)).toMatchObject({
      value: { startAtLogin: true },
    });
    await dispatch('settings:set', { patch: { startAtLogin: false } }, WINDOW);
    expect(existsSync(autostart.file)).toBe(false);
  });

  it('settings:set saves other preferences and leaves the login entry alone', async () => {
    expect(
      await dispatch('settings:set', { patch: { theme: 'dark', notifications: false } }, WINDOW),
    ).toMatchObject({ ok: true, value: { theme: 'dark', notifications: false } });
    expect((await core.settings.read()).theme).toBe('dark');
    expect(existsSync(autostart.file)).toBe(false);
  });

  it.each([
    [{ patch: { quitNoticeShown: true } }],
    [{ patch: { theme: 'sepia' } }],
    [{ patch: { startAtLogin: 'yes' } }],
    [{ patch: { defaultPhp: 'php' } }],
    [{ theme: 'dark' }],
    [{ patch: {}, extra: 1 }],
  ])('settings:set refuses %j before anything is written', async (payload) => {
    expect(await dispatch('settings:set', payload, WINDOW)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(existsSync(core.settings.file)).toBe(false);
    expect(existsSync(autostart.file)).toBe(false);
  });

  it('settings:set refuses a default PHP that does not run, with the reason', async () => {
    const result = await dispatch(
      'settings:set',
      { patch: { defaultPhp: join(root, 'no-php-here') } },
      WINDOW,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'PHP_NOT_FOUND' } });
    expect(existsSync(core.settings.file)).toBe(false);
  });
});
