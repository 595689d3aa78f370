import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_OPTIONS, queueWorkArguments } from '../workerOptions';
import { isAtLeast, parseLaravelVersion } from './laravelVersion';
import { optionSupport, queueWorkFlags } from './optionSupport';

describe('Laravel versions', () => {
  it('reads what composer.lock and artisan report', () => {
    expect(parseLaravelVersion('8.83.26')).toEqual([8, 83, 26]);
    expect(parseLaravelVersion('v10.1.0')).toEqual([10, 1, 0]);
    expect(parseLaravelVersion('11.27.0-beta1')).toEqual([11, 27, 0]);
    expect(parseLaravelVersion('11.x-dev')).toEqual([11, Infinity, Infinity]);
    for (const unknown of [null, '', 'dev-master', 'latest', 'x.1', '８.８３']) {
      expect(parseLaravelVersion(unknown)).toBeNull();
    }
  });

  it('compares releases part by part, not as text', () => {
    const at = (v: string, since: string) => isAtLeast(parseLaravelVersion(v)!, since);
    expect(at('8.31.9', '8.32')).toBe(false);
    expect(at('8.32.0', '8.32')).toBe(true);
    expect(at('8.100.0', '8.32')).toBe(true);
    expect(at('10.0.0', '8.32')).toBe(true);
    expect(at('11.26.9', '11.27')).toBe(false);
    expect(at('11.x-dev', '11.27')).toBe(true);
  });
});

describe('options by Laravel version', () => {
  it('8.31 has no --rest; 8.32 and 8.83 do', () => {
    expect(optionSupport('8.31.0').options.rest).toEqual({
      supported: false,
      since: '8.32',
      flag: '--rest',
    });
    expect(optionSupport('8.32.0').options.rest.supported).toBe(true);
    expect(optionSupport('8.83.26').options.rest.supported).toBe(true);
  });

  it('--json from 11.27; --max-jobs and --max-time from 8.0', () => {
    expect(optionSupport('11.26.0').options.json.supported).toBe(false);
    expect(optionSupport('11.27.0').options.json.supported).toBe(true);
    expect(optionSupport('7.30.6').options.maxJobs.supported).toBe(false);
    expect(optionSupport('7.30.6').options.maxTime.supported).toBe(false);
    expect(optionSupport('8.0.0').options.maxTime.supported).toBe(true);
  });

  it('backoff is --delay before 8.0 and --backoff from 8.0', () => {
    expect(optionSupport('7.30.6').options.backoff).toMatchObject({
      supported: true,
      flag: '--delay',
    });
    expect(optionSupport('8.0.0').options.backoff.flag).toBe('--backoff');
  });

  it('offers everything when the version is unknown, and says so', () => {
    const support = optionSupport(null);
    expect(support.versionKnown).toBe(false);
    expect(Object.values(support.options).every((o) => o.supported)).toBe(true);
  });

  it('leaves flags the version lacks out of the command, so the worker does not crash at start', () => {
    const options = {
      ...DEFAULT_WORKER_OPTIONS,
      backoff: 5,
      maxJobs: 100,
      rest: 2,
      json: true,
    };
    expect(queueWorkArguments(options, queueWorkFlags('7.30.6'))).toEqual([
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--delay=5',
    ]);
    expect(queueWorkArguments(options, queueWorkFlags('8.31.0'))).toEqual([
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--backoff=5',
      '--max-jobs=100',
      '--max-time=3600',
    ]);
    expect(queueWorkArguments(options, queueWorkFlags('11.27.0'))).toEqual([
      'queue:work',
      '--sleep=3',
      '--tries=3',
      '--timeout=60',
      '--backoff=5',
      '--max-jobs=100',
      '--max-time=3600',
      '--rest=2',
      '--json',
    ]);
  });
});
