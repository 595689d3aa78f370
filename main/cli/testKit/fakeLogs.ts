// Worker logs for CLI tests: lines the test sets, and a follow the test feeds by hand.
import type { LogLine } from '../../core/logs/logLine';
import type { WorkerLogs, WorkerLogRequest } from '../../core/logs/workerLogs';

export interface FakeLogs extends WorkerLogs {
  /** The lines every read returns (the newest `lines` of them). */
  lines: LogLine[];
  files: string[];
  requests: Array<{ call: string; site: string; request: WorkerLogRequest }>;
  /** Sends lines to the running follow, as the file watcher would. */
  append(lines: LogLine[]): void;
  /** True while a follow is running. */
  following: boolean;
}

export function createFakeLogs(): FakeLogs {
  let deliver: ((lines: LogLine[]) => void) | null = null;
  const snapshot = (count: number) => ({
    lines: count === 0 ? [] : logs.lines.slice(-count),
    files: logs.files,
    source: 'files' as const,
    more: logs.lines.length > count,
  });
  const logs: FakeLogs = {
    lines: [],
    files: ['/state/servermark/logs/servermark-queue-shop_k3j9x2ab_default@1.log'],
    requests: [],
    following: false,
    append: (lines) => deliver?.(lines),
    async read(site, request = {}) {
      logs.requests.push({ call: 'read', site, request });
      return snapshot(request.lines ?? 1000);
    },
    async follow(site, request, onLines) {
      logs.requests.push({ call: 'follow', site, request });
      deliver = onLines;
      logs.following = true;
      return {
        initial: snapshot(request.lines ?? 0),
        check: async () => undefined,
        async stop() {
          deliver = null;
          logs.following = false;
        },
      };
    },
    async fileToOpen() {
      return logs.files[0]!;
    },
    async rotateIfNeeded() {
      return [];
    },
    async rotateSiteLogs() {
      return [];
    },
  };
  return logs;
}
