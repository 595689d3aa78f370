import { chmod, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPhpBinary } from './knownPhpBinaries';

// A stand-in "PHP" that counts how often it is run, so the test sees when the check runs it.
describe('checkPhpBinary', () => {
  let dir: string;
  let php: string;
  let runs: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servermark-php-'));
    php = join(dir, 'php');
    runs = join(dir, 'runs');
    await writeFile(php, `#!/bin/sh\necho run >> '${runs}'\nprintf 8.2.7\n`);
    await chmod(php, 0o755);
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  const runCount = async () =>
    (await readFile(runs, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

  it('runs a binary once, then trusts it while the file is unchanged', async () => {
    expect(await checkPhpBinary(php)).toEqual({ path: php, version: '8.2.7' });
    expect(await checkPhpBinary(php)).toEqual({ path: php, version: '8.2.7' });
    expect(await runCount()).toBe(1);
  });

  it('runs it again once the file changed', async () => {
    await writeFile(php, `#!/bin/sh\necho run >> '${runs}'\nprintf 8.3.1\n`);
    await utimes(php, new Date(), new Date(Date.now() + 5_000));
    expect((await checkPhpBinary(php)).version).toBe('8.3.1');
    expect(await runCount()).toBe(2);
  });

  it('refuses a binary that is no longer executable, with the usual message', async () => {
    await chmod(php, 0o644);
    await expect(checkPhpBinary(php)).rejects.toThrow(/not executable/);
    await chmod(php, 0o755);
  });
});
