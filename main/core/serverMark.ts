import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { ServerMarkError, toErrorView, type ErrorView } from './errors/serverMarkError';
import { startLiveStatus, type LiveStatus } from './live/liveStatus';
import { assertLaravelApp, detectLaravelVersion } from './laravel/laravelApp';
import { createHealth, type Health } from './health/health';
import { createWorkerLogs, type WorkerLogs } from './logs/workerLogs';
import { xdgPaths, type XdgPaths } from './paths/xdgPaths';
import { defaultPhpBinary, inspectPhpBinary } from './php/phpBinaries';
import { checkPhpBinary } from './php/knownPhpBinaries';
import { mapConcurrently } from './operations/mapConcurrently';
import { canonicalDirectory } from './sites/canonicalDirectory';
import { openRegistry, REGISTRY_FILE_NAME, type Registry } from './sites/registry';
import { openSettings, type SettingsStore } from './settings/settings';
import { findLaravelApps } from './sites/findLaravelApps';
import { resolveSite } from './sites/resolveSite';
import { defaultWorkers, type SiteRecord } from './sites/siteRecord';
import { siteNameFromDirectory, uniqueSiteName, validateSiteName } from './sites/siteName';
import { createSystemctl, type ListedUnit, type Systemctl } from './systemd/systemctl';
import { createPreferredUnitReader } from './systemd/preferredUnitReader';
import { systemctlUnitStateReader, type UnitStateReader } from './systemd/unitStateReader';
import { installSiteUnits, needsDaemonReload, type InstalledUnits } from './units/installSiteUnits';
import { renderSiteUnits } from './units/siteUnits';
import { openUnitFiles, type UnitFiles } from './units/unitFiles';
import { parseWorkerUnitName, UNIT_PREFIX } from './units/unitName';
import { withSiteLock, withSiteLocks } from './operations/siteLock';
import {
  createWorkerConfigMethods,
  type WorkerConfigMethods,
} from './workers/config/workerChanges';
import { KeyedQueue } from './workers/keyedQueue';
import { buildSiteStatuses, unitsToRead, type SiteStatus } from './workers/siteStatus';
import { UNIT_STATE_PROPERTIES, type StopReason } from './workers/workerState';

export interface AddSiteRequest {
  directory: string;
  name?: string;
  php?: string;
}

export interface ScanOutcome {
  added: SiteRecord[];
  skipped: Array<{ path: string; message: string }>;
}

export type StatusListener = (statuses: SiteStatus[]) => void;

/** The one core the window, the tray and the CLI all drive. */
export interface ServerMark extends WorkerConfigMethods {
  readonly paths: XdgPaths;
  readonly registry: Registry;
  readonly settings: SettingsStore;
  /** Each worker's output: read, follow and size-capped (docs/logs.md). */
  readonly logs: WorkerLogs;
  /** Preflight checks, reconcile (legacy, orphan, drifted units; imports) and registry recovery. */
  readonly health: Health;
  listSites(): Promise<SiteRecord[]>;
  resolveSite(ref: string): Promise<SiteRecord>;
  addSite(request: AddSiteRequest): Promise<SiteRecord>;
  /** Adds every Laravel app in a folder and the folders below it; known sites are skipped. */
  scanDirectory(directory: string): Promise<ScanOutcome>;
  removeSite(ref: string): Promise<SiteRecord>;
  startWorkers(ref: string): Promise<SiteStatus>;
  stopWorkers(ref: string): Promise<SiteStatus>;
  restartWorkers(ref: string): Promise<SiteStatus>;
  /** Reads every site's state from systemd (two calls in all, whatever the site count). */
  status(refs?: string[]): Promise<SiteStatus[]>;
  /** Every site at once, with one batched systemctl call; sites that cannot run are reported. */
  startAll(): Promise<BatchOutcome>;
  stopAll(): Promise<BatchOutcome>;
  restartAll(): Promise<BatchOutcome>;
  isBusy(siteId: string): boolean;
  onStatus(listener: StatusListener): () => void;
  /** Starts pushing every state change to onStatus listeners, whatever caused it. */
  startLive(onError?: (error: unknown) => void): Promise<LiveStatus>;
  close(): void;
}

export interface BatchOutcome {
  statuses: SiteStatus[];
  failures: Array<{ site: string; name: string; error: ErrorView }>;
}

export interface ServerMarkOptions {
  env?: NodeJS.ProcessEnv;
  systemctl?: Systemctl;
  /** How unit state is read; by default D-Bus, or the given systemctl when one is given. */
  unitReader?: UnitStateReader;
}

