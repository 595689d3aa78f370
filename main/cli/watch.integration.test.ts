import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServerMark } from '../core/serverMark';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';

const BIN = join(import.meta.dirname, 'bin', 'servermark.mjs');
let root: string;
let manager: UserManager;
let app: LaravelFixture;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-watch-'));
  [manager, app] = await Promise.all([
    startUserManager(),
    createLaravelFixture(join(root, 'shop')),
  ]);
});

afterAll(async () => {
  await manager?.stop();
  await rm(root, { recursive: true, force: true });
});

it('`worker status --watch --json` prints changes made elsewhere as they happen, and ends on Ctrl+C', async () => {
  const core = createServerMark({ env: manager.env });
  const site = await core.addSite({ directory: app.path });
  const child = spawn(process.execPath, [BIN, 'worker', 'status', '--watch', '--json'], {
    env: manager.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const lines = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { state: string; site: string });
  await waitFor('the first state', () => lines().length >= 1, { timeoutMs: 15_000 });
  expect(lines()[0]).toMatchObject({ site: site.id, state: 'stopped' });

  await core.startWorkers(site.id);
  await waitFor('running printed', () => lines().some((l) => l.state === 'running'), {
    timeoutMs: 5_000,
  });
  await manager.systemctl(['stop', (await core.status())[0]!.units[0]!]);
  await waitFor('stopped printed', () => lines().at(-1)?.state === 'stopped', { timeoutMs: 5_000 });

  child.kill('SIGINT');
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(0);
});
