import { watch, type FSWatcher } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { LineSplitter } from './lineSplitter';
import { fileIdentity, generationFile, listInstanceLogs } from './logFiles';
import { parseLogLine, SERVERMARK_TAG, type LogLine } from './logLine';
import { mergeByTime } from './mergeLines';
import type { ReadPosition } from './readWorkerLog';
import { rotateLogIfNeeded } from './rotateLog';

const CHUNK_BYTES = 256 * 1024;
/** A follower this far behind jumps ahead: a flood must not stall the window for minutes. */
export const MAX_CATCH_UP_BYTES = 8 * 1024 * 1024;

export interface FollowWorkerLogOptions {
  logDir: string;
  prefix: string;
  /** Where each file was read up to; files not listed (new processes) are read from the start. */
  positions: ReadPosition[];
  /** New lines, oldest first, at most one call per `batchMs`. */
  onLines(lines: LogLine[]): void;
  /** Rotate a followed file once it grows over this many bytes. */
  maxBytes?: number;
  batchMs?: number;
  /** Safety net for file-system events that never come (some file systems send none). */
  pollMs?: number;
}

export interface LogFollow {
  /** Reads what is new right now (normally driven by events and the poll timer). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

interface Cursor {
  instance: string;
  path: string;
  position: number;
  fileId: string | null;
  splitter: LineSplitter;
  checkedAt: number;
  lastProblem: string | null;
}

function notice(text: string): string {
  return `${SERVERMARK_TAG} ${new Date().toISOString().slice(0, 19)}Z ${text}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Reads bytes [from, to) of `path` through the cursor's splitter. */
async function readRange(cursor: Cursor, path: string, from: number, to: number, out: string[]) {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, to - from)));
    let position = from;
    while (position < to) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, to - position),
        position,
      );
      if (bytesRead === 0) break;
      for (const line of cursor.splitter.push(buffer.subarray(0, bytesRead))) out.push(line);
      position += bytesRead;
    }
    return position;
  } finally {
    await handle.close();
  }
}

// After a copy-truncate rotation the bytes we had not read yet sit at the same offsets in `.1`.
async function recoverFromRotation(cursor: Cursor, out: string[]): Promise<void> {
  const older = generationFile(cursor.path, 1);
  const info = await stat(older).catch(() => null);
  // Only a copy made since we last looked can hold our missing bytes.
  if (!info || info.size < cursor.position || info.mtimeMs < cursor.checkedAt - 1000) return;
  await readRange(cursor, older, cursor.position, info.size, out);
}

function restart(cursor: Cursor, out: string[]): void {
  const partial = cursor.splitter.flush();
  if (partial !== null) out.push(partial);
  cursor.position = 0;
}

async function readNew(cursor: Cursor, maxBytes: number | undefined): Promise<string[]> {
  const out: string[] = [];
  let info;
  try {
    info = await stat(cursor.path);
  } catch (error) {
    if (!isMissing(error)) throw error;
    // Gone (removed, or mid-replacement): start over when a file is back under that name.
    if (cursor.fileId !== null) restart(cursor, out);
    cursor.fileId = null;
    return out;
  }
  const fileId = fileIdentity(info);
  if (cursor.fileId !== null && fileId !== cursor.fileId) {
    restart(cursor, out); // Replaced by a new file: read the new one from its start.
  } else if (info.size < cursor.position) {
    await recoverFromRotation(cursor, out);
    restart(cursor, out);
  }
  cursor.fileId = fileId;
  let from = cursor.position;
  if (info.size - from > MAX_CATCH_UP_BYTES) {
    const skipped = info.size - MAX_CATCH_UP_BYTES - from;
    out.push(notice(`skipped ${skipped} bytes of output written faster than it could be shown`));
    cursor.splitter.reset();
    cursor.splitter.startMidLine();
    from = info.size - MAX_CATCH_UP_BYTES;
  }
  cursor.position = await readRange(cursor, cursor.path, from, info.size, out);
  cursor.checkedAt = Date.now();
  // Following is one of the moments we keep files under the cap; the next read sees the cut.
  if (maxBytes !== undefined && cursor.position > maxBytes) {
    await rotateLogIfNeeded(cursor.path, maxBytes);
  }
  return out;
}

/**
 * Follows every process log of one worker, like `tail -F` over several files: new lines are
 * batched, a truncated or replaced file is read again from its start, and a process that
 * appears later (more processes) is picked up.
 */
export async function followWorkerLog(options: FollowWorkerLogOptions): Promise<LogFollow> {
  const { logDir, prefix, onLines, maxBytes, batchMs = 100, pollMs = 1000 } = options;
  await mkdir(logDir, { recursive: true });
  const cursors = new Map<string, Cursor>();
  const newCursor = (instance: string, path: string, position = 0, fileId: string | null = null) =>
    cursors.set(path, {
      instance,
      path,
      position,
      fileId,
      splitter: new LineSplitter(),
      checkedAt: Date.now(),
      lastProblem: null,
    });
  for (const p of options.positions) newCursor(p.instance, p.path, p.end, p.fileId);

  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;

  let listProblem: string | null = null;

  async function checkOnce(): Promise<void> {
    const batches: LogLine[][] = [];
    try {
      for (const log of await listInstanceLogs(logDir, prefix)) {
        if (!cursors.has(log.path)) newCursor(log.instance, log.path);
      }
      listProblem = null;
    } catch (error) {
      const problem = `cannot list ${logDir}: ${(error as Error).message}`;
      if (problem !== listProblem) batches.push([parseLogLine(notice(problem), '')]);
      listProblem = problem;
    }
    for (const cursor of cursors.values()) {
      let texts: string[];
      try {
        texts = await readNew(cursor, maxBytes);
        cursor.lastProblem = null;
      } catch (error) {
        // Said once in the stream, not once per poll; reading resumes when the cause goes.
        const problem = `cannot read ${cursor.path}: ${(error as Error).message}`;
        texts = problem === cursor.lastProblem ? [] : [notice(problem)];
        cursor.lastProblem = problem;
      }
      batches.push(texts.map((text) => parseLogLine(text, cursor.instance)));
    }
    const lines = mergeByTime(batches);
    if (lines.length > 0 && !stopped) onLines(lines);
  }

  function check(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await checkOnce();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  // Many appends in a burst become one read and one batch per `batchMs`.
  function schedule(): void {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      // check() reports read problems as lines; anything else is a bug worth seeing.
      void check().catch((error: unknown) => {
        if (!stopped) onLines([parseLogLine(notice(`stopped following: ${String(error)}`), '')]);
      });
    }, batchMs);
  }

  function startWatching(): void {
    if (watcher || stopped) return;
    try {
      watcher = watch(logDir, { persistent: false }, (_event, name) => {
        if (!name || name.startsWith(`${prefix}@`)) schedule();
      });
      watcher.on('error', () => {
        // The directory went away: the poll below keeps going and watches again later.
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null; // No inotify watches left: polling alone still follows, just slower.
    }
  }

  startWatching();
  const poll = setInterval(() => {
    startWatching();
    schedule();
  }, pollMs);

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      watcher?.close();
      await running?.catch(() => undefined);
    },
  };
}
