import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteLockFile, withSiteLock, withSiteLocks } from './siteLock';

let configDir: string;
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'sm-sitelock-'));
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('per-site operation lock', () => {
  it('runs one operation per site at a time, and sites independently', async () => {
    const log: string[] = [];
    const op = (site: string, tag: string) =>
      withSiteLock(configDir, site, async () => {
        log.push(`${tag}+`);
        await pause(30);
        log.push(`${tag}-`);
      });
    await Promise.all([op('aaaa1111', 'a1'), op('aaaa1111', 'a2'), op('bbbb2222', 'b')]);
    const a = log.filter((entry) => entry.startsWith('a'));
    // Never a2+ between a1+ and a1- (or the reverse): the two operations did not interleave.
    expect(a.join(' ')).toMatch(/^(a1\+ a1- a2\+ a2-|a2\+ a2- a1\+ a1-)$/);
    // The other site did not wait for the first.
    expect(log.indexOf('b+')).toBeLessThan(log.lastIndexOf('a2-'));
    expect(await readdir(join(configDir, 'locks'))).toEqual([]);
  });

  it('refuses ids that are not site ids, so a lock name can never escape its folder', () => {
    expect(() => siteLockFile(configDir, '../../etc')).toThrow(/expected format/);
  });

  it('says BUSY, naming the process, while another live process operates on the site', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const lock = siteLockFile(configDir, 'cccc3333');
      await mkdir(dirname(lock), { recursive: true });
      await writeFile(lock, String(holder.pid));
      await expect(
        withSiteLock(configDir, 'cccc3333', async () => 'ran', 300),
      ).rejects.toMatchObject({
        code: 'BUSY',
        message: expect.stringContaining(`pid ${holder.pid}`),
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a killed process at once', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    const lock = siteLockFile(configDir, 'dddd4444');
    await mkdir(dirname(lock), { recursive: true });
    await writeFile(lock, String(gone.pid));
    await expect(withSiteLock(configDir, 'dddd4444', async () => 'ran', 2_000)).resolves.toBe(
      'ran',
    );
  });

  it('locks several sites in one order, so two batches in opposite orders do not deadlock', async () => {
    const sites = ['eeee5555', 'ffff6666', 'gggg7777'];
    let inside = 0;
    let most = 0;
    const batch = (ids: string[]) =>
      withSiteLocks(configDir, ids, async () => {
        most = Math.max(most, ++inside);
        await pause(20);
        inside--;
      });
    await Promise.all([batch(sites), batch([...sites].reverse()), batch([sites[1]!])]);
    expect(most).toBe(1);
  });
});
