import { appendFile, mkdir, mkdtemp, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../testing/waitFor';
import { followWorkerLog, type LogFollow } from './followWorkerLog';
import type { LogLine } from './logLine';
import { readWorkerLog } from './readWorkerLog';
import { rotateLogIfNeeded } from './rotateLog';

const PREFIX = 'servermark-queue-shop_k3j9x2ab_default';
let dir: string;
let follow: LogFollow | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servermark-follow-'));
});
afterEach(async () => {
  await follow?.stop();
  follow = undefined;
  await rm(dir, { recursive: true, force: true });
});

const file = (instance: string) => join(dir, `${PREFIX}@${instance}.log`);

/** Starts following where a read of `lines` lines ends, as the core does; collects every batch. */
async function startFollowing(options: { maxBytes?: number; lines?: number } = {}) {
  const { read, positions } = await readWorkerLog({
    logDir: dir,
    prefix: PREFIX,
    lines: options.lines ?? 0,
    completeOnly: true,
  });
  const batches: LogLine[][] = [];
  follow = await followWorkerLog({
    logDir: dir,
    prefix: PREFIX,
    positions,
    onLines: (lines) => batches.push(lines),
    maxBytes: options.maxBytes,
    batchMs: 20,
    pollMs: 200,
  });
  const texts = () => batches.flat().map((l) => l.text);
  return { read, batches, texts };
}

describe('followWorkerLog', () => {
  it('yields only lines appended after it began, as they are written', async () => {
    await writeFile(file('1'), 'old 1\nold 2\n');
    const { read, texts } = await startFollowing({ lines: 1 });
    expect(read.lines.map((l) => l.text)).toEqual(['old 2']);
    await appendFile(file('1'), '[2026-12-04 20:07:00][1] Processing: App\\Jobs\\X\n');
    const [line] = await waitFor('the new line', () => (texts().length ? texts() : null));
    expect(line).toBe('[2026-12-04 20:07:00][1] Processing: App\\Jobs\\X');
  });

  it('waits for the end of a half-written line, even one unfinished when following began', async () => {
    await writeFile(file('1'), 'done\nhalf ');
    const { read, texts } = await startFollowing({ lines: 10 });
    expect(read.lines.map((l) => l.text)).toEqual(['done']);
    await follow!.check();
    expect(texts()).toEqual([]);
    await appendFile(file('1'), 'and the rest\nnext');
    await follow!.check();
    expect(texts()).toEqual(['half and the rest']);
  });

  it('picks up a process that starts later, from its first line', async () => {
    await writeFile(file('1'), 'one\n');
    const { batches, texts } = await startFollowing();
    await writeFile(file('2'), 'first of two\n');
    await waitFor('the second process', () => texts().includes('first of two'));
    expect(batches.flat().find((l) => l.text === 'first of two')?.instance).toBe('2');
  });

  it('reads a replaced file from its start', async () => {
    await writeFile(file('1'), 'old\n');
    const { texts } = await startFollowing();
    await writeFile(join(dir, 'new'), 'new 1\nnew 2\n');
    await rename(join(dir, 'new'), file('1'));
    await follow!.check();
    expect(texts()).toEqual(['new 1', 'new 2']);
  });

  it('keeps going across copy-truncate rotations without losing or repeating a line', async () => {
    const writer = await open(file('1'), 'a');
    try {
      // Here another process (the app's timer) rotates, between the follower's reads.
      const { texts } = await startFollowing();
      const total = 6000;
      for (let i = 1; i <= total; i++) {
        await writer.write(`[2026-12-04 20:07:00][${i}] Processed:  App\\Jobs\\FixtureJob\n`);
        if (i % 1500 === 0) expect(await rotateLogIfNeeded(file('1'), 64 * 1024)).toBe(true);
        if (i % 1000 === 0) await follow!.check();
      }
      await follow!.check();
      const numbers = texts().map((t) => Number(/\]\[(\d+)\]/.exec(t)?.[1]));
      expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    } finally {
      await writer.close();
    }
  });

  it('rotates a followed file itself once it is over the cap, and reads on', async () => {
    const writer = await open(file('1'), 'a');
    try {
      const { texts } = await startFollowing({ maxBytes: 64 * 1024 });
      for (let i = 1; i <= 3000; i++) {
        await writer.write(`line ${i} ${'x'.repeat(60)}\n`);
        if (i % 400 === 0) await follow!.check();
      }
      await follow!.check();
      expect(texts()).toHaveLength(3000);
      expect(texts().at(-1)).toMatch(/^line 3000 /);
      expect((await stat(file('1'))).size).toBeLessThan(64 * 1024 + 400 * 80);
      expect((await stat(`${file('1')}.1`)).size).toBeGreaterThan(64 * 1024);
    } finally {
      await writer.close();
    }
  });

  it('says once, in the stream, that a file cannot be read, then carries on', async () => {
    await writeFile(file('1'), 'a\n');
    const { texts } = await startFollowing();
    await rm(file('1'));
    // A directory where the file should be: reading fails until it is a file again.
    await mkdir(file('1'));
    await follow!.check();
    await follow!.check();
    expect(texts().filter((t) => t.includes('cannot read'))).toHaveLength(1);
    expect(texts()[0]).toMatch(/^\[ServerMark\] \S+Z cannot read .*@1\.log: /);
    await rm(file('1'), { recursive: true });
    await writeFile(file('1'), 'back\n');
    await follow!.check();
    expect(texts().at(-1)).toBe('back');
  });

  it('calls nothing after stop()', async () => {
    await writeFile(file('1'), '');
    const { batches } = await startFollowing();
    await follow!.stop();
    await appendFile(file('1'), 'late\n');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([]);
  });
});
