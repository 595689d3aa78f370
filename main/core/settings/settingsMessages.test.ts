import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSettings } from './settings';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'servermark-settings-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

it('refuses a bad value in words a user understands, and writes nothing', async () => {
  const store = openSettings(dir);
  await store.update({ theme: 'dark' });
  const before = await readFile(store.file, 'utf8');
  await expect(store.update({ logMaxBytes: 10 })).rejects.toMatchObject({
    code: 'INVALID_OPTION',
    message: expect.stringContaining('between 64 KiB and 1 GiB'),
  });
  await expect(store.update({ defaultPhp: 'php' })).rejects.toMatchObject({
    message: expect.stringContaining('absolute path'),
  });
  expect(await readFile(store.file, 'utf8')).toBe(before);
});
