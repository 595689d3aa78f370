import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../workerOptions';
import { optionSupport } from './optionSupport';
import { NO_QUEUE_CONFIG, type QueueConfig } from './queueConfig';
import { queueConfigFromFile } from './queueConfigFromFile';
import { workerWarnings, type WarningCode } from './workerWarnings';

const FIXTURE = fileURLToPath(new URL('../../../testing/laravel-fixture/', import.meta.url));
const fixtureConfig = await queueConfigFromFile(FIXTURE);

const options = (overrides: Partial<WorkerOptions> = {}): WorkerOptions => ({
  ...DEFAULT_WORKER_OPTIONS,
  queues: [],
  env: {},
  ...overrides,
});

function codes(
  worker: WorkerOptions,
  queueConfig: QueueConfig = fixtureConfig,
  version: string | null = '8.83.26',
): WarningCode[] {
  return workerWarnings(worker, { support: optionSupport(version), queueConfig }).map(
    (w) => w.code,
  );
}

describe('worker warnings', () => {
  it('the defaults are clean on the fixture app (timeout 60 < retry_after 90)', () => {
    expect(fixtureConfig.connections[0]?.retryAfter).toBe(90);
    expect(codes(options())).toEqual([]);
  });

  it('warns when the timeout is not below the fixture connection retry_after of 90', () => {
    expect(codes(options({ timeout: 89 }))).toEqual([]);
    expect(codes(options({ timeout: 90 }))).toEqual(['TIMEOUT_NOT_BELOW_RETRY_AFTER']);
    const [warning] = workerWarnings(options({ timeout: 120 }), {
      support: optionSupport('8.83.26'),
      queueConfig: fixtureConfig,
    });
    expect(warning).toMatchObject({ field: 'timeout' });
    expect(warning?.message).toContain('retry_after (90 s on "database")');
    expect(warning?.message).toContain('runs twice');
    expect(codes(options({ timeout: 0 }))).toEqual(['NO_TIMEOUT_WITH_RETRY_AFTER']);
  });

  it('cannot warn about retry_after when the config is unknown, or the driver has none', () => {
    expect(codes(options({ timeout: 500 }), NO_QUEUE_CONFIG)).toEqual([]);
    const sqs: QueueConfig = {
      ...fixtureConfig,
      defaultConnection: 'sqs',
      connections: [{ name: 'sqs', driver: 'sqs', retryAfter: null, queue: 'default' }],
    };
    expect(codes(options({ timeout: 500 }), sqs)).toEqual([]);
  });

  it('warns when the stop wait does not exceed the timeout, only when set by hand', () => {
    expect(codes(options({ stopWaitSeconds: 60 }))).toEqual(['STOP_WAIT_NOT_ABOVE_TIMEOUT']);
    expect(codes(options({ stopWaitSeconds: 61 }))).toEqual([]);
    expect(codes(options({ stopWaitSeconds: null, timeout: 80 }))).toEqual([]);
  });

  it('warns about many processes, tiny memory limits and endless tries', () => {
    expect(codes(options({ processes: 16 }))).toEqual([]);
    expect(codes(options({ processes: 17 }))).toEqual(['MANY_PROCESSES']);
    expect(codes(options({ memory: 16 }))).toEqual(['LOW_MEMORY']);
    expect(codes(options({ tries: 0 }))).toEqual(['UNLIMITED_TRIES']);
  });

  it('warns when the worker uses a sync connection or one the app does not have', () => {
    const sync: QueueConfig = {
      ...fixtureConfig,
      defaultConnection: 'sync',
      connections: [
        ...fixtureConfig.connections,
        { name: 'sync', driver: 'sync', retryAfter: null, queue: null },
      ],
    };
    expect(codes(options(), sync)).toEqual(['SYNC_CONNECTION']);
    expect(codes(options({ connection: 'redis' }))).toEqual(['UNKNOWN_CONNECTION']);
  });

  it('says which stored options the site\u2019s Laravel ignores, and when it cannot know', () => {
    expect(codes(options({ rest: 3 }), fixtureConfig, '8.31.0')).toEqual([
      'IGNORED_BY_LARAVEL_VERSION',
    ]);
    expect(codes(options({ rest: 3 }), fixtureConfig, '8.83.26')).toEqual([]);
    expect(codes(options(), fixtureConfig, '7.30.6')).toEqual(['IGNORED_BY_LARAVEL_VERSION']);
    expect(codes(options(), fixtureConfig, null)).toEqual(['LARAVEL_VERSION_UNKNOWN']);
  });
});
