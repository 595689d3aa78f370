import { join } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';
import { acquireFileLock, withFileLock } from '../fs/fileLock';

// A stop waits for the current job (TimeoutStopSec, timeout + 10 s by default) and systemctl
// calls may take up to two minutes: wait that long for another process's operation to end.
export const SITE_LOCK_TIMEOUT_MS = 180_000;
export const SITE_LOCK_DIR = 'locks';

/** The lock file that serializes operations on one site across every ServerMark process. */
export function siteLockFile(configDir: string, siteId: string): string {
  if (!/^[a-z0-9]{8}$/.test(siteId)) {
    throw new ServerMarkError('INTERNAL', `Site id "${siteId}" is not in the expected format.`);
  }
  return join(configDir, SITE_LOCK_DIR, `site-${siteId}.lock`);
}

function siteLockOptions(timeoutMs: number) {
  return {
    timeoutMs,
    busyError: (_file: string, pid: number | null) =>
      new ServerMarkError(
        'BUSY',
        `Another ServerMark process${pid ? ` (pid ${pid})` : ''} is still changing this site's workers. Try again when it has finished.`,
      ),
  };
}

/**
 * Runs `task` while no other ServerMark process (the app, a CLI) operates on the same site,
 * so a start in one and a stop in the other never interleave their unit writes and systemctl calls.
 */
export function withSiteLock<T>(
  configDir: string,
  siteId: string,
  task: () => Promise<T>,
  timeoutMs = SITE_LOCK_TIMEOUT_MS,
): Promise<T> {
  return withFileLock(siteLockFile(configDir, siteId), task, siteLockOptions(timeoutMs));
}

/**
 * Locks several sites at once, always in the same order, so two batches never deadlock; lets
 * them all go at once (one by one took a second for 50 sites on a busy machine).
 */
export async function withSiteLocks<T>(
  configDir: string,
  siteIds: string[],
  task: () => Promise<T>,
  timeoutMs = SITE_LOCK_TIMEOUT_MS,
): Promise<T> {
  const ordered = [...new Set(siteIds)].sort();
  const releases: Array<() => Promise<void>> = [];
  try {
    for (const siteId of ordered) {
      releases.push(
        await acquireFileLock(siteLockFile(configDir, siteId), siteLockOptions(timeoutMs)),
      );
    }
    return await task();
  } finally {
    await Promise.all(releases.map((release) => release()));
  }
}
