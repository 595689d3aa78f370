import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findExecutable } from '../../testing/findExecutable';
import { openSettings, type SettingsStore } from './settings';
import { settingsPatchSchema, updateUserSettings } from './settingsPatch';

let root: string;
let store: SettingsStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-settings-patch-'));
  store = openSettings(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('settingsPatchSchema', () => {
  it('accepts any subset of the user preferences', () => {
    expect(settingsPatchSchema.safeParse({}).success).toBe(true);
    expect(
      settingsPatchSchema.safeParse({
        notifications: false,
        startAtLogin: true,
        closeToTray: false,
        defaultPhp: null,
        logMaxBytes: 1024 * 1024,
        theme: 'dark',
      }).success,
    ).toBe(true);
  });

  it.each([
    ['the app bookkeeping', { quitNoticeShown: true }],
    ['an unknown key', { colour: 'red' }],
    ['a wrong type', { notifications: 'yes' }],
    ['a relative PHP', { defaultPhp: 'php' }],
    ['a huge PHP path', { defaultPhp: `/${'a'.repeat(5000)}` }],
    ['a tiny log cap', { logMaxBytes: 10 }],
    ['an unknown theme', { theme: 'sepia' }],
  ])('refuses %s', (_what, patch) => {
    expect(settingsPatchSchema.safeParse(patch).success).toBe(false);
  });
});

describe('updateUserSettings', () => {
  it('saves the change and returns every setting', async () => {
    expect(await updateUserSettings(store, { theme: 'light', logMaxBytes: 128 * 1024 })).toEqual(
      expect.objectContaining({ theme: 'light', logMaxBytes: 128 * 1024, notifications: true }),
    );
    expect((await store.read()).theme).toBe('light');
  });

  it('keeps a default PHP that runs as PHP', async () => {
    const php = findExecutable('php');
    expect((await updateUserSettings(store, { defaultPhp: php })).defaultPhp).toBe(php);
  });

  it('refuses a default PHP that is not PHP, saving nothing', async () => {
    const fake = join(root, 'not-php');
    await writeFile(fake, '#!/bin/sh\nexit 3\n');
    await chmod(fake, 0o755);
    await expect(
      updateUserSettings(store, { defaultPhp: fake, theme: 'dark' }),
    ).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
    await expect(
      updateUserSettings(store, { defaultPhp: join(root, 'missing') }),
    ).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
    expect(existsSync(store.file)).toBe(false);
  });

  it('refuses the app bookkeeping when called outside IPC too', async () => {
    await expect(
      updateUserSettings(store, { quitNoticeShown: true } as never),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION' });
    expect(existsSync(store.file)).toBe(false);
  });
});
