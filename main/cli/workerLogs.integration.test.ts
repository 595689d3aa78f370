// `servermark worker logs` as users run it: the real binary, a real user manager, a real worker.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerMark, type ServerMark } from '../core/serverMark';
import { HOSTILE_DIR_NAME } from '../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';

const BIN = fileURLToPath(new URL('./bin/servermark.mjs', import.meta.url));

describe('servermark worker logs against a real worker', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let core: ServerMark;
  let siteId: string;

  const cli = (...args: string[]) =>
    execa(process.execPath, [BIN, ...args], {
      env: manager.env,
      reject: false,
      stdin: 'ignore',
      timeout: 60_000,
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-cli-logs-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, HOSTILE_DIR_NAME)),
    ]);
    core = createServerMark({ env: manager.env });
    siteId = (await core.addSite({ directory: app.path })).id;
    await core.startWorkers(siteId);
    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);
  });

  afterAll(async () => {
    if (siteId) await core.removeSite(siteId).catch(() => undefined);
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('prints the newest lines, as text and as one JSON object per line', async () => {
    const text = await waitFor('a Processed line in the log', async () => {
      const result = await cli('worker', 'logs', HOSTILE_DIR_NAME, '-n', '20');
      return /\] Processed: +App\\Jobs\\FixtureJob$/m.test(result.stdout) ? result : null;
    });
    expect(text).toMatchObject({ exitCode: 0, stderr: '' });
    expect(text.stdout).toMatch(/^\[ServerMark\] \S+Z process 1 starting: /m);

    const json = await cli('worker', 'logs', siteId, '-n', '3', '--json');
    expect(json).toMatchObject({ exitCode: 0, stderr: '' });
    const lines = json.stdout.split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ text: expect.any(String), instance: '1' });
      expect(['processing', 'processed', 'failed', 'servermark', 'other']).toContain(line.kind);
    }
  });

  it('-f prints a new line after a dispatch, and exits 0 on SIGINT', async () => {
    const child = execa(process.execPath, [BIN, 'worker', 'logs', siteId, '-f', '-n', '1'], {
      env: manager.env,
      reject: false,
      stdin: 'ignore',
      timeout: 60_000,
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    try {
      // The newest line is printed once following has begun.
      await waitFor('logs -f to print the newest line', () => out.split('\n').length > 1, {
        timeoutMs: 30_000,
      });
      const before = out;
      const job = await app.dispatch();
      await app.waitForProcessed(job, 30_000);
      await waitFor(
        'logs -f to print the new Processed line',
        () => /\] Processed: +App\\Jobs\\FixtureJob$/m.test(out.slice(before.length)),
        { timeoutMs: 30_000 },
      );
    } finally {
      child.kill('SIGINT');
    }
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
  });
});
