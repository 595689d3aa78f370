import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerMarkError } from '../../errors/serverMarkError';
import { inspectPhpBinary } from '../../php/phpBinaries';
import type { Registry } from '../../sites/registry';
import { resolveSite } from '../../sites/resolveSite';
import type { SiteRecord, WorkerRecord } from '../../sites/siteRecord';
import type { ListedUnit, Systemctl } from '../../systemd/systemctl';
import type { UnitFiles } from '../../units/unitFiles';
import { parseWorkerUnitName, WORKER_NAME_PATTERN, workerUnitNames } from '../../units/unitName';
import type { SiteStatus } from '../siteStatus';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../workerOptions';
import { optionSupport } from './optionSupport';
import { knownConnections, type QueueConfig } from './queueConfig';
import { readQueueConfig, workerBaseEnv, type AppBootOptions } from './queueConfigFromApp';
import {
  applyWorkerPatch,
  type FieldErrors,
  type WorkerOptionsPatch,
} from './validateWorkerOptions';
import { siteWorkerConfig, type SiteWorkerConfig } from './workerConfigView';

/** What saving a worker's settings did, or why nothing was saved (a message per field). */
export type WorkerChangeOutcome =
  | {
      ok: true;
      config: SiteWorkerConfig;
      status: SiteStatus;
      /** Instances restarted (or started) to pick up the change; empty when the worker is stopped. */
      restarted: string[];
      /** Instances stopped because the process count went down. */
      stopped: string[];
    }
  | { ok: false; errors: FieldErrors };

export interface WorkerConfigMethods {
  /** Every worker of a site with its options, what its Laravel supports, and the warnings. */
  workerConfig(ref: string): Promise<SiteWorkerConfig>;
  /** Validates, saves, and restarts the worker gracefully if it runs (or crash-loops). */
  configureWorker(
    ref: string,
    worker: string,
    patch: WorkerOptionsPatch,
  ): Promise<WorkerChangeOutcome>;
  /** A new named worker (defaults plus `patch`); started at once when the site's workers run. */
  addWorker(ref: string, worker: string, patch?: WorkerOptionsPatch): Promise<WorkerChangeOutcome>;
  /** Stops a worker (its current jobs finish) and deletes its units; a site keeps at least one. */
  removeWorker(ref: string, worker: string): Promise<SiteStatus>;
}

export interface WorkerConfigDependencies {
  registry: Registry;
  systemctl: Systemctl;
  unitFiles: UnitFiles;
  env: NodeJS.ProcessEnv;
  /** Runs `task` on the current record of the site, one operation per site at a time. */
  exclusive<T>(ref: string, task: (site: SiteRecord) => Promise<T>): Promise<T>;
  /** Writes the site's templates and enables exactly its configured instances. */
  writeUnits(site: SiteRecord): Promise<string[]>;
  /** Reads the site's state from systemd and tells every listener. */
  siteStatus(site: SiteRecord): Promise<SiteStatus>;
  readQueueConfig?(options: AppBootOptions): Promise<QueueConfig>;
}

// A loaded unit that is not inactive was started by someone: a change must reach it.
const engaged = (unit: ListedUnit) => unit.active !== 'inactive';
const alive = (unit: ListedUnit) => unit.active !== 'inactive' && unit.active !== 'failed';

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}

function findWorker(site: SiteRecord, name: string): WorkerRecord {
  const worker = site.workers.find((w) => w.name === name);
  if (!worker) {
    const names = site.workers.map((w) => w.name).join(', ');
    throw new ServerMarkError(
      'WORKER_NOT_FOUND',
      `${site.name} has no worker named "${name}" (it has: ${names}).`,
    );
  }
  return worker;
}

/** Why `name` cannot be a new worker of `site`, or null when it can. */
export function newWorkerNameProblem(site: SiteRecord, name: unknown): string | null {
  if (typeof name !== 'string' || !WORKER_NAME_PATTERN.test(name)) {
    return 'must be 1 to 32 lowercase letters, digits and inner dashes (e.g. emails)';
  }
  if (site.workers.some((w) => w.name === name)) {
    return `${site.name} already has a worker named "${name}"`;
  }
  return null;
}

