// The real CLI, spawned as users spawn it, against a private systemd user manager and a real Laravel app.
import { readdirSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';

const BIN = fileURLToPath(new URL('./bin/servermark.mjs', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Live `queue:work` processes working in the app's directory, read from /proc. */
function queueWorkPids(appPath: string): number[] {
  return queueWorkProcessesIn(appPath).map((process) => process.pid);
}

describe('servermark CLI against a real user manager and Laravel app', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let sitesDir: string;
  let siteId: string;

  async function cli(...args: string[]): Promise<CliResult> {
    const result = await execa(process.execPath, [BIN, ...args], {
      env: manager.env,
      // Relative directories resolve against the caller's working directory.
      cwd: root,
      reject: false,
      stdin: 'ignore',
      stripFinalNewline: false,
      timeout: 60_000,
    });
    return { code: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  async function statusOf(ref: string) {
    const result = await cli('worker', 'status', ref, '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const statuses = JSON.parse(result.stdout);
    expect(statuses).toHaveLength(1);
    return statuses[0];
  }

  /** Unit files and enablement links of this site under $XDG_CONFIG_HOME/systemd/user. */
  function siteUnitFiles(): string[] {
    const list = (dir: string) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    };
    return [
      ...list(manager.unitDir),
      ...list(join(manager.unitDir, 'default.target.wants')),
    ].filter((name) => name.includes(`_${siteId}_`));
  }

  beforeAll(async () => {
    root = realpathSync(await mkdtemp(join(tmpdir(), 'servermark-cli-test-')));
    sitesDir = join(root, 'sites');
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(sitesDir, HOSTILE_DIR_NAME)),
    ]);
  });

  afterAll(async () => {
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('adds the site in a hostile path and prints it as JSON', async () => {
    const result = await cli('sites', 'add', app.path, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const site = JSON.parse(result.stdout);
    expect(site).toMatchObject({
      id: expect.stringMatching(/^[a-z0-9]{8}$/),
      name: HOSTILE_DIR_NAME,
      path: app.path,
      php: expect.stringMatching(/^\/.*php/),
      laravelVersion: expect.stringMatching(/^8\.83\./),
    });
    siteId = site.id;
    // The core wrote the registry under this run's XDG_CONFIG_HOME, nowhere else.
    const registry = JSON.parse(
      await readFile(join(manager.configHome, 'servermark', 'registry.json'), 'utf8'),
    );
    expect(registry.sites.map((s: { path: string }) => s.path)).toEqual([app.path]);
  });

  it('refuses a directory that is not a Laravel app with exit 1 and the reason', async () => {
    const plain = join(root, 'plain $dir %h ü');
    await mkdir(plain);
    const human = await cli('sites', 'add', plain);
    expect(human).toMatchObject({ code: 1, stdout: '' });
    expect(human.stderr).toBe(
      `servermark: ${plain} is not a Laravel app: it has no artisan file.\n`,
    );
    const json = await cli('sites', 'add', plain, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: 'NOT_LARAVEL',
        message: `${plain} is not a Laravel app: it has no artisan file.`,
      },
    });
  });

  it('exits 2 on an unknown flag and changes nothing', async () => {
    const result = await cli('worker', 'start', siteId, '--frobnicate');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('servermark: unknown option --frobnicate');
    expect(result.stderr).toContain('Usage: servermark worker start <site>');
    expect(siteUnitFiles()).toEqual([]);
    expect(queueWorkPids(app.path)).toEqual([]);
  });

  it('lists the site, stopped, as a table and as JSON', async () => {
    const human = await cli('sites', 'list');
    expect(human.code).toBe(0);
    expect(human.stdout).not.toContain('\u001b[');
    const [header, row] = human.stdout.split('\n');
    expect(header).toMatch(/^ID +NAME +STATE +PATH$/);
    expect(row).toBe(`${siteId}  ${HOSTILE_DIR_NAME}  stopped  ${app.path}`);
    const json = JSON.parse((await cli('sites', 'list', '--json')).stdout);
    expect(json).toEqual([
      expect.objectContaining({ id: siteId, path: app.path, state: 'stopped' }),
    ]);
  });

  it('starts the workers by name, runs a dispatched job and stops them by directory', async () => {
    const started = await cli('worker', 'start', HOSTILE_DIR_NAME);
    expect(started.stderr).toBe('');
    expect(started.code).toBe(0);
    expect(started.stdout).toMatch(
      new RegExp(
        `^.+: running \\(servermark-queue-[a-z0-9-]+_${siteId}_default@1\\.service\\)\\n$`,
      ),
    );
    expect(started.stdout.startsWith(`${HOSTILE_DIR_NAME}: running (`)).toBe(true);

    const running = await statusOf(app.path);
    expect(running).toMatchObject({
      site: siteId,
      name: HOSTILE_DIR_NAME,
      path: app.path,
      state: 'running',
      reason: null,
    });
    expect(running.units).toEqual([
      expect.stringMatching(new RegExp(`_${siteId}_default@1\\.service$`)),
    ]);
    const workerPid: number = running.workers[0].units[0].pid;
    // The one process systemd reports is PHP running this app's artisan, in the hostile path.
    expect(queueWorkProcessesIn(app.path)).toEqual([
      expect.objectContaining({
        pid: workerPid,
        argv: expect.arrayContaining([join(app.path, 'artisan'), 'queue:work']),
      }),
    ]);
    expect(siteUnitFiles().length).toBeGreaterThan(0);

    const jobId = await app.dispatch();
    await app.waitForProcessed(jobId, 30_000);
    // The worker systemd runs, not some other process, did the job.
    expect(await readFile(join(app.path, 'storage', 'processed', jobId), 'utf8')).toContain(
      `pid=${workerPid} `,
    );

    // A relative directory, resolved against the caller's working directory.
    const stopped = await cli('worker', 'stop', join('sites', HOSTILE_DIR_NAME));
    expect(stopped.stderr).toBe('');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout.startsWith(`${HOSTILE_DIR_NAME}: stopped`)).toBe(true);

    expect(await statusOf(siteId)).toMatchObject({ site: siteId, state: 'stopped' });
    expect(siteUnitFiles()).toEqual([]);
    expect(queueWorkPids(app.path)).toEqual([]);
  });

  it('removes a running site by id, stopping its worker first', async () => {
    expect((await cli('worker', 'start', siteId)).code).toBe(0);
    expect((await statusOf(siteId)).state).toBe('running');
    expect(queueWorkPids(app.path)).toHaveLength(1);

    const removed = await cli('sites', 'remove', siteId, '--json');
    expect(removed.stderr).toBe('');
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ id: siteId, path: app.path });

    expect(queueWorkPids(app.path)).toEqual([]);
    expect(siteUnitFiles()).toEqual([]);
    const loaded = await manager.systemctl([
      'list-units',
      '--all',
      '--plain',
      '--no-legend',
      `*_${siteId}_*.service`,
    ]);
    expect(loaded.stdout.trim()).toBe('');
    expect(JSON.parse((await cli('sites', 'list', '--json')).stdout)).toEqual([]);

    const gone = await cli('worker', 'status', siteId, '--json');
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stderr).error.code).toBe('SITE_NOT_FOUND');
  });
});
