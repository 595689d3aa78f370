import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicWrite';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm atomic "q" %h '));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates parent directories, writes exact UTF-8 and leaves no temp file', async () => {
    const file = join(dir, 'a', 'b', 'unit@.service');
    const text = 'Ünïcødé 😀\n$HOME %h "q"\r\n\u0000end';
    await writeFileAtomic(file, text);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['unit@.service']);
  });

  it('replaces an existing file and applies the mode to new files', async () => {
    const file = join(dir, 'secret.json');
    await writeFile(file, 'old old old old');
    await writeFileAtomic(file, 'new', 0o600);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('never shows a reader a half-written file', async () => {
    const file = join(dir, 'data');
    const big = (c: string) => c.repeat(1 << 20);
    await writeFileAtomic(file, big('a'));
    const writes = ['b', 'c', 'd', 'e'].map((c) => writeFileAtomic(file, big(c)));
    const reads: string[] = [];
    for (let i = 0; i < 20; i++) reads.push(await readFile(file, 'utf8'));
    await Promise.all(writes);
    for (const content of reads) {
      expect(content).toHaveLength(1 << 20);
      expect(new Set(content).size).toBe(1);
    }
    expect(await readdir(dir)).toEqual(['data']);
  });

  it('cleans up its temp file when the rename fails', async () => {
    const target = join(dir, 'is-a-dir');
    await writeFile(join(dir, 'keep'), 'x');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['is-a-dir', 'keep']);
  });
});