export function createWorkerConfigMethods(deps: WorkerConfigDependencies): WorkerConfigMethods {
  const { registry, systemctl, unitFiles } = deps;
  const read = deps.readQueueConfig ?? readQueueConfig;
  const baseEnv = workerBaseEnv(deps.env);

  // The app reads its config under the worker's own environment, as the worker will.
  async function queueConfigsOf(site: SiteRecord): Promise<Map<string, QueueConfig>> {
    const byEnv = new Map<string, Promise<QueueConfig>>();
    const result = new Map<string, QueueConfig>();
    for (const worker of site.workers) {
      const env = { ...baseEnv, ...worker.options.env };
      const key = JSON.stringify(Object.entries(env).sort());
      if (!byEnv.has(key)) {
        byEnv.set(key, read({ sitePath: site.path, php: worker.options.php ?? site.php, env }));
      }
      result.set(worker.name, await byEnv.get(key)!);
    }
    return result;
  }

  async function validate(site: SiteRecord, current: WorkerOptions, patch: WorkerOptionsPatch) {
    const queueConfig = await read({
      sitePath: site.path,
      php: current.php ?? site.php,
      env: { ...baseEnv, ...current.env },
    });
    return applyWorkerPatch(current, patch, {
      support: optionSupport(site.laravelVersion),
      connections: knownConnections(queueConfig),
      checkPhp: async (path) => (await inspectPhpBinary(path)).path,
    });
  }

  const workerUnits = (site: SiteRecord, worker: string) =>
    systemctl.listUnits([`${workerUnitNames(site, worker, 0).prefix}@*`]);
  const siteUnits = (site: SiteRecord) => systemctl.listUnits([`servermark-queue-*_${site.id}_*`]);

  async function saveWorker(
    siteId: string,
    change: (site: SiteRecord) => void,
  ): Promise<SiteRecord> {
    return registry.update((file) => {
      const site = file.sites.find((s) => s.id === siteId);
      if (!site) throw new ServerMarkError('SITE_NOT_FOUND', 'The site was removed meanwhile.');
      change(site);
      return site;
    });
  }

  /** Brings a running worker in line with its saved options: new units, graceful restart. */
  async function applyToRunningWorker(site: SiteRecord, worker: string, before: ListedUnit[]) {
    const { options } = findWorker(site, worker);
    const wanted = workerUnitNames(site, worker, options.processes).instances;
    await deps.writeUnits(site);
    await systemctl.daemonReload();
    // Scaling down: stop the surplus instances (SIGTERM, the current job finishes); their
    // enablement links are already gone, so nothing brings them back.
    const surplus = before.filter(
      (u) => parseWorkerUnitName(u.unit)?.instance && !wanted.includes(u.unit),
    );
    await systemctl.stop(surplus.filter(alive).map((u) => u.unit));
    // A failed unit stays loaded and refuses to start until cleared.
    const failed = (await workerUnits(site, worker)).filter((u) => u.active === 'failed');
    await systemctl.resetFailed(failed.map((u) => u.unit));
    // restart = stop (graceful, within TimeoutStopSec) then start; it starts stopped ones too.
    await systemctl.restart(wanted);
    return { restarted: wanted, stopped: surplus.map((u) => u.unit) };
  }

  async function configAfterChange(site: SiteRecord) {
    return siteWorkerConfig(site, await queueConfigsOf(site));
  }

  return {
    async workerConfig(ref) {
      const site = await resolveSite((await registry.read()).sites, ref);
      return configAfterChange(site);
    },

    configureWorker: (ref, name, patch) =>
      deps.exclusive(ref, async (site): Promise<WorkerChangeOutcome> => {
        const worker = findWorker(site, name);
        const outcome = await validate(site, worker.options, patch);
        if (!outcome.ok) return outcome;
        const before = await workerUnits(site, name);
        const changed = Object.keys(patch) as Array<keyof WorkerOptions>;
        const saved = await saveWorker(site.id, (record) => {
          // Only the fields this change sets: another process may have saved others meanwhile.
          const fresh = findWorker(record, name);
          fresh.options = { ...fresh.options, ...pick(outcome.options, changed) };
        });
        const applied = before.some(engaged)
          ? await applyToRunningWorker(saved, name, before)
          : { restarted: [], stopped: [] };
        return {
          ok: true,
          config: await configAfterChange(saved),
          status: await deps.siteStatus(saved),
          ...applied,
        };
      }),

    addWorker: (ref, name, patch = {}) =>
      deps.exclusive(ref, async (site): Promise<WorkerChangeOutcome> => {
        const defaults: WorkerOptions = { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {} };
        const outcome = await validate(site, defaults, patch);
        const nameProblem = newWorkerNameProblem(site, name);
        if (nameProblem || !outcome.ok) {
          const errors = outcome.ok ? {} : outcome.errors;
          return { ok: false, errors: nameProblem ? { name: nameProblem, ...errors } : errors };
        }
        const siteRunning = (await siteUnits(site)).some(engaged);
        const saved = await saveWorker(site.id, (record) => {
          // Checked again under the lock: another process may have added it meanwhile.
          if (record.workers.some((w) => w.name === name)) {
            throw new ServerMarkError('INVALID_NAME', `A worker named "${name}" already exists.`);
          }
          record.workers.push({ name, options: outcome.options });
        });
        let restarted: string[] = [];
        if (siteRunning) {
          restarted = workerUnitNames(saved, name, outcome.options.processes).instances;
          await deps.writeUnits(saved);
          await systemctl.daemonReload();
          await systemctl.start(restarted);
        }
        return {
          ok: true,
          config: await configAfterChange(saved),
          status: await deps.siteStatus(saved),
          restarted,
          stopped: [],
        };
      }),

    removeWorker: (ref, name) =>
      deps.exclusive(ref, async (site) => {
        findWorker(site, name);
        const lastWorkerMessage = `"${name}" is the only worker of ${site.name}, and a site keeps at least one. Stop the site's workers instead, or remove the site.`;
        if (site.workers.length === 1) throw new ServerMarkError('LAST_WORKER', lastWorkerMessage);
        // Stop first (each current job finishes), then uninstall: never an orphan process.
        await systemctl.stop((await workerUnits(site, name)).filter(alive).map((u) => u.unit));
        const { template } = workerUnitNames(site, name, 0);
        await unitFiles.setEnabledInstances(template, []);
        await rm(join(unitFiles.unitDir, template), { force: true });
        await systemctl.daemonReload();
        const failed = (await workerUnits(site, name)).filter((u) => u.active === 'failed');
        await systemctl.resetFailed(failed.map((u) => u.unit));
        const saved = await saveWorker(site.id, (record) => {
          const rest = record.workers.filter((w) => w.name !== name);
          if (rest.length === 0) throw new ServerMarkError('LAST_WORKER', lastWorkerMessage);
          record.workers = rest;
        });
        return deps.siteStatus(saved);
      }),
  };
}
