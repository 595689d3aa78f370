import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_OPTIONS, queueWorkArguments, stopWaitSeconds } from './workerOptions';

describe('worker options', () => {
  it('defaults to what the original ran (--sleep=3 --tries=3 --max-time=3600) plus the timeout', () => {
    expect(queueWorkArguments(DEFAULT_WORKER_OPTIONS)).toEqual([
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--max-time=3600',
    ]);
  });

  it('cannot be changed through the shared defaults object', () => {
    expect(Object.isFrozen(DEFAULT_WORKER_OPTIONS)).toBe(true);
  });

  it('leaves out options at Laravel defaults and adds the rest in a stable order', () => {
    expect(
      queueWorkArguments({
        ...DEFAULT_WORKER_OPTIONS,
        connection: 'sqs',
        queues: ['emails'],
        memory: 512,
        backoff: 3,
        maxJobs: 1,
        maxTime: 0,
        rest: 1,
        force: true,
      }),
    ).toEqual([
      'queue:work',
      'sqs',
      '--queue=emails',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--memory=512',
      '--backoff=3',
      '--max-jobs=1',
      '--rest=1',
      '--force',
    ]);
  });

  it('waits longer than the job timeout before killing, unless told otherwise', () => {
    expect(stopWaitSeconds(DEFAULT_WORKER_OPTIONS)).toBe(70);
    for (const timeout of [0, 1, 60, 3600]) {
      expect(stopWaitSeconds({ ...DEFAULT_WORKER_OPTIONS, timeout })).toBeGreaterThan(timeout);
    }
    expect(stopWaitSeconds({ ...DEFAULT_WORKER_OPTIONS, stopWaitSeconds: 5 })).toBe(5);
  });
});
