import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock } from '../fs/fileLock';
import { siteLockFile, withSiteLocks } from './siteLock';

let configDir: string;
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'sm-sitelocks-'));
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

const lockFiles = async () =>
  (await readdir(dirname(siteLockFile(configDir, 'aaaaaaaa'))).catch(() => [])).sort();

describe('locking several sites', () => {
  it('holds every lock while the task runs and lets all of them go after', async () => {
    const held = await withSiteLocks(configDir, ['bbbbbbbb', 'aaaaaaaa', 'cccccccc'], lockFiles);
    expect(held).toEqual(['site-aaaaaaaa.lock', 'site-bbbbbbbb.lock', 'site-cccccccc.lock']);
    expect(await lockFiles()).toEqual([]);
  });

  it('lets all of them go when the task fails', async () => {
    await expect(
      withSiteLocks(configDir, ['aaaaaaaa', 'bbbbbbbb'], async () => {
        throw new Error('task failed');
      }),
    ).rejects.toThrow('task failed');
    expect(await lockFiles()).toEqual([]);
  });

  it('gives back the locks it took when a later one stays busy', async () => {
    // This (live) process holds b: the batch takes a, waits for b, gives up and frees a.
    const release = await acquireFileLock(siteLockFile(configDir, 'bbbbbbbb'));
    try {
      await expect(
        withSiteLocks(configDir, ['aaaaaaaa', 'bbbbbbbb'], async () => 'ran', 200),
      ).rejects.toMatchObject({ code: 'BUSY' });
      expect(await lockFiles()).toEqual(['site-bbbbbbbb.lock']);
    } finally {
      await release();
    }
  });
});
