import type {
  NumberLimit,
  NumericField,
  SiteOptionSupport,
  SiteWorkerConfig,
  WorkerConfigView,
  WorkerField,
  WorkerOptions,
  WorkerWarning,
} from '../../../../main/ipc/contract';

// What main answers for a Laravel 8.83 app on the database queue (as `worker config --show` prints).
const SINCE: Partial<Record<WorkerField, string>> = {
  maxJobs: '8.0',
  maxTime: '8.0',
  rest: '8.32',
  json: '11.27',
};

const FIELDS: WorkerField[] = [
  'connection',
  'queues',
  'sleep',
  'tries',
  'timeout',
  'backoff',
  'memory',
  'maxJobs',
  'maxTime',
  'rest',
  'force',
  'json',
  'processes',
  'stopWaitSeconds',
  'env',
  'php',
];

function versionAtLeast(version: string, since: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = since.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

export function fakeSupport(laravelVersion: string): SiteOptionSupport {
  const options = {} as SiteOptionSupport['options'];
  for (const field of FIELDS) {
    const since = SINCE[field] ?? null;
    options[field] = {
      supported: since === null || versionAtLeast(laravelVersion, since),
      since,
      flag: `--${field}`,
    };
  }
  return { laravelVersion, versionKnown: true, options };
}

export const FAKE_LIMITS: Record<NumericField, NumberLimit> = {
  sleep: { min: 0, max: 3600, unit: 'seconds', zeroMeans: 'poll again at once' },
  tries: { min: 0, max: 1000, unit: 'attempts', zeroMeans: 'retry forever' },
  timeout: { min: 0, max: 86_400, unit: 'seconds', zeroMeans: 'no time limit per job' },
  backoff: { min: 0, max: 86_400, unit: 'seconds', zeroMeans: 'retry at once' },
  memory: { min: 16, max: 65_536, unit: 'MB', zeroMeans: null },
  maxJobs: { min: 0, max: 1_000_000, unit: 'jobs', zeroMeans: 'no limit' },
  maxTime: { min: 0, max: 604_800, unit: 'seconds', zeroMeans: 'no limit' },
  rest: { min: 0, max: 3600, unit: 'seconds', zeroMeans: 'no rest' },
  processes: { min: 1, max: 64, unit: 'processes', zeroMeans: null },
  stopWaitSeconds: { min: 1, max: 172_800, unit: 'seconds', zeroMeans: null },
};

export function fakeOptions(overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
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
    ...overrides,
  };
}

export function fakeWorker(
  name: string,
  options: WorkerOptions = fakeOptions(),
  warnings: WorkerWarning[] = [],
): WorkerConfigView {
  return {
    name,
    options,
    effectiveStopWaitSeconds: options.stopWaitSeconds ?? options.timeout + 10,
    connection: {
      name: options.connection ?? 'database',
      isAppDefault: options.connection === null,
      driver: 'database',
      retryAfter: 90,
      defaultQueue: 'default',
    },
    command: [
      '/usr/bin/php8.2',
      'artisan',
      'queue:work',
      ...(options.queues.length > 0 ? [`--queue=${options.queues.join(',')}`] : []),
      `--sleep=${options.sleep}`,
      `--tries=${options.tries}`,
      `--timeout=${options.timeout}`,
    ],
    warnings,
  };
}

export function fakeSiteWorkerConfig(
  site: string,
  name: string,
  workers: WorkerConfigView[] = [fakeWorker('default')],
  laravelVersion = '8.83.26',
): SiteWorkerConfig {
  return {
    site,
    name,
    support: fakeSupport(laravelVersion),
    queueConfig: {
      source: 'app',
      defaultConnection: 'database',
      connections: [
        { name: 'database', driver: 'database', retryAfter: 90, queue: 'default' },
        { name: 'redis', driver: 'redis', retryAfter: 90, queue: 'default' },
      ],
      problem: null,
    },
    limits: FAKE_LIMITS,
    workers,
  };
}
