import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES } from './lineSplitter';
import { readLastLines } from './tailReader';

let dir: string;
let n = 0;

async function file(content: string | Buffer): Promise<string> {
  const path = join(dir, `f${n++}.log`);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servermark-tail-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readLastLines', () => {
  it('returns the last lines of a newline-terminated file, and where they start and end', async () => {
    const path = await file('one\ntwo\nthree\n');
    expect(await readLastLines(path, 2)).toMatchObject({
      lines: ['two', 'three'],
      start: 4,
      end: 14,
      reachedStart: false,
    });
    expect(await readLastLines(path, 3)).toMatchObject({
      lines: ['one', 'two', 'three'],
      start: 0,
      reachedStart: true,
    });
    expect(await readLastLines(path, 50)).toMatchObject({ lines: ['one', 'two', 'three'] });
  });

  it('keeps a last line without a newline, unless asked for complete lines only', async () => {
    const path = await file('one\ntwo\npart');
    expect((await readLastLines(path, 2)).lines).toEqual(['two', 'part']);
    expect(await readLastLines(path, 2, { completeOnly: true })).toMatchObject({
      lines: ['one', 'two'],
      end: 8,
    });
    const noNewlineAtAll = await file('only a partial line');
    expect((await readLastLines(noNewlineAtAll, 5)).lines).toEqual(['only a partial line']);
    expect(await readLastLines(noNewlineAtAll, 5, { completeOnly: true })).toMatchObject({
      lines: [],
      end: 0,
    });
  });

  it('reads an empty file and a request for no lines as nothing', async () => {
    expect(await readLastLines(await file(''), 10)).toMatchObject({
      lines: [],
      end: 0,
      reachedStart: true,
    });
    expect(await readLastLines(await file('a\nb\n'), 0)).toMatchObject({ lines: [], end: 4 });
  });

  it('keeps empty lines and strips the CR of CRLF endings', async () => {
    const path = await file('a\r\n\r\n\nb\r\nc\r');
    expect((await readLastLines(path, 10)).lines).toEqual(['a', '', '', 'b', 'c']);
    expect((await readLastLines(path, 2)).lines).toEqual(['b', 'c']);
  });

  it('turns invalid UTF-8 into U+FFFD without losing the lines around it', async () => {
    const path = await file(
      Buffer.concat([
        Buffer.from('good\n'),
        Buffer.from([0xff, 0xfe, 0x41, 0xc3]),
        Buffer.from('\nünï\n'),
      ]),
    );
    expect((await readLastLines(path, 3)).lines).toEqual(['good', '\ufffd\ufffdA\ufffd', 'ünï']);
  });

  it('cuts a huge single line to a bounded size, at a character boundary', async () => {
    const huge = 'é'.repeat(600_000); // 1.2 MB on one line, two bytes per character
    const path = await file(`before\n${huge}\nafter\n`);
    const { lines } = await readLastLines(path, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('after');
    expect(lines[0]!.startsWith('éé')).toBe(true);
    expect(lines[0]).toMatch(/… \[line cut: 1200000 bytes\]$/);
    expect(Buffer.byteLength(lines[0]!)).toBeLessThanOrEqual(MAX_LINE_BYTES + 64);
    expect(lines[0]).not.toContain('\ufffd');
  });

  it('stops at its byte budget and says so, showing the end of an endless line', async () => {
    const path = await file(`${'x'.repeat(5000)}\n${'y'.repeat(5000)}`);
    const read = await readLastLines(path, 3, { budgetBytes: 1000 });
    expect(read).toMatchObject({ reachedStart: false, budgetHit: true });
    expect(read.lines).toEqual([`…${'y'.repeat(1000)}`]);
    const lines = await readLastLines(await file('a\nb\nc\nd\n'), 10, { budgetBytes: 5 });
    expect(lines).toMatchObject({ lines: ['c', 'd'], budgetHit: true });
  });

  it('reads the last lines of a 100 000-line file exactly', async () => {
    const path = join(dir, 'big.log');
    const all = Array.from({ length: 100_000 }, (_, i) => `[2026-12-04 20:07:00][${i}] line ${i}`);
    await writeFile(path, `${all.join('\n')}\n`);
    expect((await readLastLines(path, 5)).lines).toEqual(all.slice(-5));
    const many = await readLastLines(path, 100_000);
    expect(many.lines).toEqual(all);
    expect(many.reachedStart).toBe(true);
    await appendFile(path, 'half');
    expect((await readLastLines(path, 1, { completeOnly: true })).lines).toEqual(all.slice(-1));
  });

  it('agrees with split() for any content and any count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'é', '\n', '\r\n', 'xyz'), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        async (pieces, count) => {
          const content = pieces.join('');
          const expected = content.split('\n').map((line) => line.replace(/\r$/, ''));
          if (content.endsWith('\n') || content === '') expected.pop();
          const read = await readLastLines(await file(content), count);
          expect(read.lines).toEqual(expected.slice(-count));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('LineSplitter', () => {
  it('joins a line split across chunks, even inside a multibyte character', () => {
    const splitter = new LineSplitter();
    const bytes = Buffer.from('héllo\nwörld\n');
    const lines = [...bytes].flatMap((byte) => splitter.push(Buffer.from([byte])));
    expect(lines).toEqual(['héllo', 'wörld']);
    expect(splitter.flush()).toBeNull();
  });

  it('holds an unfinished line until its newline, and gives it up on flush', () => {
    const splitter = new LineSplitter();
    expect(splitter.push(Buffer.from('abc'))).toEqual([]);
    expect(splitter.pendingBytes).toBe(3);
    expect(splitter.push(Buffer.from('def\nxy'))).toEqual(['abcdef']);
    expect(splitter.flush()).toBe('xy');
    expect(splitter.flush()).toBeNull();
  });

  it('keeps memory bounded for a line fed in many chunks', () => {
    const splitter = new LineSplitter(10);
    for (let i = 0; i < 1000; i++) splitter.push(Buffer.from('0123456789'));
    const [line] = splitter.push(Buffer.from('\n'));
    expect(line).toBe('0123456789… [line cut: 10000 bytes]');
  });
});
