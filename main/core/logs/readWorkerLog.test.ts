import { mkdtemp, rm, truncate, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInstanceLogs } from './logFiles';
import type { LogLine } from './logLine';
import { mergeByTime } from './mergeLines';
import { readWorkerLog } from './readWorkerLog';

const PREFIX = 'servermark-queue-shop_k3j9x2ab_default';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servermark-readlog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (instance: string, suffix = '') => join(dir, `${PREFIX}@${instance}.log${suffix}`);
const job = (time: string, id: number, status = 'Processed') =>
  `[2026-12-04 ${time}][${id}] ${status}: App\\Jobs\\Job`;

describe('listInstanceLogs', () => {
  it('finds every process of exactly this worker, in instance order', async () => {
    for (const name of [
      `${PREFIX}@10.log`,
      `${PREFIX}@2.log`,
      `${PREFIX}@3.log.1`,
      `${PREFIX}-2@1.log`, // another worker whose name starts alike
      `servermark-queue-shop_k3j9x2ab_emails@1.log`,
      `${PREFIX}@1.log.tmp`,
      '.rotate.lock',
    ]) {
      await writeFile(join(dir, name), '');
    }
    expect((await listInstanceLogs(dir, PREFIX)).map((l) => l.instance)).toEqual(['2', '3', '10']);
    expect(await listInstanceLogs(join(dir, 'none'), PREFIX)).toEqual([]);
  });
});

describe('mergeByTime', () => {
  const at = (text: string, time?: string): LogLine => ({
    text,
    instance: '1',
    kind: 'other',
    ...(time ? { at: time } : {}),
  });

  it('interleaves by time and keeps untimed lines after the line they follow', () => {
    const one = [at('a1', '2026-12-04T20:00:01'), at('a-trace'), at('a3', '2026-12-04T20:00:03')];
    const two = [at('b0', '2026-12-04T20:00:00Z'), at('b2', '2026-12-04T20:00:02')];
    expect(mergeByTime([one, two]).map((l) => l.text)).toEqual(['b0', 'a1', 'a-trace', 'b2', 'a3']);
  });

  it('never reorders one list, even when its times go backwards', () => {
    const one = [at('x', '2026-12-04T20:00:05'), at('y', '2026-12-04T20:00:01')];
    expect(mergeByTime([one, []]).map((l) => l.text)).toEqual(['x', 'y']);
    const merged = mergeByTime([one, [at('z', '2026-12-04T20:00:03')]]).map((l) => l.text);
    expect(merged.indexOf('x')).toBeLessThan(merged.indexOf('y'));
  });
});

describe('readWorkerLog', () => {
  it('merges the processes by time and tags each line with its process', async () => {
    await writeFile(file('1'), `${job('20:00:01', 1)}\n${job('20:00:03', 3)}\n`);
    await writeFile(file('2'), `${job('20:00:02', 2)}\nno time here\n${job('20:00:04', 4)}\n`);
    const { read, positions } = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 100 });
    expect(read.lines.map((l) => `${l.instance}: ${l.text}`)).toEqual([
      `1: ${job('20:00:01', 1)}`,
      `2: ${job('20:00:02', 2)}`,
      '2: no time here',
      `1: ${job('20:00:03', 3)}`,
      `2: ${job('20:00:04', 4)}`,
    ]);
    expect(read.files).toEqual([file('1'), file('2')]);
    expect(read.source).toBe('files');
    expect(read.more).toBe(false);
    expect(positions.map((p) => p.end)).toEqual([
      Buffer.byteLength(`${job('20:00:01', 1)}\n${job('20:00:03', 3)}\n`),
      Buffer.byteLength(`${job('20:00:02', 2)}\nno time here\n${job('20:00:04', 4)}\n`),
    ]);

    const last = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 2 });
    expect(last.read.lines.map((l) => l.text)).toEqual([job('20:00:03', 3), job('20:00:04', 4)]);
    expect(last.read.more).toBe(true);
  });

  it('reaches into the rotated generation when the current file has too few lines', async () => {
    await writeFile(file('1', '.1'), `${job('20:00:01', 1)}\n${job('20:00:02', 2)}\n`);
    await writeFile(file('1'), `${job('20:00:03', 3)}\n`);
    const three = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 3 });
    expect(three.read.lines.map((l) => l.text)).toEqual([
      job('20:00:01', 1),
      job('20:00:02', 2),
      job('20:00:03', 3),
    ]);
    expect(three.read.more).toBe(false);
    const two = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 2 });
    expect(two.read.lines.map((l) => l.text)).toEqual([job('20:00:02', 2), job('20:00:03', 3)]);
    expect(two.read.more).toBe(true);
    const one = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 1 });
    expect(one.read.more).toBe(true); // The .1 file still holds older lines.
  });

  it('reads a worker that never ran as empty', async () => {
    expect((await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 10 })).read).toEqual({
      lines: [],
      files: [],
      source: 'files',
      more: false,
    });
  });

  it('reads the last lines of a 100 MB file with a bounded read', async () => {
    // A sparse 100 MB file of NULs (no newline), then three real lines: only the tail is read.
    await writeFile(file('1'), '');
    await truncate(file('1'), 100 * 1024 * 1024);
    await appendFile(file('1'), `\n${job('20:00:01', 1)}\n${job('20:00:02', 2)}\nlast\n`);
    const few = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 3 });
    expect(few.read.lines.map((l) => l.text)).toEqual([
      job('20:00:01', 1),
      job('20:00:02', 2),
      'last',
    ]);
    // Asking for more lines than exist stops at the read budget (32 MiB), not at 100 MB.
    const heapBefore = process.memoryUsage().heapUsed;
    const many = await readWorkerLog({ logDir: dir, prefix: PREFIX, lines: 100_000 });
    expect(many.read.more).toBe(true);
    expect(many.read.lines.map((l) => l.text)).toEqual([
      job('20:00:01', 1),
      job('20:00:02', 2),
      'last',
    ]);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
