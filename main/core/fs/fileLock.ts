import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServerMarkError } from '../errors/serverMarkError';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A lock left by a process that no longer exists (a killed app) must not block forever.
async function removeIfStale(lockFile: string): Promise<void> {
  const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) {
    await rm(lockFile, { force: true });
  }
}

/** Runs `task` while holding an exclusive lock file shared by every ServerMark process. */
export async function withFileLock<T>(
  lockFile: string,
  task: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  await mkdir(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await removeIfStale(lockFile);
      if (Date.now() > deadline) {
        throw new ServerMarkError(
          'REGISTRY_LOCKED',
          `Another ServerMark process holds ${lockFile}. Wait for it, or delete the file if no ServerMark is running.`,
        );
      }
      // Short, jittered waits: a lock is held for milliseconds, so long sleeps only add latency.
      await sleep(Math.min(2 * 2 ** attempt, 20) * (0.5 + Math.random()));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockFile, { force: true });
  }
}
