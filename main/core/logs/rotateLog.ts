import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { copyFile, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { withFileLock } from '../fs/fileLock';
import { generationFile, LOG_GENERATIONS } from './logFiles';

// systemd opened the log with O_APPEND and keeps it open for the life of the process: a
// renamed file would go on growing under its new name. So we rotate by copy + truncate, like
// logrotate's copytruncate: the writer's next append lands at the new end, offset 0.

const CATCH_UP_ROUNDS = 8;
const COPY_CHUNK = 1024 * 1024;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Appends bytes [from, to) of `source` to `target`. */
async function appendRange(source: string, target: string, from: number, to: number) {
  const input = await open(source, 'r');
  const output = await open(target, 'a');
  try {
    const buffer = Buffer.allocUnsafe(COPY_CHUNK);
    for (let position = from; position < to;) {
      const { bytesRead } = await input.read(
        buffer,
        0,
        Math.min(buffer.length, to - position),
        position,
      );
      if (bytesRead === 0) break;
      await output.write(buffer, 0, bytesRead);
      position += bytesRead;
    }
  } finally {
    await input.close();
    await output.close();
  }
}

/** Copies what was appended to `source` since `copy` was made; false if `source` shrank. */
async function catchUp(source: string, copy: string): Promise<boolean> {
  for (let round = 0; round < CATCH_UP_ROUNDS; round++) {
    const [now, copied] = [await sizeOf(source), (await sizeOf(copy)) ?? 0];
    if (now === null || now < copied) return false;
    if (now === copied) return true;
    await appendRange(source, copy, copied, now);
  }
  return true;
}

/**
 * Copies the last appended bytes and truncates with no await in between: nothing else in this
 * process can write meanwhile, and another process's line is lost only if it lands in the
 * microseconds between the final fstat and ftruncate (logrotate's copytruncate has the same
 * window; a rename would instead lose everything the process writes afterwards).
 */
function finishSynchronously(source: string, copy: string): void {
  const input = openSync(source, 'r+');
  const output = openSync(copy, 'a');
  try {
    const buffer = Buffer.allocUnsafe(COPY_CHUNK);
    let copied = fstatSync(output).size;
    for (let round = 0; round < CATCH_UP_ROUNDS * 4; round++) {
      const now = fstatSync(input).size;
      if (now < copied) return; // Someone else emptied it meanwhile: nothing left to cut.
      if (now === copied) {
        ftruncateSync(input, 0);
        return;
      }
      const length = Math.min(buffer.length, now - copied);
      const read = readSync(input, buffer, 0, length, copied);
      writeSync(output, buffer, 0, read);
      copied += read;
    }
    // A writer faster than we can copy: cut anyway, the cap matters more than those lines.
    ftruncateSync(input, 0);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

// Every rotation holds the lock, so under it a copy in progress is one a killed process left.
async function removeAbandonedCopies(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^\.[0-9a-f]{12}\.rotating$/.test(name)) await rm(join(dir, name), { force: true });
  }
}

async function rotateLocked(path: string, maxBytes: number): Promise<boolean> {
  const size = await sizeOf(path);
  if (size === null || size <= maxBytes) return false; // Another process rotated it first.
  await removeAbandonedCopies(dirname(path));
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.rotating`);
  try {
    await copyFile(path, temp);
    if (!(await catchUp(path, temp))) return false;
    for (let generation = LOG_GENERATIONS; generation > 1; generation--) {
      await rename(generationFile(path, generation - 1), generationFile(path, generation)).catch(
        (error: unknown) => {
          if (!isMissing(error)) throw error;
        },
      );
    }
    // The copy is in place before the truncation, so a follower that sees the file shrink
    // finds the lines it had not read yet at the same offsets in `.1`.
    await rename(temp, generationFile(path, 1));
    finishSynchronously(path, generationFile(path, 1));
    return true;
  } finally {
    await rm(temp, { force: true });
  }
}

/** Rotates `path` when it is over `maxBytes`; true when it did. */
export async function rotateLogIfNeeded(path: string, maxBytes: number): Promise<boolean> {
  const size = await sizeOf(path);
  if (size === null || size <= maxBytes) return false;
  // One rotation at a time across processes (the app's timer, a CLI `logs` call).
  return withFileLock(join(dirname(path), '.rotate.lock'), () => rotateLocked(path, maxBytes));
}

/**
 * Rotates every worker log in `logDir` (or those `wanted` picks) that is over `maxBytes`.
 * Cheap when nothing is due: one readdir and one stat per file.
 */
export async function rotateLogsIfNeeded(
  logDir: string,
  maxBytes: number,
  wanted: (fileName: string) => boolean = () => true,
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(logDir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const rotated: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.log') || name.startsWith('.') || !wanted(name)) continue;
    const path = join(logDir, name);
    if (await rotateLogIfNeeded(path, maxBytes)) rotated.push(path);
  }
  return rotated;
}
