import { stat } from 'node:fs/promises';
import { generationFile, LOG_GENERATIONS, listInstanceLogs, type InstanceLog } from './logFiles';
import { parseLogLine, type LogLine } from './logLine';
import { mergeByTime } from './mergeLines';
import { readLastLines, type TailRead } from './tailReader';

/** Where a worker's lines come from; only files today (see docs/logs.md on the journal). */
export type LogSource = 'files';

export interface WorkerLogRead {
  /** Oldest first, merged across the worker's processes by time. */
  lines: LogLine[];
  /** The log file of each process, whether or not it had lines. */
  files: string[];
  source: LogSource;
  /** True when older lines exist than the first one returned. */
  more: boolean;
}

/** Where a follower continues in each process's current file after a read. */
export interface ReadPosition {
  instance: string;
  path: string;
  end: number;
  /** The file the offset is in (null: it did not exist), so a replacement is noticed. */
  fileId: string | null;
}

export interface ReadWorkerLogOptions {
  logDir: string;
  /** The worker's unit prefix (without `@instance.service`). */
  prefix: string;
  lines: number;
  /** Leave out unfinished last lines, for a follower that will read them whole. */
  completeOnly?: boolean;
}

const NOTHING: TailRead = {
  lines: [],
  start: 0,
  end: 0,
  fileId: null,
  reachedStart: true,
  budgetHit: false,
};

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function tailOrNothing(
  path: string,
  count: number,
  completeOnly: boolean,
): Promise<TailRead> {
  try {
    return await readLastLines(path, count, { completeOnly });
  } catch (error) {
    // A process that never started has no file yet; rotation may be replacing an old one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return NOTHING;
    throw error;
  }
}

/** One process's last `count` lines: its current file first, then older generations. */
async function readInstance(
  log: InstanceLog,
  count: number,
  completeOnly: boolean,
): Promise<{ lines: LogLine[]; end: number; fileId: string | null; more: boolean }> {
  const current = await tailOrNothing(log.path, count, completeOnly);
  let texts = current.lines;
  let more = !current.reachedStart;
  for (let generation = 1; generation <= LOG_GENERATIONS && !more; generation++) {
    if (texts.length >= count) {
      more = await exists(generationFile(log.path, generation));
      break;
    }
    const older = await tailOrNothing(
      generationFile(log.path, generation),
      count - texts.length,
      false,
    );
    texts = [...older.lines, ...texts];
    more = !older.reachedStart;
  }
  const lines = texts.map((text) => parseLogLine(text, log.instance));
  return { lines, end: current.end, fileId: current.fileId, more };
}

/** The last `lines` lines of a worker, from every process's log, oldest first. */
export async function readWorkerLog(
  options: ReadWorkerLogOptions,
): Promise<{ read: WorkerLogRead; positions: ReadPosition[] }> {
  const logs = await listInstanceLogs(options.logDir, options.prefix);
  const perInstance = await Promise.all(
    logs.map((log) => readInstance(log, options.lines, options.completeOnly ?? false)),
  );
  const merged = mergeByTime(perInstance.map((p) => p.lines));
  const lines = options.lines > 0 ? merged.slice(-options.lines) : [];
  return {
    read: {
      lines,
      files: logs.map((log) => log.path),
      source: 'files',
      more: merged.length > lines.length || perInstance.some((p) => p.more),
    },
    positions: logs.map((log, i) => ({
      instance: log.instance,
      path: log.path,
      end: perInstance[i]!.end,
      fileId: perInstance[i]!.fileId,
    })),
  };
}
