import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './fileLock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('withFileLock', () => {
  it('holds the lock (with our pid in it) only while the task runs', async () => {
    const lock = join(dir, 'nested', 'x.lock');
    const seen = await withFileLock(lock, async () => readFile(lock, 'utf8'));
    expect(seen).toBe(String(process.pid));
    expect(await readdir(join(dir, 'nested'))).toEqual([]);
  });

  it('releases the lock when the task throws', async () => {
    const lock = join(dir, 'x.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(withFileLock(lock, async () => 'again')).resolves.toBe('again');
  });

  it('runs tasks one at a time', async () => {
    const lock = join(dir, 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lock, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 3));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('times out with REGISTRY_LOCKED while a live process holds it, and leaves its lock alone', async () => {
    const lock = join(dir, 'x.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(lock, String(holder.pid));
      let ran = false;
      await expect(withFileLock(lock, async () => void (ran = true), 300)).rejects.toMatchObject({
        code: 'REGISTRY_LOCKED',
      });
      expect(ran).toBe(false);
      expect(await readFile(lock, 'utf8')).toBe(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock whose owner has exited', async () => {
    const lock = join(dir, 'x.lock');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(lock, `${gone.pid}\n`);
    await expect(withFileLock(lock, async () => readFile(lock, 'utf8'), 2_000)).resolves.toBe(
      String(process.pid),
    );
  });
});
