import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerMarkError } from '../errors/serverMarkError';
import { inspectLockOwner } from './lockOwner';

// Taking over a stale lock is itself guarded, so two waiters that both saw the same dead owner
// cannot have one of them delete the fresh lock the other just took.
const TAKEOVER_SUFFIX = '.takeover';
const TAKEOVER_STALE_MS = 5_000;

export interface FileLockOptions {
  timeoutMs?: number;
  /** The error when the lock stays held past the timeout; by default REGISTRY_LOCKED. */
  busyError?: (lockFile: string, ownerPid: number | null) => ServerMarkError;
}

function defaultBusyError(lockFile: string): ServerMarkError {
  return new ServerMarkError(
    'REGISTRY_LOCKED',
    `Another ServerMark process holds ${lockFile}. Wait for it, or delete the file if no ServerMark is running.`,
  );
}

async function takeoverGuard(lockFile: string): Promise<(() => Promise<void>) | null> {
  const guard = `${lockFile}${TAKEOVER_SUFFIX}`;
  try {
    await (await open(guard, 'wx', 0o600)).close();
    return () => rm(guard, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard is held for a few system calls; an old one was left by a killed process.
    const info = await stat(guard).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TAKEOVER_STALE_MS) await rm(guard, { force: true });
    return null;
  }
}

/**
 * Removes `lockFile` if no live process can hold it any more (a killed app or CLI).
 * Returns true when it removed it.
 */
export async function removeStaleLock(lockFile: string): Promise<boolean> {
  const first = await inspectLockOwner(lockFile);
  if (!first?.stale) return false;
  const release = await takeoverGuard(lockFile);
  if (!release) return false;
  try {
    // Look again under the guard: the lock may have been replaced by a live owner meanwhile.
    const again = await inspectLockOwner(lockFile);
    if (!again?.stale || again.pid !== first.pid) return false;
    await rm(lockFile, { force: true });
    return true;
  } finally {
    await release();
  }
}

/**
 * Takes an exclusive lock file shared by every ServerMark process; resolves with its release.
 * Prefer withFileLock; this is for holding several locks and letting them go together.
 */
export async function acquireFileLock(
  lockFile: string,
  options: number | FileLockOptions = {},
): Promise<() => Promise<void>> {
  const { timeoutMs = 10_000, busyError = defaultBusyError } =
    typeof options === 'number' ? { timeoutMs: options } : options;
  await mkdir(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      try {
        await handle.writeFile(String(process.pid));
      } finally {
        await handle.close();
      }
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await removeStaleLock(lockFile)) continue;
      if (Date.now() > deadline) {
        const owner = await inspectLockOwner(lockFile).catch(() => null);
        throw busyError(lockFile, owner?.pid ?? null);
      }
      await sleep(Math.min(10 * 2 ** attempt, 100));
    }
  }
}

/** Runs `task` while holding an exclusive lock file shared by every ServerMark process. */
export async function withFileLock<T>(
  lockFile: string,
  task: () => Promise<T>,
  options: number | FileLockOptions = {},
): Promise<T> {
  const release = await acquireFileLock(lockFile, options);
  try {
    return await task();
  } finally {
    await release();
  }
}
