// Worker configuration for the fake core: the real validation, views and warnings over the
// in-memory sites, with a fixed queue config, so CLI tests exercise true messages without systemd.
import { ServerMarkError } from '../../core/errors/serverMarkError';
import { resolveSite } from '../../core/sites/resolveSite';
import type { SiteRecord } from '../../core/sites/siteRecord';
import { optionSupport } from '../../core/workers/config/optionSupport';
import { knownConnections, type QueueConfig } from '../../core/workers/config/queueConfig';
import { applyWorkerPatch } from '../../core/workers/config/validateWorkerOptions';
import {
  newWorkerNameProblem,
  type WorkerConfigMethods,
} from '../../core/workers/config/workerChanges';
import { siteWorkerConfig } from '../../core/workers/config/workerConfigView';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../../core/workers/workerOptions';
import type { SiteStatus } from '../../core/workers/siteStatus';

export const FAKE_QUEUE_CONFIG: QueueConfig = {
  source: 'app',
  defaultConnection: 'database',
  connections: [{ name: 'database', driver: 'database', retryAfter: 90, queue: 'default' }],
  problem: null,
};

export const FAKE_PHP = '/usr/bin/php8.2';

export interface FakeWorkerConfigHost {
  sites: SiteRecord[];
  calls: string[];
  status(refs?: string[]): Promise<SiteStatus[]>;
}

export function fakeWorkerConfigMethods(host: () => FakeWorkerConfigHost): WorkerConfigMethods {
  const configOf = (site: SiteRecord) =>
    siteWorkerConfig(site, new Map(site.workers.map((w) => [w.name, FAKE_QUEUE_CONFIG])));
  const validate = (site: SiteRecord, current: WorkerOptions, patch: object) =>
    applyWorkerPatch(current, patch, {
      support: optionSupport(site.laravelVersion),
      connections: knownConnections(FAKE_QUEUE_CONFIG),
      checkPhp: async (path) => {
        if (path === FAKE_PHP) return path;
        throw new ServerMarkError('PHP_NOT_FOUND', `PHP binary ${path} does not exist.`);
      },
    });
  const site = (ref: string) => resolveSite(host().sites, ref);
  const statusOf = async (record: SiteRecord) => (await host().status([record.id]))[0]!;

  return {
    async workerConfig(ref) {
      host().calls.push(`workerConfig ${ref}`);
      return configOf(await site(ref));
    },
    async configureWorker(ref, name, patch) {
      host().calls.push(`configureWorker ${ref} ${name} ${JSON.stringify(patch)}`);
      const record = await site(ref);
      const worker = record.workers.find((w) => w.name === name);
      if (!worker) throw new ServerMarkError('WORKER_NOT_FOUND', `No worker named "${name}".`);
      const outcome = await validate(record, worker.options, patch);
      if (!outcome.ok) return outcome;
      worker.options = outcome.options;
      return {
        ok: true,
        config: configOf(record),
        status: await statusOf(record),
        restarted: [],
        stopped: [],
      };
    },
    async addWorker(ref, name, patch = {}) {
      host().calls.push(`addWorker ${ref} ${name} ${JSON.stringify(patch)}`);
      const record = await site(ref);
      const defaults = { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {} };
      const outcome = await validate(record, defaults, patch);
      const nameProblem = newWorkerNameProblem(record, name);
      if (nameProblem) return { ok: false, errors: { name: nameProblem } };
      if (!outcome.ok) return outcome;
      record.workers.push({ name, options: outcome.options });
      return {
        ok: true,
        config: configOf(record),
        status: await statusOf(record),
        restarted: [],
        stopped: [],
      };
    },
    async removeWorker(ref, name) {
      host().calls.push(`removeWorker ${ref} ${name}`);
      const record = await site(ref);
      if (!record.workers.some((w) => w.name === name)) {
        throw new ServerMarkError('WORKER_NOT_FOUND', `No worker named "${name}".`);
      }
      if (record.workers.length === 1) {
        throw new ServerMarkError('LAST_WORKER', `"${name}" is the only worker of ${record.name}.`);
      }
      record.workers = record.workers.filter((w) => w.name !== name);
      return statusOf(record);
    },
  };
}
