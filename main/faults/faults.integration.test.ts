// Faults with a real user manager and a real Laravel app: the PHP binary gone, the site directory
// deleted under a running worker, the registry corrupted. (Crash loops: core/serverMark; SIGKILL
// and a restarted manager: core/live; legacy units: core/reconcile.)
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { sleep, waitFor } from '../testing/waitFor';
import { findExecutable } from '../testing/findExecutable';
import { createServerMark, type ServerMark } from '../core/serverMark';
import type { SiteStatus } from '../core/workers/siteStatus';

let root: string;
let manager: UserManager;
let core: ServerMark;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-faults-'));
  manager = await startUserManager();
  core = createServerMark({ env: manager.env });
});

afterEach(async () => {
  // A corrupt registry left by a failed test must not hide the sites to clean up.
  const sites = await core.listSites().catch(() => []);
  for (const site of sites) await core.removeSite(site.id).catch(() => undefined);
});

afterAll(async () => {
  core?.close();
  await manager?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const ourUnitFiles = async () =>
  (await readdir(manager.unitDir, { recursive: true }))
    .map(String)
    .filter((f) => f.includes('servermark-queue-'));

/** A PHP binary of our own, so a test can make it vanish. */
async function privatePhp(name: string): Promise<string> {
  const dir = join(root, 'php', name);
  await mkdir(dir, { recursive: true });
  const php = join(dir, 'php');
  await copyFile(findExecutable('php'), php);
  await chmod(php, 0o755);
  return php;
}

async function failedStatus(siteId: string, timeoutMs = 40_000): Promise<SiteStatus> {
  return waitFor(
    'the worker to end failed',
    async () => {
      const [status] = await core.status([siteId]);
      return status?.state === 'failed' ? status : null;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** systemd gave up for good: the same failed state, no process and no new restart, a while later. */
async function expectNoMoreRestarts(siteId: string, dir: string): Promise<void> {
  const [before] = await core.status([siteId]);
  await sleep(3_000);
  const [after] = await core.status([siteId]);
  expect(after!.state).toBe('failed');
  expect(after!.workers[0]!.units[0]!.restarts).toBe(before!.workers[0]!.units[0]!.restarts);
  expect(queueWorkProcessesIn(dir)).toEqual([]);
}

describe('the PHP binary goes away', () => {
  it('before a start: refused with PHP_NOT_FOUND, nothing written, preflight says which PHP', async () => {
    const app = await createLaravelFixture(join(root, 'php-gone-before'));
    const php = await privatePhp('before');
    const site = await core.addSite({ directory: app.path, php });
    await rm(php);
    await expect(core.startWorkers(site.id)).rejects.toMatchObject({
      code: 'PHP_NOT_FOUND',
      message: expect.stringContaining(php),
    });
    expect(await ourUnitFiles()).toEqual([]);
    const { checks } = await core.health.preflight();
    expect(checks).toContainEqual(
      expect.objectContaining({ id: `php-missing:${site.id}`, severity: 'error', scope: site.id }),
    );
  });

  it('under a running worker: once it dies, systemd gives up and the state says PHP cannot run', async () => {
    const app = await createLaravelFixture(join(root, 'php-gone-running'));
    const php = await privatePhp('running');
    const site = await core.addSite({ directory: app.path, php });
    await core.startWorkers(site.id);
    const pid = await waitFor('the worker', () => queueWorkProcessesIn(app.path)[0]?.pid);
    // The running process keeps its (now unlinked) binary; the next exec has none.
    await rm(php);
    process.kill(pid, 'SIGKILL');
    const failed = await failedStatus(site.id);
    expect(failed.reason?.code).toBe('crash-loop');
    expect(failed.reason?.text).toContain('The PHP binary could not be executed');
    await expectNoMoreRestarts(site.id, app.path);
    const { checks } = await core.health.preflight();
    expect(checks.map((c) => c.id)).toContain(`php-missing:${site.id}`);
  });
});

describe('the site directory is deleted while its worker runs', () => {
  it('the worker ends failed with a "directory" explanation and is not restarted forever', async () => {
    const app = await createLaravelFixture(join(root, 'deleted dir'));
    const site = await core.addSite({ directory: app.path });
    // queue:work keeps running on its open files until it next exits: --max-time makes that soon.
    const saved = await core.configureWorker(site.id, 'default', { maxTime: 2 });
    expect(saved.ok).toBe(true);
    await core.startWorkers(site.id);
    await waitFor('the worker', () => queueWorkProcessesIn(app.path).length === 1);
    await rm(app.path, { recursive: true, force: true });
    const failed = await failedStatus(site.id);
    expect(failed.reason?.code).toBe('crash-loop');
    expect(failed.reason?.text).toContain('The site directory could not be entered');
    await expectNoMoreRestarts(site.id, app.path);
    const { checks } = await core.health.preflight();
    expect(checks).toContainEqual(
      expect.objectContaining({
        id: `site-directory-missing:${site.id}`,
        severity: 'error',
        message: expect.stringContaining('no longer exists'),
      }),
    );
    // Starting again is refused with the reason, instead of another crash loop.
    await expect(core.startWorkers(site.id)).rejects.toMatchObject({ code: 'NOT_A_DIRECTORY' });
  });
});

describe('the registry file is corrupted', () => {
  it('every operation says REGISTRY_CORRUPT, the file is never touched, recovery moves it aside intact', async () => {
    const app = await createLaravelFixture(join(root, 'corrupt'));
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await waitFor('the worker', () => queueWorkProcessesIn(app.path).length === 1);
    const garbage = `${(await readFile(core.registry.file, 'utf8')).slice(0, 40)}\u0000garbage`;
    await writeFile(core.registry.file, garbage);

    for (const attempt of [
      () => core.listSites(),
      () => core.status(),
      () => core.startWorkers(site.id),
      () => core.stopWorkers(site.id),
      () => core.addSite({ directory: app.path, name: 'again' }),
      () => core.startAll(),
      () => core.health.scan(),
    ]) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'REGISTRY_CORRUPT',
        message: expect.stringContaining(core.registry.file),
      });
    }
    expect(await readFile(core.registry.file, 'utf8')).toBe(garbage);
    // The worker systemd runs is not ServerMark's registry: it keeps running.
    expect(queueWorkProcessesIn(app.path)).toHaveLength(1);

    const recovered = await core.health.recoverRegistry();
    expect(recovered.movedTo).toMatch(/registry\.json\.corrupt-\d{8}T\d{9}Z$/);
    expect(recovered.reason).toContain('is not valid JSON');
    expect(await readFile(recovered.movedTo, 'utf8')).toBe(garbage);
    expect(existsSync(core.registry.file)).toBe(false);
    expect(await core.listSites()).toEqual([]);
    await expect(core.health.recoverRegistry()).rejects.toMatchObject({ code: 'NOT_APPLICABLE' });

    // Its running worker is now an orphan that reconcile offers to remove.
    const orphan = (await core.health.scan()).findings.find((f) => f.kind === 'orphan');
    expect(orphan).toMatchObject({ siteId: site.id, actions: ['remove'] });
    await core.health.apply(orphan!.id, 'remove');
    expect(queueWorkProcessesIn(app.path)).toEqual([]);
  });

  it('a registry that is valid JSON but not ours is refused the same way', async () => {
    await mkdir(core.paths.configDir, { recursive: true });
    const text = JSON.stringify({ version: 1, sites: [{ id: 'x', path: 'relative' }] });
    await writeFile(core.registry.file, text);
    await expect(core.listSites()).rejects.toMatchObject({
      code: 'REGISTRY_CORRUPT',
      message: expect.stringContaining('invalid entry at sites.0'),
    });
    expect(await readFile(core.registry.file, 'utf8')).toBe(text);
    await core.health.recoverRegistry();
    expect(await core.listSites()).toEqual([]);
  });
});