// Sites prepared at once by a batch (start all, restart all): enough to overlap file latency.
const PREPARE_CONCURRENCY = 8;

// A unit with a process (or about to have one) is active in the sense that matters to a stop.
function isActive(activeState: string): boolean {
  return activeState !== 'inactive' && activeState !== 'failed';
}

function newSiteId(taken: Set<string>): string {
  for (;;) {
    const id = [...randomBytes(8)]
      .map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36])
      .join('');
    if (!taken.has(id)) return id;
  }
}

export function createServerMark(options: ServerMarkOptions = {}): ServerMark {
  const env = options.env ?? process.env;
  const paths = xdgPaths(env);
  const registry = openRegistry(paths.configDir);
  const systemctl = options.systemctl ?? createSystemctl({ env });
  const unitReader =
    options.unitReader ??
    (options.systemctl
      ? systemctlUnitStateReader(options.systemctl)
      : createPreferredUnitReader({ env, systemctl }));
  const unitFiles: UnitFiles = openUnitFiles(paths.unitDir);
  const queue = new KeyedQueue();
  const listeners = new Set<StatusListener>();

  async function status(refs?: string[]): Promise<SiteStatus[]> {
    const all = (await registry.read()).sites;
    const sites = refs ? await Promise.all(refs.map((ref) => resolveSite(all, ref))) : all;
    const { listed, properties } = await unitReader.read(
      [`${UNIT_PREFIX}*`],
      (loaded) => unitsToRead(sites, loaded),
      UNIT_STATE_PROPERTIES,
    );
    const statuses = buildSiteStatuses(sites, listed, properties);
    rememberExits(statuses);
    return statuses;
  }

  let live: Promise<LiveStatus> | null = null;
  const lastExits = new Map<string, StopReason>();

  // systemd forgets an exit once the unit restarts: keep the last one so the window can say why.
  function rememberExits(statuses: SiteStatus[]): void {
    for (const unit of statuses.flatMap((s) => s.workers.flatMap((w) => w.units))) {
      if (unit.lastExit) lastExits.set(unit.unit, unit.lastExit);
      else if (unit.state === 'stopped') lastExits.delete(unit.unit);
      else unit.lastExit = lastExits.get(unit.unit) ?? null;
    }
  }
  const emit = (statuses: SiteStatus[]) => listeners.forEach((listener) => listener(statuses));

  // After any change we re-read systemd and tell every listener what is true now.
  async function publish(): Promise<void> {
    if (live) return (await live).refresh();
    if (listeners.size > 0) emit(await status());
  }

  // One batched call for many sites; a site that cannot run is reported, not fatal to the rest.
  async function batch(
    prepare: (site: SiteRecord, loaded: ListedUnit[]) => Promise<string[]>,
    act: (units: string[]) => Promise<void>,
  ): Promise<BatchOutcome> {
    const ids = (await registry.read()).sites.map((s) => s.id);
    return withSiteLocks(paths.configDir, ids, () => batchLocked(prepare, act));
  }

  async function batchLocked(
    prepare: (site: SiteRecord, loaded: ListedUnit[]) => Promise<string[]>,
    act: (units: string[]) => Promise<void>,
  ): Promise<BatchOutcome> {
    const sites = (await registry.read()).sites;
    const listed = await unitReader.listUnits([`${UNIT_PREFIX}*`]);
    const failures: BatchOutcome['failures'] = [];
    const units: string[] = [];
    // Each site is a dozen small file operations: a few sites at a time hide their latency.
    const prepared = await mapConcurrently(sites, PREPARE_CONCURRENCY, async (site) => {
      try {
        const loaded = listed.filter((u) => parseWorkerUnitName(u.unit)?.siteId === site.id);
        return { instances: await prepare(site, loaded) };
      } catch (error) {
        return { instances: [], failed: toErrorView(error) };
      }
    });
    prepared.forEach(({ instances, failed }, index) => {
      units.push(...instances);
      if (failed)
        failures.push({ site: sites[index]!.id, name: sites[index]!.name, error: failed });
    });
    await act(units);
    void publish().catch(() => undefined);
    return { statuses: await status(), failures };
  }

  async function siteStatus(site: SiteRecord): Promise<SiteStatus> {
    const [result] = await status([site.id]);
    void publish().catch(() => undefined);
    return result!;
  }

  async function assertRunnable(site: SiteRecord): Promise<void> {
    const dir = await stat(site.path).catch(() => null);
    if (!dir?.isDirectory()) {
      throw new ServerMarkError(
        'NOT_A_DIRECTORY',
        `The directory of ${site.name} (${site.path}) no longer exists. Restore it, or remove the site.`,
      );
    }
    await assertLaravelApp(site.path);
    const phps = new Set(site.workers.map((w) => w.options.php ?? site.php));
    for (const php of phps) await checkPhpBinary(php);
  }

  const logs = createWorkerLogs({
    logDir: paths.logDir,
    sites: async () => (await registry.read()).sites,
    maxBytes: async () => (await openSettings(paths.configDir).read()).logMaxBytes,
  });

  async function installUnits(site: SiteRecord): Promise<InstalledUnits> {
    // Render every unit before writing any: a value systemd cannot hold leaves nothing half-written.
    const rendered = renderSiteUnits(site, paths.logDir);
    await mkdir(paths.logDir, { recursive: true });
    // Nothing rotates systemd's append: files, so each (re)start is a moment to cap them.
    await logs.rotateSiteLogs(site.id);
    return installSiteUnits(unitFiles, rendered);
  }

  async function writeUnits(site: SiteRecord): Promise<string[]> {
    return (await installUnits(site)).instances;
  }

  // Unchanged files may still be newer than what systemd loaded (edited and put back by hand).
  async function reloadUnlessCurrent(changed: boolean, units: string[]): Promise<void> {
    const wanted = new Set(units);
    const loaded = changed
      ? null
      : await unitReader.read(
          [`${UNIT_PREFIX}*`],
          (listed) => listed.map((u) => u.unit).filter((u) => wanted.has(u)),
          ['NeedDaemonReload'],
        );
    if (!loaded || needsDaemonReload(loaded.properties)) await systemctl.daemonReload();
  }

  async function loadedSiteUnits(site: SiteRecord) {
    return unitReader.listUnits([`${UNIT_PREFIX}*_${site.id}_*`]);
  }

  async function start(site: SiteRecord): Promise<void> {
    await assertRunnable(site);
    const instances = await writeUnits(site);
    await systemctl.daemonReload();
    // A unit that hit its start limit refuses to start until the failure is cleared.
    const failed = (await loadedSiteUnits(site))
      .filter((u) => u.active === 'failed')
      .map((u) => u.unit);
    await systemctl.resetFailed(failed);
    await systemctl.start(instances);
  }

  async function stop(site: SiteRecord): Promise<void> {
    const loaded = await loadedSiteUnits(site);
    const running = loaded
      .filter((u) => u.active !== 'inactive' && u.active !== 'failed')
      .map((u) => u.unit);
    await systemctl.stop(running);
    await unitFiles.removeSiteUnits(site.id);
    await systemctl.daemonReload();
    const failed = (await loadedSiteUnits(site))
      .filter((u) => u.active === 'failed')
      .map((u) => u.unit);
    await systemctl.resetFailed(failed);
  }

  // Sites are resolved one call after another, so operations join a site's queue in the order
  // they were asked for (start, start, stop, start ends running), whatever the reads' timing.
  let resolving: Promise<unknown> = Promise.resolve();

  async function withSite<T>(ref: string, task: (site: SiteRecord) => Promise<T>): Promise<T> {
    const resolved = resolving.then(async () => resolveSite((await registry.read()).sites, ref));
    resolving = resolved.catch(() => undefined);
    const site = await resolved;
    // Re-read inside the queue: an earlier queued operation may have changed the site.
    // The file lock extends the queue to other processes (the CLI and the app).
    return queue.run(site.id, () =>
      withSiteLock(paths.configDir, site.id, async () => {
        const current = (await registry.read()).sites.find((s) => s.id === site.id);
        if (!current)
          throw new ServerMarkError('SITE_NOT_FOUND', `The site ${site.name} was removed.`);
        return task(current);
      }),
    );
  }

  const settings = openSettings(paths.configDir);
  const facade: ServerMark = {
    paths,
    registry,
    settings,
    logs,
    health: createHealth({
      env,
      paths,
      registry,
      settings,
      systemctl,
      unitFiles,
      core: () => facade,
    }),
    async listSites() {
      return (await registry.read()).sites;
    },
    async resolveSite(ref) {
      return resolveSite((await registry.read()).sites, ref);
    },
    async addSite(request) {
      const path = await canonicalDirectory(request.directory);
      await assertLaravelApp(path);
      // The user's chosen default PHP, else the first PHP on PATH.
      const preferredPhp = request.php ?? (await settings.read().catch(() => null))?.defaultPhp;
      const php = preferredPhp ? await inspectPhpBinary(preferredPhp) : await defaultPhpBinary(env);
      const laravelVersion = await detectLaravelVersion(path, php.path);
      const wanted = validateSiteName(request.name?.trim() || siteNameFromDirectory(path));
      const site = await registry.update((file) => {
        const existing = file.sites.find((s) => s.path === path);
        if (existing) {
          throw new ServerMarkError(
            'SITE_EXISTS',
            `${path} is already registered as "${existing.name}".`,
          );
        }
        if (request.name && file.sites.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
          throw new ServerMarkError(
            'SITE_EXISTS',
            `A site named "${wanted}" already exists: choose another name.`,
          );
        }
        const record: SiteRecord = {
          id: newSiteId(new Set(file.sites.map((s) => s.id))),
          name: uniqueSiteName(
            wanted,
            file.sites.map((s) => s.name),
          ),
          path,
          php: php.path,
          laravelVersion,
          addedAt: new Date().toISOString(),
          workers: defaultWorkers(),
        };
        file.sites.push(record);
        return record;
      });
      void publish().catch(() => undefined);
      return site;
    },
    async scanDirectory(directory) {
      const root = await canonicalDirectory(directory);
      const outcome: ScanOutcome = { added: [], skipped: [] };
      for (const path of await findLaravelApps(root)) {
        try {
          outcome.added.push(await facade.addSite({ directory: path }));
        } catch (error) {
          outcome.skipped.push({ path, message: toErrorView(error).message });
        }
      }
      return outcome;
    },
    async removeSite(ref) {
      const removed = await withSite(ref, async (site) => {
        // Stop and uninstall first: the original left orphan workers running forever.
        await stop(site);
        await registry.update((file) => {
          file.sites = file.sites.filter((s) => s.id !== site.id);
        });
        return site;
      });
      void publish().catch(() => undefined);
      return removed;
    },
    startWorkers: (ref) => withSite(ref, async (site) => (await start(site), siteStatus(site))),
    stopWorkers: (ref) => withSite(ref, async (site) => (await stop(site), siteStatus(site))),
    restartWorkers: (ref) =>
      withSite(ref, async (site) => {
        await assertRunnable(site);
        const instances = await writeUnits(site);
        await systemctl.daemonReload();
        await systemctl.restart(instances);
        return siteStatus(site);
      }),
    status,
    startAll: () => {
      let filesChanged = false;
      return batch(
        async (site) => {
          await assertRunnable(site);
          const installed = await installUnits(site);
          filesChanged ||= installed.changed;
          return installed.instances;
        },
        async (units) => {
          await reloadUnlessCurrent(filesChanged, units);
          const failed = (await unitReader.listUnits([`${UNIT_PREFIX}*`])).filter(
            (u) => u.active === 'failed',
          );
          await systemctl.resetFailed(failed.map((u) => u.unit).filter((u) => units.includes(u)));
          await systemctl.start(units);
        },
      );
    },
    stopAll: () =>
      batch(
        async (_site, loaded) => loaded.filter((u) => isActive(u.active)).map((u) => u.unit),
        async (units) => {
          await systemctl.stop(units);
          for (const site of (await registry.read()).sites)
            await unitFiles.removeSiteUnits(site.id);
          await systemctl.daemonReload();
          const failed = (await unitReader.listUnits([`${UNIT_PREFIX}*`])).filter(
            (u) => u.active === 'failed',
          );
          await systemctl.resetFailed(failed.map((u) => u.unit));
        },
      ),
    restartAll: () =>
      batch(
        // Restart what runs (as after a deploy); stopped sites stay stopped.
        async (site, loaded) => {
          if (!loaded.some((u) => isActive(u.active))) return [];
          await assertRunnable(site);
          return writeUnits(site);
        },
        async (units) => {
          await systemctl.daemonReload();
          await systemctl.restart(units);
        },
      ),
    // Worker settings, extra workers and scaling live in workers/config/ (issue 4).
    ...createWorkerConfigMethods({
      registry,
      systemctl,
      unitFiles,
      env,
      exclusive: withSite,
      writeUnits,
      siteStatus,
    }),
    isBusy: (siteId) => queue.isBusy(siteId),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    startLive(onError) {
      live ??= startLiveStatus({
        env,
        unitPrefix: UNIT_PREFIX,
        read: () => status(),
        emit,
        onError,
        watchDir: paths.configDir,
        watchFile: REGISTRY_FILE_NAME,
      });
      return live;
    },
    close() {
      void live?.then((l) => l.stop());
      live = null;
      listeners.clear();
      unitReader.close();
    },
  };
  return facade;
}
