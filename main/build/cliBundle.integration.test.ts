// The CLI the deb and rpm ship: one bundled file, run by node from a folder with no
// node_modules anywhere above it, against a real user manager and Laravel app.
import { build } from 'esbuild';
import { execa } from 'execa';
import { realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { HOSTILE_DIR_NAME } from '../testing/hostilePath';
import { startUserManager, type UserManager } from '../testing/userManager';
import { cliBundleOptions } from './cliBundle.mjs';

describe('the packaged CLI bundle', () => {
  let root: string;
  let bundle: string;
  let manager: UserManager;
  let app: LaravelFixture;
  const version = '9.8.7-test';

  const cli = (...args: string[]) =>
    execa(process.execPath, [bundle, ...args], {
      env: manager.env,
      cwd: root,
      reject: false,
      stdin: 'ignore',
      timeout: 60_000,
    });

  beforeAll(async () => {
    root = realpathSync(await mkdtemp(join(tmpdir(), 'servermark-cli-bundle-')));
    // Laid out as in the package: /opt/ServerMark/resources/cli/servermark.mjs.
    const resources = join(root, 'opt', 'ServerMark', 'resources');
    await mkdir(resources, { recursive: true });
    await build({ ...cliBundleOptions(version), outdir: join(resources, 'cli') });
    bundle = join(resources, 'cli', 'servermark.mjs');
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME)),
    ]);
  });

  afterAll(async () => {
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('knows its version without a package.json beside it', async () => {
    const result = await cli('--version');
    expect(result).toMatchObject({ exitCode: 0, stdout: `servermark ${version}`, stderr: '' });
  });

  it('refuses an old Node.js with a sentence, before running anything', async () => {
    const text = await readFile(bundle, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const check = text.slice(text.indexOf('\n') + 1, text.indexOf('import '));
    const result = await execa(
      process.execPath,
      ['--input-type=module', '-e', check.replace('process.versions.node', "'18.19.0'")],
      { reject: false },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('servermark needs Node.js 20 or newer');
  });

  it('adds a site, starts its worker, and watches the change arrive over D-Bus', async () => {
    const added = await cli('sites', 'add', app.path, '--json');
    expect(added.stderr).toBe('');
    const siteId: string = JSON.parse(added.stdout).id;

    // --watch uses the live D-Bus path (dbus-native, CommonJS inside the ESM bundle).
    const watcher = execa(
      process.execPath,
      [bundle, 'worker', 'status', siteId, '--watch', '--json'],
      {
        env: manager.env,
        cwd: root,
        reject: false,
        stdin: 'ignore',
      },
    );
    const lines = createInterface({ input: watcher.stdout! });
    const states: string[] = [];
    const seen = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        states.push(JSON.parse(line).state);
        if (states.includes('running')) resolve();
      }),
    );
    try {
      await expect.poll(() => states.length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(states[0]).toBe('stopped');
      const started = await cli('worker', 'start', siteId);
      expect(started.stderr).toBe('');
      expect(started.exitCode).toBe(0);
      await seen;
      const jobId = await app.dispatch();
      await app.waitForProcessed(jobId, 30_000);
    } finally {
      watcher.kill('SIGINT');
      const ended = await watcher;
      expect(ended.stderr).toBe('');
      expect((await cli('worker', 'stop', siteId)).exitCode).toBe(0);
    }
  });
});
