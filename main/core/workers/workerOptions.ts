/** Everything a worker runs with; the registry stores it, unit files are derived from it. */
export interface WorkerOptions {
  /** Queue connection name; null uses the app's default connection. */
  connection: string | null;
  /** Queues in priority order; empty uses the connection's default queue. */
  queues: string[];
  sleep: number;
  tries: number;
  timeout: number;
  backoff: number;
  memory: number;
  maxJobs: number;
  maxTime: number;
  rest: number;
  force: boolean;
  /** `--json` (Laravel 11.27+): one JSON object per line instead of the Processing/Processed text. */
  json: boolean;
  processes: number;
  /** systemd TimeoutStopSec; null means timeout + 10 s so the current job can finish. */
  stopWaitSeconds: number | null;
  env: Record<string, string>;
  /** PHP binary for this worker; null uses the site's PHP. */
  php: string | null;
}

// The original ServerMark ran `--sleep=3 --tries=3 --max-time=3600`; the rest are Laravel's defaults.
export const DEFAULT_WORKER_OPTIONS: WorkerOptions = Object.freeze({
  connection: null,
  queues: [],
  sleep: 3,
  tries: 3,
  timeout: 60,
  backoff: 0,
  memory: 128,
  maxJobs: 0,
  maxTime: 3600,
  rest: 0,
  force: false,
  json: false,
  processes: 1,
  stopWaitSeconds: null,
  env: {},
  php: null,
}) as WorkerOptions;

export const DEFAULT_WORKER_NAME = 'default';

export function stopWaitSeconds(options: WorkerOptions): number {
  return options.stopWaitSeconds ?? options.timeout + 10;
}

/** What the site's Laravel accepts; without it every flag is assumed to exist. */
export interface QueueWorkFlags {
  /** `--backoff` from Laravel 8.0, `--delay` before. */
  backoffFlag: '--backoff' | '--delay';
  supports(field: 'maxJobs' | 'maxTime' | 'rest' | 'json'): boolean;
}

const EVERY_FLAG: QueueWorkFlags = { backoffFlag: '--backoff', supports: () => true };

/**
 * The `artisan queue:work …` arguments, in a stable order. Flags the site's Laravel lacks are
 * left out: an unknown option makes queue:work exit at once, which would be a crash loop.
 */
export function queueWorkArguments(
  options: WorkerOptions,
  flags: QueueWorkFlags = EVERY_FLAG,
): string[] {
  const args = ['queue:work'];
  if (options.connection) args.push(options.connection);
  if (options.queues.length > 0) args.push(`--queue=${options.queues.join(',')}`);
  args.push(`--sleep=${options.sleep}`, `--tries=${options.tries}`);
  args.push(`--timeout=${options.timeout}`);
  if (options.memory !== 128) args.push(`--memory=${options.memory}`);
  if (options.backoff > 0) args.push(`${flags.backoffFlag}=${options.backoff}`);
  if (options.maxJobs > 0 && flags.supports('maxJobs')) args.push(`--max-jobs=${options.maxJobs}`);
  if (options.maxTime > 0 && flags.supports('maxTime')) args.push(`--max-time=${options.maxTime}`);
  if (options.rest > 0 && flags.supports('rest')) args.push(`--rest=${options.rest}`);
  if (options.force) args.push('--force');
  if (options.json && flags.supports('json')) args.push('--json');
  return args;
}
