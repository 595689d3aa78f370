import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../../core/workers/workerOptions';
import { parseSettingArguments, settingKeyOf } from './settingArguments';

const current: WorkerOptions = {
  ...DEFAULT_WORKER_OPTIONS,
  queues: ['old'],
  env: { KEEP: '1', DROP: '2' },
  rest: 5,
};

describe('--set and --unset arguments', () => {
  it('maps every form key to its option, splitting queues and reading numbers and booleans', () => {
    const { patch, errors } = parseSettingArguments(
      [
        'connection=redis',
        'queue=emails, default',
        'sleep=0',
        'tries=5',
        'timeout=120',
        'backoff=10',
        'memory=256',
        'max-jobs=100',
        'max-time=600',
        'rest=1',
        'force=yes',
        'json=off',
        'processes=3',
        'stop-wait=150',
        'php=/usr/bin/php8.3',
        'env.APP_ENV=local',
        'env.EMPTY=',
        'env.WITH_EQUALS=a=b',
      ],
      [],
      current,
    );
    expect(errors).toEqual({});
    expect(patch).toEqual({
      connection: 'redis',
      queues: ['emails', 'default'],
      sleep: 0,
      tries: 5,
      timeout: 120,
      backoff: 10,
      memory: 256,
      maxJobs: 100,
      maxTime: 600,
      rest: 1,
      force: true,
      json: false,
      processes: 3,
      stopWaitSeconds: 150,
      php: '/usr/bin/php8.3',
      env: { KEEP: '1', DROP: '2', APP_ENV: 'local', EMPTY: '', WITH_EQUALS: 'a=b' },
    });
  });

  it('passes anything that is not plain digits to the core as text, so the core refuses it', () => {
    const { patch } = parseSettingArguments(
      ['sleep=1e3', 'tries=-1', 'timeout=', 'memory= 64', 'rest=٣', 'force=maybe'],
      [],
      current,
    );
    expect(patch).toEqual({
      sleep: '1e3',
      tries: '-1',
      timeout: '',
      memory: ' 64',
      rest: '٣',
      force: 'maybe',
    });
  });

  it('empty values mean the defaults that are null or empty', () => {
    const { patch } = parseSettingArguments(
      ['connection=', 'queue=', 'php=site', 'stop-wait=auto'],
      [],
      current,
    );
    expect(patch).toEqual({ connection: null, queues: [], php: null, stopWaitSeconds: null });
  });

  it('--unset puts options back to their defaults and removes variables', () => {
    expect(parseSettingArguments([], ['rest', 'queue', 'env.DROP'], current).patch).toEqual({
      rest: 0,
      queues: [],
      env: { KEEP: '1' },
    });
    expect(parseSettingArguments([], ['env'], current).patch).toEqual({ env: {} });
  });

  it('keeps a "__proto__" variable as a name (for the core to refuse), never as a prototype', () => {
    const { patch } = parseSettingArguments(['env.__proto__=x'], [], current);
    expect(Object.keys(patch.env as object)).toContain('__proto__');
    expect(Object.getPrototypeOf(patch.env)).toBe(Object.prototype);
  });

  it('reports malformed arguments and unknown keys by the key typed', () => {
    const { errors } = parseSettingArguments(['timeout', 'bogus=1', 'env=A=1'], ['nope'], current);
    expect(Object.keys(errors).sort()).toEqual(['bogus', 'env', 'nope', 'timeout']);
    expect(errors.timeout).toContain('key=value');
    expect(errors.bogus).toContain('queue');
  });

  it('accepts the core option names too, and reports fields under the CLI key', () => {
    expect(parseSettingArguments(['maxJobs=3', 'queues=a'], [], current).patch).toEqual({
      maxJobs: 3,
      queues: ['a'],
    });
    expect(settingKeyOf('queues')).toBe('queue');
    expect(settingKeyOf('stopWaitSeconds')).toBe('stop-wait');
    expect(settingKeyOf('env.A')).toBe('env.A');
    expect(settingKeyOf('name')).toBe('name');
  });
});
