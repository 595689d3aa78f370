import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';
import { removeStaleLock, withFileLock } from '../fs/fileLock';
import { inspectLockOwner } from '../fs/lockOwner';
import { SITE_LOCK_DIR, siteLockFile } from '../operations/siteLock';
import type { XdgPaths } from '../paths/xdgPaths';
import { parseWorkerUnitName } from '../units/unitName';

// writeFileAtomic's temp name: .<target>.<12 hex>.tmp; unitFiles' link temp: .<instance>.tmp.
const ATOMIC_TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;
const LINK_TEMP = /^\.(.+)\.tmp$/;
const WANTS_DIR = 'default.target.wants';
// Every writer holds the matching lock, so under it a temp file is certainly abandoned.
const CLEAN_LOCK_TIMEOUT_MS = 2_000;

export interface Leftovers {
  /** Temp files a killed writer left, each with the lock its writers hold. */
  tempFiles: Array<{ file: string; lock: string }>;
  /** Lock files (and takeover guards) no live process holds. */
  staleLocks: string[];
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

async function findTempFiles(paths: XdgPaths): Promise<Leftovers['tempFiles']> {
  const found: Leftovers['tempFiles'] = [];
  for (const name of await names(paths.configDir)) {
    const target = ATOMIC_TEMP.exec(name)?.[1];
    if (target)
      found.push({
        file: join(paths.configDir, name),
        lock: join(paths.configDir, `${target}.lock`),
      });
  }
  const ours = (target: string | undefined) => (target ? parseWorkerUnitName(target) : null);
  for (const name of await names(paths.unitDir)) {
    const unit = ours(ATOMIC_TEMP.exec(name)?.[1]);
    if (unit)
      found.push({
        file: join(paths.unitDir, name),
        lock: siteLockFile(paths.configDir, unit.siteId),
      });
  }
  const wantsDir = join(paths.unitDir, WANTS_DIR);
  for (const name of await names(wantsDir)) {
    const unit = ours(LINK_TEMP.exec(name)?.[1]);
    if (unit)
      found.push({ file: join(wantsDir, name), lock: siteLockFile(paths.configDir, unit.siteId) });
  }
  return found;
}

async function isStaleGuard(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > 5_000;
}

async function findStaleLocks(paths: XdgPaths): Promise<string[]> {
  const stale: string[] = [];
  for (const dir of [paths.configDir, join(paths.configDir, SITE_LOCK_DIR)]) {
    for (const name of await names(dir)) {
      const file = join(dir, name);
      if (name.endsWith('.lock') && (await inspectLockOwner(file).catch(() => null))?.stale) {
        stale.push(file);
      } else if (name.endsWith('.lock.takeover') && (await isStaleGuard(file))) {
        stale.push(file);
      }
    }
  }
  return stale;
}

/** What a killed ServerMark may have left behind; reading only. */
export async function findLeftovers(paths: XdgPaths): Promise<Leftovers> {
  const [tempFiles, staleLocks] = await Promise.all([findTempFiles(paths), findStaleLocks(paths)]);
  return { tempFiles, staleLocks };
}

/** Removes stale locks, then each temp file under the lock its writers hold; returns what went. */
export async function cleanLeftovers(
  paths: XdgPaths,
): Promise<{ removed: string[]; busy: string[] }> {
  const { tempFiles, staleLocks } = await findLeftovers(paths);
  const removed: string[] = [];
  const busy: string[] = [];
  for (const lock of staleLocks) {
    if (lock.endsWith('.takeover')) {
      await rm(lock, { force: true });
      removed.push(lock);
    } else if (await removeStaleLock(lock)) removed.push(lock);
  }
  const byLock = new Map<string, Leftovers['tempFiles']>();
  for (const temp of tempFiles) byLock.set(temp.lock, [...(byLock.get(temp.lock) ?? []), temp]);
  for (const [lock, temps] of byLock) {
    try {
      await withFileLock(
        lock,
        async () => {
          for (const { file } of temps) {
            await rm(file, { force: true });
            removed.push(file);
          }
        },
        { timeoutMs: CLEAN_LOCK_TIMEOUT_MS },
      );
    } catch (error) {
      // Someone is writing right now: their temp file is alive; try again next time.
      if (!(error instanceof ServerMarkError)) throw error;
      busy.push(...temps.map((t) => t.file));
    }
  }
  return { removed, busy };
}
