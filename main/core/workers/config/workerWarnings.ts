import { stopWaitSeconds, type WorkerOptions } from '../workerOptions';
import { LOW_MEMORY_MB, MANY_PROCESSES } from './optionLimits';
import { needsFlag, type SiteOptionSupport, type WorkerField } from './optionSupport';
import { connectionOf, type QueueConfig } from './queueConfig';

export type WarningCode =
  | 'TIMEOUT_NOT_BELOW_RETRY_AFTER'
  | 'NO_TIMEOUT_WITH_RETRY_AFTER'
  | 'STOP_WAIT_NOT_ABOVE_TIMEOUT'
  | 'MANY_PROCESSES'
  | 'LOW_MEMORY'
  | 'UNLIMITED_TRIES'
  | 'SYNC_CONNECTION'
  | 'UNKNOWN_CONNECTION'
  | 'IGNORED_BY_LARAVEL_VERSION'
  | 'LARAVEL_VERSION_UNKNOWN';

/** A setting that is allowed but known to cause trouble; shown beside its field, never blocking. */
export interface WorkerWarning {
  code: WarningCode;
  /** The option it is about, or null for the worker as a whole. */
  field: WorkerField | null;
  message: string;
}

export interface WarningContext {
  support: SiteOptionSupport;
  queueConfig: QueueConfig;
}

const VERSIONED: readonly WorkerField[] = ['maxJobs', 'maxTime', 'rest', 'json'];

/** Every known trap in these options, for this app's Laravel version and queue config. */
export function workerWarnings(options: WorkerOptions, context: WarningContext): WorkerWarning[] {
  const warnings: WorkerWarning[] = [];
  const add = (code: WarningCode, field: WorkerField | null, message: string) =>
    warnings.push({ code, field, message });
  const { support, queueConfig } = context;

  if (!support.versionKnown) {
    add(
      'LARAVEL_VERSION_UNKNOWN',
      null,
      "This site's Laravel version is unknown, so ServerMark cannot check which queue:work options it has. An option it lacks makes the worker exit at start.",
    );
  }
  for (const field of VERSIONED) {
    const { supported, since, flag } = support.options[field];
    if (!supported && needsFlag(field, options)) {
      add(
        'IGNORED_BY_LARAVEL_VERSION',
        field,
        `Ignored: ${flag} needs Laravel ${since} or later and this site runs Laravel ${support.laravelVersion}, so the worker runs without it.`,
      );
    }
  }

  const connectionName = options.connection ?? queueConfig.defaultConnection;
  const connection = connectionOf(queueConfig, options.connection);
  if (queueConfig.source !== 'none' && options.connection !== null && !connection) {
    add(
      'UNKNOWN_CONNECTION',
      'connection',
      `The app's config/queue.php has no connection named "${options.connection}": the worker will fail at start.`,
    );
  }
  if (connection && (connection.driver === 'sync' || connection.driver === 'null')) {
    add(
      'SYNC_CONNECTION',
      'connection',
      `Connection "${connection.name}" uses the ${connection.driver} driver: jobs never wait in a queue, so this worker has nothing to do. Set QUEUE_CONNECTION (e.g. database or redis) in the app's .env, or choose another connection.`,
    );
  }
  const retryAfter = connection?.retryAfter ?? null;
  if (retryAfter !== null && options.timeout === 0) {
    add(
      'NO_TIMEOUT_WITH_RETRY_AFTER',
      'timeout',
      `No timeout: a job still running after retry_after (${retryAfter} s on "${connectionName}") is handed to another worker and runs twice. Set a timeout a few seconds below ${retryAfter}.`,
    );
  } else if (retryAfter !== null && options.timeout >= retryAfter) {
    add(
      'TIMEOUT_NOT_BELOW_RETRY_AFTER',
      'timeout',
      `The timeout (${options.timeout} s) is not below retry_after (${retryAfter} s on "${connectionName}"): a job still running after ${retryAfter} s is handed to another worker and runs twice. Set the timeout a few seconds below ${retryAfter}, or raise retry_after in config/queue.php.`,
    );
  }
  const stopWait = stopWaitSeconds(options);
  if (options.stopWaitSeconds !== null && options.timeout > 0 && stopWait <= options.timeout) {
    add(
      'STOP_WAIT_NOT_ABOVE_TIMEOUT',
      'stopWaitSeconds',
      `The stop wait (${stopWait} s) is not above the timeout (${options.timeout} s): on stop or restart, systemd kills a job that may legitimately run up to ${options.timeout} s. Leave it empty (timeout + 10 s) or set it above ${options.timeout}.`,
    );
  }
  if (options.processes > MANY_PROCESSES) {
    add(
      'MANY_PROCESSES',
      'processes',
      `${options.processes} processes each load the whole app (often 30–100 MB each): more than ${MANY_PROCESSES} rarely helps on a development machine.`,
    );
  }
  if (options.memory < LOW_MEMORY_MB) {
    add(
      'LOW_MEMORY',
      'memory',
      `${options.memory} MB is below what most apps use once booted: the worker would exit (code 12) after every job and be restarted again and again.`,
    );
  }
  if (options.tries === 0) {
    add(
      'UNLIMITED_TRIES',
      'tries',
      'Tries 0 means unlimited attempts: a job that always fails is retried forever and never reaches failed_jobs (unless the job class sets its own $tries).',
    );
  }
  return warnings;
}
