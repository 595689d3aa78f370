// Reconcile against a real user manager and real Laravel apps: units of the original ServerMark
// (written by hand in its exact format), orphans, hand edits, sites.json imports and leftovers.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../../testing/hostilePath';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { queueWorkProcessesIn } from '../../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../../testing/userManager';
import { waitFor } from '../../testing/waitFor';
import { createServerMark, type ServerMark } from '../serverMark';
import { renderSiteUnits } from '../units/siteUnits';
import type { ReconcileReport } from './finding';

const LEGACY_PHP = '/usr/bin/php8.2';

/** The original's slug: leading / dropped, / and . replaced by - (spaces and all kept). */
function legacyUnitName(path: string): string {
  return `servermark-queue-${path.slice(1).replace(/[/.]/g, '-')}.service`;
}

/** The unit text the original ServerMark wrote, verbatim (docs: seed-system.md). */
function legacyUnitText(name: string, path: string, args = '--sleep=3 --tries=3 --max-time=3600') {
  return [
    '[Unit]',
    `Description=Laravel Queue Worker - ${name}`,
    'After=network.target',
    '',
    '[Service]',
    `ExecStart=${LEGACY_PHP} ${path}/artisan queue:work ${args}`,
    `WorkingDirectory=${path}`,
    'Restart=always',
    'RestartSec=5',
    'StandardOutput=null',
    'StandardError=journal',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

describe('reconcile against a real user manager', () => {
  let root: string;
  let manager: UserManager;
  let core: ServerMark;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-reconcile-'));
    manager = await startUserManager();
    core = createServerMark({ env: manager.env });
  });

  afterEach(async () => {
    for (const site of await core.listSites()) await core.removeSite(site.id);
  });

  afterAll(async () => {
    core?.close();
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  let appCount = 0;
  async function newApp(name = `app${++appCount}`): Promise<LaravelFixture> {
    return createLaravelFixture(join(root, `${++appCount}`, name));
  }

  async function runningPid(siteId: string): Promise<number> {
    return waitFor(`site ${siteId} running`, async () => {
      const [status] = await core.status([siteId]);
      return status?.state === 'running' ? status.workers[0]!.units[0]!.pid : null;
    });
  }

  const findingsOf = (report: ReconcileReport, kind: string) =>
    report.findings.filter((f) => f.kind === kind);

  it('adopts the units of registered sites that it finds loaded, and reports nothing else', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await runningPid(site.id);
    // A fresh core, as after the app was restarted: it knows the worker from disk and systemd.
    const fresh = createServerMark({ env: manager.env });
    const report = await fresh.health.scan();
    expect(report.findings).toEqual([]);
    expect(report.systemdProblem).toBeNull();
    expect(report.adopted).toEqual([
      {
        siteId: site.id,
        units: [expect.stringMatching(new RegExp(`_${site.id}_default@1\\.service$`))],
      },
    ]);
  });

  it('lists a running worker whose site is gone as an orphan, and removes it in one action', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    await runningPid(site.id);
    // As the original did: the site disappears from the registry, its worker keeps running.
    await core.registry.update((file) => {
      file.sites = file.sites.filter((s) => s.id !== site.id);
    });
    const [orphan, ...rest] = findingsOf(await core.health.scan(), 'orphan');
    expect(rest).toEqual([]);
    expect(orphan).toMatchObject({
      id: `orphan:${site.id}`,
      siteId: site.id,
      severity: 'warning',
      actions: ['remove'],
    });
    expect(orphan!.message).toContain('1 of them running');

    const outcome = await core.health.apply(orphan!.id, 'remove');
    expect(outcome.message).toMatch(/Stopped 1 and removed \d+ orphan unit file/);
    expect(queueWorkProcessesIn(app.path)).toEqual([]);
    const left = (await readdir(manager.unitDir, { recursive: true })).filter((f) =>
      String(f).includes(site.id),
    );
    expect(left).toEqual([]);
    expect(findingsOf(await core.health.scan(), 'orphan')).toEqual([]);
    await expect(core.health.apply(orphan!.id, 'remove')).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
  });

  it('finds a unit edited by hand and rewrites it, restarting the worker on the real text', async () => {
    const app = await newApp();
    const site = await core.addSite({ directory: app.path });
    await core.startWorkers(site.id);
    const before = await runningPid(site.id);
    const { names, text } = renderSiteUnits(site, core.paths.logDir)[0]!;
    const file = join(manager.unitDir, names.template);
    await writeFile(file, text.replace('RestartSec=1', 'RestartSec=30'));
    const [drift] = findingsOf(await core.health.scan(), 'drift');
    expect(drift).toMatchObject({
      id: `drift:${names.template}`,
      siteId: site.id,
      actions: ['rewrite'],
      units: [names.template],
    });
    await expect(core.health.apply(drift!.id, 'remove')).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
    const outcome = await core.health.apply(drift!.id, 'rewrite');
    expect(outcome.message).toContain('restarted 1 process');
    expect(await readFile(file, 'utf8')).toBe(text);
    const after = await runningPid(site.id);
    expect(after).not.toBe(before);
    const shown = await manager.systemctl(['show', '-p', 'RestartUSec', names.instances[0]!]);
    expect(shown.stdout.trim()).toBe('RestartUSec=1s');
    expect(findingsOf(await core.health.scan(), 'drift')).toEqual([]);
  });

  it('migrates a running unit of the original ServerMark: same options, ours runs, a job is processed', async () => {
    const app = await newApp('legacy-shop');
    const legacy = legacyUnitName(app.path);
    await writeFile(
      join(manager.unitDir, legacy),
      legacyUnitText('legacy-shop', app.path, '--sleep=1 --tries=5 --memory=1 --max-time=3600'),
    );
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);
    expect((await manager.systemctl(['enable', '--now', legacy])).exitCode).toBe(0);
    const legacyPid = await waitFor(
      'the legacy worker',
      () => queueWorkProcessesIn(app.path)[0]?.pid,
    );
    const site = await core.addSite({ directory: app.path });

    const [finding] = findingsOf(await core.health.scan(), 'legacy');
    expect(finding).toMatchObject({
      id: `legacy:${legacy}`,
      siteId: site.id,
      actions: ['migrate', 'remove'],
      units: [legacy],
    });
    expect(finding!.message).toContain('reports it active');

    const outcome = await core.health.apply(finding!.id, 'migrate');
    expect(outcome.message).toContain(`Replaced ${legacy}`);
    // 1 MB is below what any worker needs: validated like the settings form, and left out.
    expect(outcome.message).toContain('kept sleep, tries, maxTime; left out invalid memory');
    expect(existsSync(join(manager.unitDir, legacy))).toBe(false);
    expect(existsSync(join(manager.unitDir, 'default.target.wants', legacy))).toBe(false);
    expect((await manager.systemctl(['show', '-p', 'LoadState', legacy])).stdout.trim()).toBe(
      'LoadState=not-found',
    );
    const ourPid = await runningPid(site.id);
    expect(ourPid).not.toBe(legacyPid);
    const processes = await waitFor('only our worker', () => {
      const found = queueWorkProcessesIn(app.path);
      return found.length === 1 ? found : null;
    });
    // The legacy options came along: --sleep=1 --tries=5, but not the invalid --memory=1.
    expect(processes[0]).toMatchObject({ pid: ourPid });
    expect(processes[0]!.argv).toEqual(expect.arrayContaining(['--sleep=1', '--tries=5']));
    expect(processes[0]!.argv.some((arg) => arg.startsWith('--memory'))).toBe(false);
    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);
    expect(findingsOf(await core.health.scan(), 'legacy')).toEqual([]);
  });

  it('imports and migrates a broken legacy unit written for a hostile path', async () => {
    const app = await createLaravelFixture(join(root, 'hostile', HOSTILE_DIR_NAME));
    const legacy = legacyUnitName(app.path);
    // The original wrote the raw path: with spaces, quotes, $ and %h this unit cannot even load.
    await writeFile(join(manager.unitDir, legacy), legacyUnitText(HOSTILE_DIR_NAME, app.path));
    await mkdir(join(manager.unitDir, 'default.target.wants'), { recursive: true });
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);

    const [finding] = findingsOf(await core.health.scan(), 'legacy');
    expect(finding).toMatchObject({
      kind: 'legacy',
      siteId: null,
      actions: ['import-and-migrate', 'remove'],
      units: [legacy],
    });
    // The name holds spaces and quotes: the id is a hash the window can send back safely.
    expect(finding!.id).toMatch(/^legacy:h[0-9a-f]{16}$/);

    await core.health.apply(finding!.id, 'import-and-migrate');
    expect(existsSync(join(manager.unitDir, legacy))).toBe(false);
    const [site] = await core.listSites();
    expect(site).toMatchObject({ path: app.path, php: expect.stringContaining('php') });
    const pid = await runningPid(site!.id);
    expect(queueWorkProcessesIn(app.path).map((p) => p.pid)).toEqual([pid]);
    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);
  });

  it('removes a legacy unit whose directory is gone', async () => {
    const gone = join(root, 'gone-app');
    const legacy = legacyUnitName(gone);
    await writeFile(join(manager.unitDir, legacy), legacyUnitText('gone', gone));
    const [finding] = findingsOf(await core.health.scan(), 'legacy');
    expect(finding).toMatchObject({ actions: ['remove'], siteId: null });
    await expect(core.health.apply(finding!.id, 'migrate')).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
    await core.health.apply(finding!.id, 'remove');
    expect(existsSync(join(manager.unitDir, legacy))).toBe(false);
  });

  it("imports the original's Laravel sites from sites.json once, never touching the file", async () => {
    const [shop, blog] = await Promise.all([newApp('shop'), newApp('blog')]);
    const plain = join(root, 'plain-php');
    await mkdir(plain, { recursive: true });
    const sitesJson = join(core.paths.configDir, 'sites.json');
    const original = `${JSON.stringify(
      {
        sites: [
          {
            id: 1,
            name: 'Shop',
            path: shop.path,
            domain: 'shop.test',
            php_version: '8.2',
            site_type: 'laravel',
          },
          {
            id: 2,
            name: 'Blog',
            path: blog.path,
            domain: 'blog.test',
            php_version: '7.4',
            site_type: 'laravel',
          },
          {
            id: 3,
            name: 'Plain',
            path: plain,
            domain: 'plain.test',
            php_version: '8.2',
            site_type: 'php',
          },
          { id: 4, name: 'Gone', path: join(root, 'nowhere'), php_version: '8.2' },
          { id: 5, name: 'Broken' },
        ],
        tld: 'test',
        sites_path: root,
      },
      null,
      2,
    )}\n`;
    await mkdir(core.paths.configDir, { recursive: true });
    await writeFile(sitesJson, original);
    const [finding] = findingsOf(await core.health.scan(), 'import');
    expect(finding).toMatchObject({ id: 'import:sites.json', actions: ['import'] });
    expect(finding!.message).toContain('Shop, Blog');

    const outcome = await core.health.apply('import:sites.json', 'import');
    expect(outcome.message).toContain('Imported 2 site(s)');
    const sites = await core.listSites();
    expect(sites.map((s) => [s.name, s.path]).sort()).toEqual([
      ['Blog', blog.path],
      ['Shop', shop.path],
    ]);
    // php8.2 exists here; php7.4 does not, so Blog got the default PHP.
    expect(sites.find((s) => s.name === 'Shop')?.php).toMatch(/php8\.2$/);
    expect(await readFile(sitesJson, 'utf8')).toBe(original);
    // Idempotent: nothing left to import, and importing again changes nothing.
    expect(findingsOf(await core.health.scan(), 'import')).toEqual([]);
    await expect(core.health.apply('import:sites.json', 'import')).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
    expect(await core.listSites()).toHaveLength(2);
    await rm(sitesJson);
  });

  it('cleans what a killed process left (temp files, stale locks) at start, and never a live lock', async () => {
    const dead = 999_999_999;
    const configDir = core.paths.configDir;
    await mkdir(join(configDir, 'locks'), { recursive: true });
    const temp = join(configDir, '.registry.json.0123456789ab.tmp');
    const unitTemp = join(
      manager.unitDir,
      '.servermark-queue-x_abcd1234_default@.service.0123456789ab.tmp',
    );
    const staleLock = join(configDir, 'locks', 'site-abcd1234.lock');
    const liveLock = join(configDir, 'locks', 'site-live1234.lock');
    await writeFile(temp, '{"half":');
    await writeFile(unitTemp, '[Unit');
    await writeFile(staleLock, String(dead));
    await writeFile(liveLock, String(process.pid));

    const [leftover] = findingsOf(await core.health.scan(), 'leftover');
    expect(leftover).toMatchObject({ id: 'leftover:files', actions: ['clean'] });
    const reports: ReconcileReport[] = [];
    const watch = core.health.watch((report) => reports.push(report));
    try {
      await waitFor('the first report', () => reports.length > 0);
      expect(findingsOf(reports[0]!, 'leftover')).toEqual([]);
      for (const file of [temp, unitTemp, staleLock]) expect(existsSync(file)).toBe(false);
      expect(await readFile(liveLock, 'utf8')).toBe(String(process.pid));

      // A change made elsewhere (the CLI) is reconciled without asking.
      await writeFile(
        join(manager.unitDir, legacyUnitName('/srv/elsewhere')),
        legacyUnitText('x', '/srv/elsewhere'),
      );
      await waitFor('a report with the new legacy unit', () =>
        reports.some((r) => findingsOf(r, 'legacy').length === 1),
      );
    } finally {
      watch.stop();
      await rm(liveLock, { force: true });
      await rm(join(manager.unitDir, legacyUnitName('/srv/elsewhere')), { force: true });
    }
  });
});
