import { open, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateLogIfNeeded, rotateLogsIfNeeded } from './rotateLog';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servermark-rotate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (i: number) => `[2026-12-04 20:07:00][${i}] Processed:  App\\Jobs\\Job${i}\n`;

describe('rotateLogIfNeeded', () => {
  it('leaves a file at or under the cap alone', async () => {
    const path = join(dir, 'w@1.log');
    await writeFile(path, 'x'.repeat(100));
    expect(await rotateLogIfNeeded(path, 100)).toBe(false);
    expect(await rotateLogIfNeeded(join(dir, 'missing.log'), 100)).toBe(false);
    expect(await readdir(dir)).toEqual(['w@1.log']);
  });

  it('copies an oversized file to .1 and empties it in place, for a writer that keeps it open', async () => {
    const path = join(dir, 'w@1.log');
    // Like systemd's StandardOutput=append: one O_APPEND descriptor for the life of the process.
    const writer = await open(path, 'a');
    try {
      let i = 0;
      while ((await stat(path)).size <= 4096) await writer.write(line(i++));
      const before = await readFile(path, 'utf8');
      const inode = (await stat(path)).ino;

      expect(await rotateLogIfNeeded(path, 4096)).toBe(true);
      expect(await readFile(`${path}.1`, 'utf8')).toBe(before);
      expect((await stat(path)).size).toBe(0);
      expect((await stat(path)).ino).toBe(inode);

      // The writer goes on at the new end, not at its old offset (no hole of NULs).
      await writer.write(line(i));
      expect(await readFile(path, 'utf8')).toBe(line(i));
    } finally {
      await writer.close();
    }
  });

  it('keeps one old generation: the next rotation replaces it', async () => {
    const path = join(dir, 'w@1.log');
    await writeFile(path, 'first\n'.repeat(100));
    await rotateLogIfNeeded(path, 64);
    await writeFile(path, 'second\n'.repeat(100));
    await rotateLogIfNeeded(path, 64);
    expect(await readFile(`${path}.1`, 'utf8')).toBe('second\n'.repeat(100));
    expect((await readdir(dir)).sort()).toEqual(['w@1.log', 'w@1.log.1']);
  });

  it('removes a half-made copy that a killed rotation left behind', async () => {
    const path = join(dir, 'w@1.log');
    await writeFile(join(dir, '.0123456789ab.rotating'), 'half a copy');
    await writeFile(path, 'x'.repeat(200));
    expect(await rotateLogIfNeeded(path, 100)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['w@1.log', 'w@1.log.1']);
  });

  it('stays under cap + one write while a writer keeps writing and rotation runs now and then', async () => {
    const path = join(dir, 'w@1.log');
    const cap = 64 * 1024;
    const writer = await open(path, 'a');
    let largest = 0;
    try {
      for (let i = 0; i < 5000; i++) {
        await writer.write(line(i));
        if (i % 50 === 0) await rotateLogIfNeeded(path, cap);
        largest = Math.max(largest, (await stat(path)).size);
      }
    } finally {
      await writer.close();
    }
    // 50 lines between checks is the "one write" of slack here.
    expect(largest).toBeLessThanOrEqual(cap + 50 * line(9999).length);
    const older = (await readFile(`${path}.1`, 'utf8')).trimEnd().split('\n');
    const current = (await readFile(path, 'utf8')).trimEnd().split('\n');
    // Nothing lost or repeated across the cut: .1 ends where the current file begins.
    const numbers = [...older, ...current].map((l) => Number(/\]\[(\d+)\]/.exec(l)![1]));
    expect(numbers).toEqual(numbers.map((_, k) => numbers[0]! + k));
    expect(numbers.at(-1)).toBe(4999);
  });
});

describe('rotateLogsIfNeeded', () => {
  it('rotates only the chosen .log files over the cap, and says which', async () => {
    await writeFile(join(dir, 'servermark-queue-a_k3j9x2ab_default@1.log'), 'x'.repeat(200));
    await writeFile(join(dir, 'servermark-queue-a_k3j9x2ab_default@2.log'), 'x'.repeat(10));
    await writeFile(join(dir, 'servermark-queue-b_zzzzzzzz_default@1.log'), 'x'.repeat(200));
    await writeFile(join(dir, 'notes.txt'), 'x'.repeat(200));
    const rotated = await rotateLogsIfNeeded(dir, 100, (name) => name.includes('_k3j9x2ab_'));
    expect(rotated).toEqual([join(dir, 'servermark-queue-a_k3j9x2ab_default@1.log')]);
    expect((await readdir(dir)).sort()).toEqual([
      'notes.txt',
      'servermark-queue-a_k3j9x2ab_default@1.log',
      'servermark-queue-a_k3j9x2ab_default@1.log.1',
      'servermark-queue-a_k3j9x2ab_default@2.log',
      'servermark-queue-b_zzzzzzzz_default@1.log',
    ]);
    expect(await rotateLogsIfNeeded(join(dir, 'missing'), 100)).toEqual([]);
  });
});
