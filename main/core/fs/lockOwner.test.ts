import { spawn } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { removeStaleLock, withFileLock } from './fileLock';
import { inspectLockOwner, processStartedAt } from './lockOwner';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-owner-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const longLived = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
const secondsAgo = (s: number) => new Date(Date.now() - s * 1000);

describe('lock ownership', () => {
  it('knows when this process started', () => {
    const started = processStartedAt(process.pid)!;
    expect(started).toBeLessThanOrEqual(Date.now());
    expect(started).toBeGreaterThan(Date.now() - process.uptime() * 1000 - 5_000);
  });

  it('a live owner that took the lock after it started holds it', async () => {
    const holder = longLived();
    try {
      const lock = join(dir, 'x.lock');
      await writeFile(lock, String(holder.pid));
      expect(await inspectLockOwner(lock)).toEqual({ pid: holder.pid, stale: false });
      expect(await removeStaleLock(lock)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a pid reused by a process that started after the lock was taken does not hold it', async () => {
    const holder = longLived();
    try {
      const lock = join(dir, 'x.lock');
      await writeFile(lock, String(holder.pid));
      // As if the lock had been taken a minute ago by a process that has since died.
      await utimes(lock, secondsAgo(60), secondsAgo(60));
      expect(await inspectLockOwner(lock)).toEqual({ pid: holder.pid, stale: true });
      expect(await removeStaleLock(lock)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('an empty lock is held for a moment (its owner writes the pid next), then abandoned', async () => {
    const lock = join(dir, 'x.lock');
    await writeFile(lock, '');
    expect(await inspectLockOwner(lock)).toEqual({ pid: null, stale: false });
    await utimes(lock, secondsAgo(30), secondsAgo(30));
    expect(await inspectLockOwner(lock)).toEqual({ pid: null, stale: true });
    // A process killed between creating the lock and writing its pid no longer blocks anyone.
    await expect(withFileLock(lock, async () => 'ran', 2_000)).resolves.toBe('ran');
  });

  it('a missing lock has no owner', async () => {
    expect(await inspectLockOwner(join(dir, 'none.lock'))).toBeNull();
    expect(await removeStaleLock(join(dir, 'none.lock'))).toBe(false);
  });

  it('a takeover guard left by a killed process expires', async () => {
    const lock = join(dir, 'x.lock');
    await writeFile(lock, '999999999');
    await writeFile(`${lock}.takeover`, '');
    await utimes(`${lock}.takeover`, secondsAgo(60), secondsAgo(60));
    await expect(withFileLock(lock, async () => 'ran', 3_000)).resolves.toBe('ran');
  });

  it('the busy error can say what is busy', async () => {
    const holder = longLived();
    try {
      const lock = join(dir, 'x.lock');
      await writeFile(lock, String(holder.pid));
      await expect(
        withFileLock(lock, async () => 'never', {
          timeoutMs: 200,
          busyError: (_file, pid) => new ServerMarkError('BUSY', `held by ${pid}`),
        }),
      ).rejects.toThrow(`held by ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
