import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';
import { ServerMarkError } from './errors/serverMarkError';
import { createServerMark, type ServerMark } from './serverMark';

describe('ServerMark core against a real user manager and a real Laravel app', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let core: ServerMark;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-core-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME)),
    ]);
    core = createServerMark({ env: manager.env });
  });

  afterEach(async () => {
    for (const site of await core.listSites()) await core.removeSite(site.id);
  });

  afterAll(async () => {
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const ourUnitFiles = async () =>
    (await readdir(manager.unitDir, { recursive: true })).filter((f) =>
      f.includes('servermark-queue-'),
    );

  it('start runs queue:work in the hostile directory, a job runs, stop uninstalls and leaves no process', async () => {
    const site = await core.addSite({ directory: app.path });
    expect(site).toMatchObject({
      name: HOSTILE_DIR_NAME,
      path: app.path,
      laravelVersion: '8.83.26',
    });
    expect(site.php).toMatch(/^\/.*php/);

    const started = await core.startWorkers(site.id);
    expect(['running', 'starting']).toContain(started.state);
    const running = await waitFor('worker running', async () => {
      const [status] = await core.status([site.id]);
      return status?.state === 'running' ? status : null;
    });
    expect(running.units).toHaveLength(1);
    const unit = running.workers[0]!.units[0]!;
    expect(unit.pid).toBeGreaterThan(0);
    expect(unit.since).not.toBeNull();

    // systemd runs exactly our argv in exactly the site directory, despite $, %, quotes and spaces.
    const [process] = queueWorkProcessesIn(app.path);
    expect(process?.pid).toBe(unit.pid);
    expect(process?.argv).toEqual([
      site.php,
      join(app.path, 'artisan'),
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--max-time=3600',
    ]);

    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);

    const stopped = await core.stopWorkers(site.id);
    expect(stopped.state).toBe('stopped');
    expect(await ourUnitFiles()).toEqual([]);
    expect(queueWorkProcessesIn(app.path)).toEqual([]);
  });

  it('gives sites that the original confused (my.app, my-app, my/app) their own units', async () => {
    const dirs = ['my.app', 'my-app', 'my/app'].map((d) => join(root, 'collide', d));
    const sites = [];
    for (const dir of dirs) {
      await mkdir(join(dir, '..'), { recursive: true });
      sites.push(await core.addSite({ directory: (await createLaravelFixture(dir)).path }));
    }
    const statuses = await Promise.all(sites.map((s) => core.startWorkers(s.id)));
    const units = statuses.flatMap((s) => s.units);
    expect(new Set(units).size).toBe(3);
    await waitFor('all three running', async () =>
      (await core.status()).every((s) => s.state === 'running'),
    );
    for (const dir of dirs) expect(queueWorkProcessesIn(dir)).toHaveLength(1);
  });

  it('removing a running site stops its worker first: no orphan', async () => {
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await waitFor('a process', () => queueWorkProcessesIn(app.path).length === 1);
    await core.removeSite(site.name);
    expect(await core.listSites()).toEqual([]);
    expect(await ourUnitFiles()).toEqual([]);
    expect(queueWorkProcessesIn(app.path)).toEqual([]);
  });

  it('double clicks are safe: concurrent start and stop run one after another', async () => {
    const site = await core.addSite({ directory: app.path });
    const results = await Promise.all([
      core.startWorkers(site.id),
      core.startWorkers(site.id),
      core.stopWorkers(site.id),
      core.startWorkers(site.id),
    ]);
    expect(results.at(2)?.state).toBe('stopped');
    await waitFor('running once', async () => (await core.status())[0]?.state === 'running');
    expect(queueWorkProcessesIn(app.path)).toHaveLength(1);
  });

  it('scanning a folder adds each Laravel app in it once and says what it skipped', async () => {
    const code = join(root, 'code');
    const blog = (await createLaravelFixture(join(code, 'blog'))).path;
    const api = (await createLaravelFixture(join(code, 'clients', 'api'))).path;
    await mkdir(join(code, 'notes'), { recursive: true });
    const first = await core.scanDirectory(code);
    expect(first.added.map((s) => s.path)).toEqual([blog, api].sort((a, b) => a.localeCompare(b)));
    const again = await core.scanDirectory(code);
    expect(again.added).toEqual([]);
    expect(again.skipped.map((s) => s.message)).toEqual([
      expect.stringContaining('already registered'),
      expect.stringContaining('already registered'),
    ]);
  });

  it('refuses what is not a Laravel app, with a message that says why', async () => {
    const plain = join(root, 'plain');
    await mkdir(plain, { recursive: true });
    await writeFile(join(plain, 'artisan'), '<?php');
    await expect(core.addSite({ directory: plain })).rejects.toMatchObject({
      code: 'NOT_LARAVEL',
      message: expect.stringContaining('composer.json'),
    });
    await expect(core.addSite({ directory: join(root, 'missing') })).rejects.toMatchObject({
      code: 'NOT_A_DIRECTORY',
    });
    await expect(core.addSite({ directory: `${app.path}\n[Service]` })).rejects.toBeInstanceOf(
      ServerMarkError,
    );
    await expect(
      core.addSite({ directory: app.path, php: '/nonexistent/php' }),
    ).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
    expect(await core.listSites()).toEqual([]);
  });

  it('a worker whose artisan dies at start ends failed as a crash loop, and starts again once fixed', async () => {
    const site = await core.addSite({ directory: app.path });
    await app.breakArtisan();
    try {
      await core.startWorkers(site.id);
      const failed = await waitFor(
        'crash loop',
        async () => {
          const [status] = await core.status([site.id]);
          return status?.state === 'failed' ? status : null;
        },
        { timeoutMs: 30_000 },
      );
      expect(failed.reason?.code).toBe('crash-loop');
    } finally {
      await app.fixArtisan();
    }
    await core.startWorkers(site.id);
    await waitFor(
      'running again',
      async () => (await core.status([site.id]))[0]?.state === 'running',
    );
  });
});
