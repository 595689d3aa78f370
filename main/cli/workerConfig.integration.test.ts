// `servermark worker config|add|remove`, spawned as users run it, against a private systemd user
// manager and a real Laravel app in a hostile path.
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';

const BIN = fileURLToPath(new URL('./bin/servermark.mjs', import.meta.url));

describe('servermark worker config, add and remove against real systemd and Laravel', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let siteId: string;

  async function cli(...args: string[]) {
    const result = await execa(process.execPath, [BIN, ...args], {
      env: manager.env,
      cwd: root,
      reject: false,
      stdin: 'ignore',
      stripFinalNewline: false,
      timeout: 90_000,
    });
    return { code: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  /** This site's unit files and links, with their bytes, to prove a refusal wrote nothing. */
  function siteFiles(): Array<[string, string]> {
    const list = (dir: string) => {
      try {
        return readdirSync(dir).map((name) => join(dir, name));
      } catch {
        return [];
      }
    };
    return [...list(manager.unitDir), ...list(join(manager.unitDir, 'default.target.wants'))]
      .filter((path) => path.includes(`_${siteId}_`))
      .sort()
      .map((path) => [path, readFileSync(path, 'utf8')]);
  }

  const registryText = () =>
    readFileSync(join(manager.configHome, 'servermark', 'registry.json'), 'utf8');

  beforeAll(async () => {
    root = realpathSync(await mkdtemp(join(tmpdir(), 'servermark-cli-config-')));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME)),
    ]);
    const added = await cli('sites', 'add', app.path, '--json');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    siteId = JSON.parse(added.stdout).id;
  });

  afterAll(async () => {
    if (siteId) await cli('sites', 'remove', siteId);
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('--show prints the defaults, the app retry_after and the exact command', async () => {
    const human = await cli('worker', 'config', siteId, '--show');
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain(`(${siteId}) · Laravel 8.83.`);
    expect(human.stdout).toContain('queue config loaded by the app');
    expect(human.stdout).toMatch(/connection +database \(app default\) · retry_after 90 s/);
    expect(human.stdout).not.toContain('warning');

    const json = JSON.parse((await cli('worker', 'config', siteId, '--json')).stdout);
    expect(json.queueConfig).toMatchObject({ source: 'app', defaultConnection: 'database' });
    expect(json.workers[0].command.slice(1)).toEqual([
      'artisan',
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--max-time=3600',
    ]);
  });

  it('--set on a running worker restarts it with the new queues and process count', async () => {
    expect((await cli('worker', 'start', siteId)).code).toBe(0);
    await waitFor('one process', () => queueWorkProcessesIn(app.path).length === 1);

    const result = await cli(
      'worker',
      'config',
      siteId,
      '--set',
      'queue=emails',
      '--set',
      'processes=3',
      '--set',
      'env.APP_ENV=local',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Saved worker default of .+; restarted 3 processes\.\n/);
    expect(result.stdout).toMatch(/queue +emails\n/);

    const processes = await waitFor(
      'three workers on emails',
      () => {
        const found = queueWorkProcessesIn(app.path);
        return found.length === 3 && found.every((p) => p.argv.includes('--queue=emails'))
          ? found
          : null;
      },
      { timeoutMs: 20_000 },
    );
    expect(processes).toHaveLength(3);
    await app.dispatch({ queue: 'default', id: 'cli-default' });
    await app.waitForProcessed(await app.dispatch({ queue: 'emails', id: 'cli-emails' }), 30_000);
    expect(await app.pendingCount('default')).toBe(1);

    const scaled = await cli('worker', 'config', siteId, '--set', 'processes=1', '--json');
    expect(scaled.code).toBe(0);
    const outcome = JSON.parse(scaled.stdout);
    expect(outcome).toMatchObject({ ok: true, restarted: [expect.stringMatching(/@1\.service$/)] });
    expect(outcome.stopped).toHaveLength(2);
    await waitFor('one process', () => queueWorkProcessesIn(app.path).length === 1, {
      timeoutMs: 20_000,
    });
    expect(siteFiles().filter(([path]) => path.includes('default.target.wants'))).toHaveLength(1);
  });

  it('refuses invalid values one per line, exit 1, with every file byte for byte unchanged', async () => {
    const before = { files: siteFiles(), registry: registryText() };
    const pids = queueWorkProcessesIn(app.path).map((p) => p.pid);
    const result = await cli(
      'worker',
      'config',
      siteId,
      '--set',
      'timeout=1e3',
      '--set',
      'queue=a,,b',
      '--set',
      'memory=-5',
      '--set',
      'php=/etc/passwd',
      '--set',
      'env.1X=y',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^servermark: the settings of worker default of .+ were not saved:$/);
    expect(lines.slice(1).map((line) => line.split(':')[0])).toEqual([
      '  timeout',
      '  memory',
      '  queue',
      '  env.1X',
      '  php',
    ]);
    expect(siteFiles()).toEqual(before.files);
    expect(registryText()).toBe(before.registry);
    expect(queueWorkProcessesIn(app.path).map((p) => p.pid)).toEqual(pids);
  });

  it('adds a worker that starts with the running site, then removes it', async () => {
    const added = await cli('worker', 'add', siteId, '--worker', 'mail', '--set', 'queue=mail');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Added worker mail of .+; started 1 process\.\n/);
    await waitFor('two processes', () => queueWorkProcessesIn(app.path).length === 2, {
      timeoutMs: 20_000,
    });
    const shown = JSON.parse(
      (await cli('worker', 'config', siteId, '--worker', 'mail', '--json')).stdout,
    );
    expect(shown.workers.map((w: { name: string }) => w.name)).toEqual(['mail']);

    const removed = await cli('worker', 'remove', siteId, '--worker', 'mail');
    expect(removed).toMatchObject({ code: 0, stderr: '' });
    await waitFor('one process', () => queueWorkProcessesIn(app.path).length === 1, {
      timeoutMs: 20_000,
    });
    expect(siteFiles().some(([path]) => path.includes('_mail@'))).toBe(false);

    const last = await cli('worker', 'remove', siteId, '--worker', 'default');
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('is the only worker of');
  });
});
