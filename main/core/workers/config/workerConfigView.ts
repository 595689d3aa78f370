import type { SiteRecord, WorkerRecord } from '../../sites/siteRecord';
import { queueWorkArguments, stopWaitSeconds, type WorkerOptions } from '../workerOptions';
import { NUMBER_LIMITS, type NumberLimit, type NumericField } from './optionLimits';
import { optionSupport, queueWorkFlags, type SiteOptionSupport } from './optionSupport';
import { connectionOf, type QueueConfig } from './queueConfig';
import { workerWarnings, type WorkerWarning } from './workerWarnings';

/** The connection a worker takes its jobs from, as far as the app's config tells. */
export interface WorkerConnectionView {
  /** Its name: the worker's own, else the app's default; null when neither is known. */
  name: string | null;
  /** True when the worker has no connection of its own and follows the app's default. */
  isAppDefault: boolean;
  driver: string | null;
  /** retry_after in seconds; null when unknown or when the driver has none (SQS). */
  retryAfter: number | null;
  /** The queue the worker works when its queue list is empty. */
  defaultQueue: string | null;
}

/** One worker as the form and `worker config --show` present it. */
export interface WorkerConfigView {
  name: string;
  options: WorkerOptions;
  /** TimeoutStopSec as written to the unit: the stop wait, else timeout + 10 s. */
  effectiveStopWaitSeconds: number;
  connection: WorkerConnectionView;
  /** The exact command each process runs, with the flags this site's Laravel accepts. */
  command: string[];
  warnings: WorkerWarning[];
}

/** Everything needed to edit a site's workers: options, what the version allows, the traps. */
export interface SiteWorkerConfig {
  site: string;
  name: string;
  support: SiteOptionSupport;
  /** The queue config read for the first worker (workers with their own env may differ). */
  queueConfig: QueueConfig;
  limits: Readonly<Record<NumericField, NumberLimit>>;
  workers: WorkerConfigView[];
}

export function workerConfigView(
  site: SiteRecord,
  worker: WorkerRecord,
  queueConfig: QueueConfig,
): WorkerConfigView {
  const { options } = worker;
  const support = optionSupport(site.laravelVersion);
  const connection = connectionOf(queueConfig, options.connection);
  const php = options.php ?? site.php;
  return {
    name: worker.name,
    options,
    effectiveStopWaitSeconds: stopWaitSeconds(options),
    connection: {
      name: options.connection ?? queueConfig.defaultConnection,
      isAppDefault: options.connection === null,
      driver: connection?.driver ?? null,
      retryAfter: connection?.retryAfter ?? null,
      defaultQueue: connection?.queue ?? null,
    },
    command: [php, 'artisan', ...queueWorkArguments(options, queueWorkFlags(site.laravelVersion))],
    warnings: workerWarnings(options, { support, queueConfig }),
  };
}

export function siteWorkerConfig(
  site: SiteRecord,
  queueConfigs: ReadonlyMap<string, QueueConfig>,
): SiteWorkerConfig {
  const configOf = (worker: WorkerRecord) => queueConfigs.get(worker.name)!;
  return {
    site: site.id,
    name: site.name,
    support: optionSupport(site.laravelVersion),
    queueConfig: configOf(site.workers[0]!),
    limits: NUMBER_LIMITS,
    workers: site.workers.map((worker) => workerConfigView(site, worker, configOf(worker))),
  };
}
