import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { coalescedRefresh } from '../live/coalescedRefresh';
import type { XdgPaths } from '../paths/xdgPaths';
import { REGISTRY_FILE_NAME } from '../sites/registry';
import type { ReconcileReport } from './finding';
import { ORIGINAL_SITES_FILE } from './originalSites';

export interface ReconcileWatch {
  /** Scans again now (coalesced with a scan under way); reports only if something changed. */
  refresh(): Promise<void>;
  stop(): void;
}

export interface ReconcileWatchOptions {
  paths: XdgPaths;
  /** Repairs that need no one's consent (leftovers of a killed process), run once at start. */
  clean(): Promise<void>;
  scan(): Promise<ReconcileReport>;
  onReport(report: ReconcileReport): void;
  onError?(error: unknown): void;
  debounceMs?: number;
}

// scannedAt changes on every scan; anything else changing is news.
function fingerprint(report: ReconcileReport): string {
  return JSON.stringify({ ...report, scannedAt: undefined });
}

/** Reconcile at start and whenever the registry or the unit folder changes (the CLI, an editor). */
export function watchForReconcile(options: ReconcileWatchOptions): ReconcileWatch {
  const debounceMs = options.debounceMs ?? 300;
  let last: string | null = null;
  let stopped = false;
  const watchers: FSWatcher[] = [];

  async function scanAndReport(): Promise<void> {
    try {
      const report = await options.scan();
      const print = fingerprint(report);
      if (print !== last && !stopped) {
        last = print;
        options.onReport(report);
      }
    } catch (error) {
      // A corrupt registry fails every scan: report it once, not at every change.
      const print = `error:${(error as Error).message}`;
      if (print !== last && !stopped) {
        last = print;
        options.onError?.(error);
      }
    }
  }

  const { refresh, schedule, stop } = coalescedRefresh(scanAndReport, debounceMs);

  const relevant = (name: string | null) =>
    name === null ||
    name === REGISTRY_FILE_NAME ||
    name === ORIGINAL_SITES_FILE ||
    name.startsWith('servermark-queue-');

  for (const dir of [options.paths.configDir, options.paths.unitDir]) {
    mkdirSync(dir, { recursive: true });
    watchers.push(
      watch(dir, { persistent: false }, (_event, name) => {
        if (relevant(name === null ? null : String(name))) schedule();
      }),
    );
  }

  void (async () => {
    await options.clean().catch((error: unknown) => options.onError?.(error));
    await refresh();
  })();

  return {
    refresh,
    stop() {
      stopped = true;
      stop();
      for (const watcher of watchers) watcher.close();
    },
  };
}
