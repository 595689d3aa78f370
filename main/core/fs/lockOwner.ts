import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';

// /proc reports start times in USER_HZ ticks, which Linux fixes at 100 on every architecture.
const USER_HZ = 100;
// A lock is created empty and gets its pid a moment later: only an old empty one is abandoned.
const EMPTY_LOCK_GRACE_MS = 5_000;
// Start times have tick resolution and the boot time whole seconds: allow for both.
const CLOCK_SLACK_MS = 2_000;

let bootTimeMs: number | null | undefined;

function bootTime(): number | null {
  if (bootTimeMs === undefined) {
    try {
      const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
      bootTimeMs = btime ? Number(btime) * 1000 : null;
    } catch {
      bootTimeMs = null;
    }
  }
  return bootTimeMs;
}

/** When a process started (ms since the epoch), or null when /proc cannot tell. */
export function processStartedAt(pid: number): number | null {
  const boot = bootTime();
  if (boot === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counts after the command name, which may itself hold spaces and ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? boot + (ticks / USER_HZ) * 1000 : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface LockOwner {
  /** The pid written in the lock, or null when it holds none (yet). */
  pid: number | null;
  /** True when no live process can still hold this lock. */
  stale: boolean;
}

/**
 * Who holds a lock file, and whether they can still hold it: a dead pid, a pid reused by a
 * process that started after the lock was taken, or a lock left empty by a killed process.
 * Null when the file does not exist.
 */
export async function inspectLockOwner(lockFile: string): Promise<LockOwner | null> {
  let text: string;
  let takenAt: number;
  try {
    [text, takenAt] = await Promise.all([
      readFile(lockFile, 'utf8'),
      stat(lockFile).then((info) => info.mtimeMs),
    ]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    return { pid: null, stale: Date.now() - takenAt > EMPTY_LOCK_GRACE_MS };
  }
  if (!processAlive(pid)) return { pid, stale: true };
  const startedAt = processStartedAt(pid);
  const reused = startedAt !== null && startedAt > takenAt + CLOCK_SLACK_MS;
  return { pid, stale: reused };
}
