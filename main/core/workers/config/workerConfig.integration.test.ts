// Worker settings end to end: a real systemd user manager runs the units, a real Laravel app runs the jobs.
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../../../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../../../testing/laravelFixture';
import { queueWorkProcessesIn } from '../../../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../../../testing/userManager';
import { waitFor } from '../../../testing/waitFor';
import { createServerMark, type ServerMark } from '../../serverMark';
import type { WorkerChangeOutcome } from './workerChanges';

describe('worker settings against a real user manager and a real Laravel app', () => {
  let root: string;
  let manager: UserManager;
  let core: ServerMark;
  let counter = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-worker-config-'));
    manager = await startUserManager();
    core = createServerMark({ env: manager.env });
  });

  afterEach(async () => {
    for (const site of await core.listSites()) await core.removeSite(site.id);
  });

  afterAll(async () => {
    core?.close();
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  async function newApp(name = `app-${(counter += 1)}`): Promise<LaravelFixture> {
    return createLaravelFixture(join(root, name, HOSTILE_DIR_NAME));
  }

  function saved(outcome: WorkerChangeOutcome) {
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    return outcome;
  }

  const wantsDir = () => join(manager.unitDir, 'default.target.wants');
  const links = async (siteId: string) =>
    (await readdir(wantsDir()).catch(() => [] as string[])).filter((f) =>
      f.includes(`_${siteId}_`),
    );
  // Every loaded service of the site that is not inactive: what systemd still runs or retries.
  const activeUnits = async (siteId: string) =>
    (
      await manager.systemctl([
        'list-units',
        '--all',
        '--plain',
        '--no-legend',
        `*_${siteId}_*.service`,
      ])
    ).stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[0] && cols[2] !== 'inactive')
      .map((cols) => cols[0]!);

  it("reads the app's own queue config (booting it) and its retry_after of 90", async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    const config = await core.workerConfig(site.id);
    expect(config.queueConfig).toMatchObject({ source: 'app', defaultConnection: 'database' });
    expect(config.support.options.rest.supported).toBe(true);
    expect(config.workers).toHaveLength(1);
    expect(config.workers[0]).toMatchObject({
      name: 'default',
      connection: { name: 'database', isAppDefault: true, retryAfter: 90, driver: 'database' },
      effectiveStopWaitSeconds: 70,
      warnings: [],
    });

    const outcome = saved(await core.configureWorker(site.id, 'default', { timeout: 90 }));
    expect(outcome.restarted).toEqual([]);
    expect(outcome.config.workers[0]!.warnings.map((w) => w.code)).toEqual([
      'TIMEOUT_NOT_BELOW_RETRY_AFTER',
    ]);
  });

  it('a worker set to queue emails processes an emails job and leaves the default one pending', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await waitFor('one worker process', () => queueWorkProcessesIn(app.path).length === 1);

    const outcome = saved(await core.configureWorker(site.id, 'default', { queues: ['emails'] }));
    expect(outcome.restarted).toHaveLength(1);
    const [process] = await waitFor('the restarted worker', () => {
      const found = queueWorkProcessesIn(app.path);
      return found.length === 1 && found[0]!.argv.includes('--queue=emails') ? found : null;
    });
    expect(process!.argv).toContain('--queue=emails');

    await app.dispatch({ queue: 'default', id: 'default-job' });
    const emails = await app.dispatch({ queue: 'emails', id: 'emails-job' });
    await app.waitForProcessed(emails, 30_000);
    expect(await app.processed()).toEqual(['emails-job']);
    expect(await app.pendingCount('default')).toBe(1);
    expect(await app.pendingCount('emails')).toBe(0);
  });

  it('processes=3 runs three instances; scaling to 1 stops and unlinks the other two', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    saved(await core.configureWorker(site.id, 'default', { processes: 3 }));
    await core.startWorkers(site.id);
    await waitFor('three processes', () => queueWorkProcessesIn(app.path).length === 3, {
      timeoutMs: 20_000,
    });
    expect(await links(site.id)).toHaveLength(3);

    const outcome = saved(await core.configureWorker(site.id, 'default', { processes: 1 }));
    expect(outcome.stopped.sort()).toEqual(
      [2, 3].map((n) => expect.stringMatching(new RegExp(`_default@${n}\\.service$`))),
    );
    await waitFor('exactly one process', () => queueWorkProcessesIn(app.path).length === 1, {
      timeoutMs: 20_000,
    });
    expect(await links(site.id)).toEqual([expect.stringMatching(/_default@1\.service$/)]);
    expect(await activeUnits(site.id)).toEqual([expect.stringMatching(/_default@1\.service$/)]);
    const [status] = await core.status([site.id]);
    expect(status!.workers[0]).toMatchObject({ processes: 1, running: 1, state: 'running' });
  });

  it('a change restarts gracefully: the job in progress finishes in the old process first', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    saved(await core.configureWorker(site.id, 'default', { sleep: 1 }));
    await core.startWorkers(site.id);
    const [old] = await waitFor('worker', () => {
      const found = queueWorkProcessesIn(app.path);
      return found.length === 1 ? found : null;
    });
    const job = await app.dispatch({ sleepSeconds: 4 });
    // The jobs table says when a worker has reserved (started) the job.
    const reserved = async () =>
      (
        await execa(app.php, [
          '-r',
          'echo (new PDO("sqlite:".$argv[1]))->query("select count(*) from jobs where reserved_at is not null")->fetchColumn();',
          join(app.path, 'database', 'database.sqlite'),
        ])
      ).stdout === '1';
    await waitFor('the job to be reserved', reserved, { timeoutMs: 15_000 });

    saved(await core.configureWorker(site.id, 'default', { tries: 5 }));
    // restart returned only once the old process had finished the job and exited (SIGTERM).
    const line = await readFile(join(app.path, 'storage', 'processed', job), 'utf8');
    expect(line).toBe(`pid=${old!.pid} attempt=1 queue=default\n`);
    expect(await app.failedCount()).toBe(0);
    const [fresh] = await waitFor('the new worker', () => {
      const found = queueWorkProcessesIn(app.path);
      return found.length === 1 && found[0]!.pid !== old!.pid ? found : null;
    });
    expect(fresh!.argv).toContain('--tries=5');
  });

  it('refuses invalid settings with a message per field and touches no file', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await waitFor('running', () => queueWorkProcessesIn(app.path).length === 1);
    const unitFiles = async () => {
      const files = (await readdir(manager.unitDir, { recursive: true })).filter((f) =>
        f.includes(`_${site.id}_`),
      );
      return Promise.all(
        files.sort().map(async (f) => [f, await readFile(join(manager.unitDir, f))] as const),
      );
    };
    const before = { units: await unitFiles(), registry: await readFile(core.registry.file) };
    const pid = queueWorkProcessesIn(app.path)[0]!.pid;

    const outcome = await core.configureWorker(site.id, 'default', {
      sleep: -1,
      timeout: Number.NaN,
      queues: ['emails', 'bad queue'],
      connection: 'nope',
      processes: 3,
      env: { 'NOT-VALID': 'x', GOOD: 'y' },
      php: '/nonexistent/php',
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : Object.keys(outcome.errors).sort()).toEqual([
      'connection',
      'env.NOT-VALID',
      'php',
      'queues',
      'sleep',
      'timeout',
    ]);
    expect(outcome.ok ? '' : outcome.errors.connection).toContain('it has: database');
    expect(await unitFiles()).toEqual(before.units);
    expect(await readFile(core.registry.file)).toEqual(before.registry);
    // Nothing was restarted either: the same process still runs.
    expect(queueWorkProcessesIn(app.path).map((p) => p.pid)).toEqual([pid]);
  });

  it('adds a second worker that starts with the running site, and removes it without orphans', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);

    const refused = await core.addWorker(site.id, 'Bad Name', { sleep: 99_999 });
    expect(refused).toEqual({
      ok: false,
      errors: { name: expect.stringContaining('lowercase'), sleep: expect.any(String) },
    });
    expect(await core.addWorker(site.id, 'default')).toMatchObject({
      ok: false,
      errors: { name: expect.stringContaining('already has') },
    });

    const added = saved(
      await core.addWorker(site.id, 'emails', { queues: ['emails'], processes: 2 }),
    );
    expect(added.restarted).toHaveLength(2);
    expect(added.config.workers.map((w) => w.name)).toEqual(['default', 'emails']);
    await waitFor('three processes', () => queueWorkProcessesIn(app.path).length === 3, {
      timeoutMs: 20_000,
    });
    const emailsJob = await app.dispatch({ queue: 'emails' });
    await app.waitForProcessed(emailsJob, 30_000);

    const status = await core.removeWorker(site.id, 'emails');
    expect(status.workers.map((w) => w.name)).toEqual(['default']);
    await waitFor('one process', () => queueWorkProcessesIn(app.path).length === 1, {
      timeoutMs: 20_000,
    });
    const files = (await readdir(manager.unitDir, { recursive: true })).filter((f) =>
      f.includes(`_${site.id}_emails`),
    );
    expect(files).toEqual([]);
    expect(await activeUnits(site.id)).toEqual([expect.stringMatching(/_default@1\.service$/)]);

    await expect(core.removeWorker(site.id, 'default')).rejects.toMatchObject({
      code: 'LAST_WORKER',
    });
    await expect(core.removeWorker(site.id, 'emails')).rejects.toMatchObject({
      code: 'WORKER_NOT_FOUND',
    });
  });

  it('a stopped worker is only saved: nothing starts, and the next start uses the new settings', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    const outcome = saved(
      await core.configureWorker(site.id, 'default', {
        queues: ['high', 'low'],
        sleep: 1,
        env: { SERVERMARK_TEST: 'a "quoted" $value' },
      }),
    );
    expect(outcome.restarted).toEqual([]);
    expect(queueWorkProcessesIn(app.path)).toEqual([]);
    await core.startWorkers(site.id);
    const [process] = await waitFor('worker', () => {
      const found = queueWorkProcessesIn(app.path);
      return found.length === 1 ? found : null;
    });
    expect(process!.argv.slice(2)).toEqual([
      'queue:work',
      '--queue=high,low',
      '--sleep=1',
      '--tries=3',
      '--timeout=60',
      '--max-time=3600',
    ]);
    const environ = await readFile(`/proc/${process!.pid}/environ`, 'utf8');
    expect(environ.split('\0')).toContain('SERVERMARK_TEST=a "quoted" $value');
  });
});
