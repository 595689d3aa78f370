import { stat } from 'node:fs/promises';
import { ServerMarkError } from '../errors/serverMarkError';
import { resolveSite } from '../sites/resolveSite';
import type { SiteRecord } from '../sites/siteRecord';
import { UNIT_PREFIX, workerUnitNames } from '../units/unitName';
import { DEFAULT_WORKER_NAME } from '../workers/workerOptions';
import { followWorkerLog, type LogFollow } from './followWorkerLog';
import { listInstanceLogs } from './logFiles';
import type { LogLine } from './logLine';
import { readWorkerLog, type WorkerLogRead } from './readWorkerLog';
import { rotateLogsIfNeeded } from './rotateLog';

export const DEFAULT_LOG_LINES = 1000;
export const MAX_LOG_LINES = 100_000;

export interface WorkerLogRequest {
  /** Worker name; the site's "default" worker (or its first) when left out. */
  worker?: string;
  /** How many of the newest lines; 0…MAX_LOG_LINES. */
  lines?: number;
}

export interface WorkerLogSubscription {
  /** The newest `lines` lines at the moment following began; new lines continue right after. */
  initial: WorkerLogRead;
  /** Reads what is new now instead of waiting for the next event (tests, a "refresh"). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/** The logs of every worker, by site and worker name: what the window and the CLI use. */
export interface WorkerLogs {
  read(siteRef: string, request?: WorkerLogRequest): Promise<WorkerLogRead>;
  follow(
    siteRef: string,
    request: WorkerLogRequest,
    onLines: (lines: LogLine[]) => void,
  ): Promise<WorkerLogSubscription>;
  /** The file to show in a desktop app: process 1's log, or the first process's that exists. */
  fileToOpen(siteRef: string, worker?: string): Promise<string>;
  /** Rotates every worker log over the size cap; cheap when none is (a stat per file). */
  rotateIfNeeded(): Promise<string[]>;
  /** Rotates one site's logs over the cap, before its workers (re)start. */
  rotateSiteLogs(siteId: string): Promise<string[]>;
}

export interface WorkerLogsDependencies {
  logDir: string;
  sites(): Promise<SiteRecord[]>;
  /** The size cap (settings.logMaxBytes), read at each use so a change applies at once. */
  maxBytes(): Promise<number>;
}

function lineCount(lines: number | undefined, fallback: number): number {
  const count = lines ?? fallback;
  if (!Number.isInteger(count) || count < 0 || count > MAX_LOG_LINES) {
    throw new ServerMarkError(
      'INVALID_OPTION',
      `The number of log lines must be a whole number from 0 to ${MAX_LOG_LINES}.`,
    );
  }
  return count;
}

export function createWorkerLogs({ logDir, sites, maxBytes }: WorkerLogsDependencies): WorkerLogs {
  // The unit prefix names the files (renderUnit); it comes from the registry, never from input.
  async function target(siteRef: string, workerName: string | undefined) {
    const site = await resolveSite(await sites(), siteRef);
    const name =
      workerName ??
      (site.workers.some((w) => w.name === DEFAULT_WORKER_NAME)
        ? DEFAULT_WORKER_NAME
        : site.workers[0]!.name);
    if (!site.workers.some((w) => w.name === name)) {
      throw new ServerMarkError(
        'WORKER_NOT_FOUND',
        `${site.name} has no worker named "${name}": its workers are ${site.workers.map((w) => w.name).join(', ')}.`,
      );
    }
    return { site, prefix: workerUnitNames(site, name, 1).prefix };
  }

  async function rotateWorker(prefix: string): Promise<void> {
    const cap = await maxBytes();
    await rotateLogsIfNeeded(logDir, cap, (name) => name.startsWith(`${prefix}@`));
  }

  return {
    async read(siteRef, request = {}) {
      const lines = lineCount(request.lines, DEFAULT_LOG_LINES);
      const { prefix } = await target(siteRef, request.worker);
      await rotateWorker(prefix);
      return (await readWorkerLog({ logDir, prefix, lines })).read;
    },

    async follow(siteRef, request, onLines) {
      const lines = lineCount(request.lines, 0);
      const { prefix } = await target(siteRef, request.worker);
      await rotateWorker(prefix);
      // One read fixes the offsets the follower starts from: no line is lost or shown twice.
      const { read, positions } = await readWorkerLog({
        logDir,
        prefix,
        lines,
        completeOnly: true,
      });
      const follow: LogFollow = await followWorkerLog({
        logDir,
        prefix,
        positions,
        onLines,
        maxBytes: await maxBytes(),
      });
      return { initial: read, check: follow.check, stop: follow.stop };
    },

    async fileToOpen(siteRef, worker) {
      const { site, prefix } = await target(siteRef, worker);
      // Only current files: a process whose log was all rotated away has nothing to open.
      const logs = [];
      for (const log of await listInstanceLogs(logDir, prefix)) {
        if (
          await stat(log.path).then(
            (info) => info.isFile(),
            () => false,
          )
        )
          logs.push(log);
      }
      const first = logs.find((log) => log.instance === '1') ?? logs[0];
      if (!first) {
        throw new ServerMarkError(
          'LOG_NOT_FOUND',
          `The ${worker ?? 'default'} worker of ${site.name} has no log yet: start it, and its output will be written to ${logDir}.`,
        );
      }
      return first.path;
    },

    async rotateIfNeeded() {
      return rotateLogsIfNeeded(logDir, await maxBytes(), (name) => name.startsWith(UNIT_PREFIX));
    },

    async rotateSiteLogs(siteId) {
      return rotateLogsIfNeeded(logDir, await maxBytes(), (name) => name.includes(`_${siteId}_`));
    },
  };
}
