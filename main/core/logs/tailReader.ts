import { open, type FileHandle } from 'node:fs/promises';
import { LineSplitter } from './lineSplitter';
import { fileIdentity } from './logFiles';

const CHUNK_BYTES = 64 * 1024;
/** At most this much of a file is read for one request, however many lines were asked for. */
export const READ_BUDGET_BYTES = 32 * 1024 * 1024;

export interface TailRead {
  lines: string[];
  /** Byte offset where the returned lines begin. */
  start: number;
  /** Byte offset just after the last byte read: where a follower continues. */
  end: number;
  /** Which file was read (fileIdentity), so a follower can tell a replaced file from a grown one. */
  fileId: string | null;
  /** True when the file holds no earlier line than the first one returned. */
  reachedStart: boolean;
  /** True when the byte budget stopped the read before `count` lines were found. */
  budgetHit: boolean;
}

export interface TailOptions {
  /** Leave out a last line that has no newline yet (a follower will read it whole). */
  completeOnly?: boolean;
  budgetBytes?: number;
}

/** Offset just after the last newline at or before `end`, or 0 when there is none. */
async function lastNewlineEnd(handle: FileHandle, end: number, buffer: Buffer): Promise<number> {
  let position = end;
  while (position > 0) {
    const from = Math.max(0, position - buffer.length);
    const { bytesRead } = await handle.read(buffer, 0, position - from, from);
    const index = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (index !== -1) return from + index + 1;
    position = from;
  }
  return 0;
}

/**
 * Where the last `count` lines before `end` begin, scanning backwards chunk by chunk: a
 * 100 MB file costs a few chunk reads, never a full load.
 */
async function startOfLastLines(
  handle: FileHandle,
  end: number,
  count: number,
  budget: number,
  buffer: Buffer,
): Promise<{ start: number; reachedStart: boolean; budgetHit: boolean; midLine: boolean }> {
  // A newline as the very last byte ends the last line; it does not start another.
  let position = end;
  if (end > 0) {
    const { bytesRead } = await handle.read(buffer, 0, 1, end - 1);
    if (bytesRead === 1 && buffer[0] === 0x0a) position = end - 1;
  }
  let found = 0;
  let lowestNewline = -1;
  while (position > 0) {
    if (end - position >= budget) {
      if (lowestNewline !== -1) {
        return { start: lowestNewline + 1, reachedStart: false, budgetHit: true, midLine: false };
      }
      // One line longer than the whole budget: show its end, marked as cut.
      return { start: end - budget, reachedStart: false, budgetHit: true, midLine: true };
    }
    const from = Math.max(0, position - buffer.length, end - budget);
    const { bytesRead } = await handle.read(buffer, 0, position - from, from);
    for (let i = bytesRead - 1; i >= 0; i--) {
      if (buffer[i] !== 0x0a) continue;
      lowestNewline = from + i;
      if (++found === count) {
        return { start: lowestNewline + 1, reachedStart: false, budgetHit: false, midLine: false };
      }
    }
    position = from;
  }
  return { start: 0, reachedStart: true, budgetHit: false, midLine: false };
}

/** The last `count` lines of the file at `path`; reads backwards, so big files stay cheap. */
export async function readLastLines(
  path: string,
  count: number,
  { completeOnly = false, budgetBytes = READ_BUDGET_BYTES }: TailOptions = {},
): Promise<TailRead> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const info = await handle.stat();
    const { size } = info;
    const fileId = fileIdentity(info);
    const end = completeOnly ? await lastNewlineEnd(handle, size, buffer) : size;
    if (count <= 0 || end === 0) {
      return { lines: [], start: end, end, fileId, reachedStart: end === 0, budgetHit: false };
    }
    const found = await startOfLastLines(handle, end, count, budgetBytes, buffer);
    const splitter = new LineSplitter();
    if (found.midLine) splitter.startMidLine();
    const lines: string[] = [];
    for (let position = found.start; position < end;) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, end - position),
        position,
      );
      if (bytesRead === 0) break; // Truncated under us: what was read stays valid.
      for (const line of splitter.push(buffer.subarray(0, bytesRead))) lines.push(line);
      position += bytesRead;
    }
    const last = splitter.flush();
    if (last !== null) lines.push(last);
    return {
      lines: lines.slice(-count),
      start: found.start,
      end,
      fileId,
      reachedStart: found.reachedStart,
      budgetHit: found.budgetHit,
    };
  } finally {
    await handle.close();
  }
}
