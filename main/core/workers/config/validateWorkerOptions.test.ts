import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../../errors/serverMarkError';
import { DEFAULT_WORKER_OPTIONS, type WorkerOptions } from '../workerOptions';
import { NUMBER_LIMITS, type NumericField } from './optionLimits';
import { optionSupport } from './optionSupport';
import {
  applyWorkerPatch,
  type ValidationContext,
  type WorkerOptionsPatch,
} from './validateWorkerOptions';

const current: WorkerOptions = { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {} };

function context(overrides: Partial<ValidationContext> = {}): ValidationContext {
  return {
    support: optionSupport('8.83.26'),
    connections: ['database', 'redis'],
    checkPhp: async (path) => {
      if (path === '/usr/bin/php8.2') return '/usr/bin/php8.2';
      throw new ServerMarkError('PHP_NOT_FOUND', `PHP binary ${path} does not exist.`);
    },
    ...overrides,
  };
}

const check = (patch: WorkerOptionsPatch, ctx = context()) => applyWorkerPatch(current, patch, ctx);

async function errorsOf(patch: WorkerOptionsPatch, ctx = context()) {
  const outcome = await check(patch, ctx);
  if (outcome.ok) throw new Error(`accepted ${JSON.stringify(patch)}`);
  return outcome.errors;
}

const NUMERIC = Object.keys(NUMBER_LIMITS) as NumericField[];

describe('worker option validation', () => {
  it('applies a valid change and leaves every other option as it was', async () => {
    const outcome = await check({ queues: ['emails', 'default'], processes: 3, sleep: 0 });
    expect(outcome).toEqual({
      ok: true,
      options: { ...current, queues: ['emails', 'default'], processes: 3, sleep: 0 },
    });
  });

  it.each(NUMERIC)('%s refuses hostile numbers with a range message', async (field) => {
    const { min, max } = NUMBER_LIMITS[field];
    const hostile: unknown[] = [
      min - 1,
      max + 1,
      -1,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      '1e3',
      '3',
      '',
      ' 3',
      '٣',
      true,
      [],
      {},
      10n,
    ];
    for (const value of hostile) {
      const errors = await errorsOf({ [field]: value });
      expect(errors[field], `${field} = ${String(value)}`).toBe(
        `must be a whole number from ${min} to ${max}`,
      );
    }
  });

  it.each(NUMERIC)('%s accepts both ends of its range', async (field) => {
    const { min, max } = NUMBER_LIMITS[field];
    for (const value of [min, max]) {
      const outcome = await check({ [field]: value }, context({ support: optionSupport(null) }));
      expect(outcome.ok, `${field} = ${value}`).toBe(true);
    }
  });

  it('null stop wait means "timeout + 10 s"; other numbers are never null', async () => {
    expect(await check({ stopWaitSeconds: null })).toMatchObject({ ok: true });
    expect(await errorsOf({ timeout: null })).toHaveProperty('timeout');
  });

  it('refuses queue names that would split, hide or break the --queue argument', async () => {
    const bad: unknown[] = [
      [''],
      ['a,b'],
      ['a b'],
      ['a\tb'],
      ['a\nb'],
      ['a\u0000b'],
      ['a\u00a0b'],
      ['a\u2028b'],
      ['a\u202eb'],
      ['a\u200bb'],
      ['\ud800'],
      ['a\ufdd0'],
      ['x'.repeat(101)],
      ['emails', 'emails'],
      Array.from({ length: 21 }, (_, i) => `q${i}`),
      'emails',
      [3],
      null,
    ];
    for (const queues of bad) {
      const errors = await errorsOf({ queues });
      expect(errors.queues, JSON.stringify(queues)).toEqual(expect.any(String));
    }
  });

  it('accepts unicode and punctuation in queue names, and an empty list', async () => {
    for (const queues of [[], ['émails', 'high:priority', '{redis}', 'a%b$c', 'x'.repeat(100)]]) {
      expect(await check({ queues }), JSON.stringify(queues)).toMatchObject({ ok: true });
    }
  });

  it('checks connection names, and that the app has them when its config is known', async () => {
    expect(await check({ connection: 'redis' })).toMatchObject({ ok: true });
    expect(await check({ connection: null })).toMatchObject({ ok: true });
    expect(await check({ connection: '' })).toMatchObject({
      ok: true,
      options: { connection: null },
    });
    expect((await errorsOf({ connection: 'sqs' })).connection).toContain('database, redis');
    for (const connection of ['--force', '-x', 'a b', 'a.b', 'a/b', 'é', 'x'.repeat(65), 3]) {
      expect(await errorsOf({ connection }), String(connection)).toHaveProperty('connection');
    }
    // When config/queue.php could not be read, any well-formed name is accepted.
    expect(await check({ connection: 'sqs' }, context({ connections: null }))).toMatchObject({
      ok: true,
    });
  });

  it('checks environment variables one by one, with a message per variable', async () => {
    const errors = await errorsOf({
      env: {
        GOOD: 'fine',
        '1BAD': 'x',
        'A-B': 'x',
        '': 'x',
        __proto__: 'x',
        NUL: 'a\u0000b',
        LONE: '\udc00',
        NONCHAR: '\uffff',
        NUMBER: 3,
      } as unknown as Record<string, string>,
    });
    expect(Object.keys(errors).sort()).toEqual(
      ['env.', 'env.1BAD', 'env.A-B', 'env.LONE', 'env.NONCHAR', 'env.NUL', 'env.NUMBER'].sort(),
    );
    expect(await errorsOf({ env: ['A=1'] })).toHaveProperty('env');
    expect(await errorsOf({ env: null })).toHaveProperty('env');
  });

  it('keeps "__proto__" from JSON input out, without changing any prototype', async () => {
    const env = JSON.parse('{"__proto__": "x", "OK": "1"}') as Record<string, string>;
    expect(await errorsOf({ env })).toHaveProperty(['env.__proto__']);
  });

  it('accepts newlines, quotes, $ and % in values: the unit quoting keeps them literal', async () => {
    const env = { APP_ENV: 'local', MULTI: 'a\nb', ODD: `"$HOME" 100% \\` };
    expect(await check({ env })).toEqual({ ok: true, options: { ...current, env } });
  });

  it('php must be an absolute path to a working PHP; null means the site PHP', async () => {
    expect(await check({ php: '/usr/bin/php8.2' })).toMatchObject({ ok: true });
    expect(await check({ php: null })).toMatchObject({ ok: true, options: { php: null } });
    expect((await errorsOf({ php: 'php' })).php).toContain('absolute');
    expect((await errorsOf({ php: '/nonexistent/php' })).php).toContain('does not exist');
    expect((await errorsOf({ php: '/usr/bin/php\n[Service]' })).php).toContain('line break');
    expect(await errorsOf({ php: 42 })).toHaveProperty('php');
  });

  it('booleans are true or false, not truthy text', async () => {
    for (const force of ['true', 1, 'yes', null]) {
      expect(await errorsOf({ force }), String(force)).toEqual({ force: 'must be true or false' });
    }
  });

  it('refuses options the site\u2019s Laravel lacks, naming the version needed', async () => {
    const old = context({ support: optionSupport('8.31.0') });
    expect((await errorsOf({ rest: 5 }, old)).rest).toBe(
      'needs Laravel 8.32 or later (--rest); this site runs Laravel 8.31.0',
    );
    expect(await check({ rest: 0 }, old)).toMatchObject({ ok: true });
    expect((await errorsOf({ json: true })).json).toContain('11.27');
    const seven = context({ support: optionSupport('7.30.6') });
    expect(await errorsOf({ maxJobs: 10, maxTime: 60 }, seven)).toEqual({
      maxJobs: expect.stringContaining('8.0'),
      maxTime: expect.stringContaining('8.0'),
    });
  });

  it('reports every bad field at once, and unknown option names', async () => {
    const errors = await errorsOf({
      sleep: -1,
      queues: ['a b'],
      connection: 'nope',
      bogus: 1,
    } as WorkerOptionsPatch);
    expect(Object.keys(errors).sort()).toEqual(['bogus', 'connection', 'queues', 'sleep']);
  });

  it('never changes the options it was given', async () => {
    const before = structuredClone(current);
    await check({ queues: ['x'], env: { A: '1' }, processes: 2 });
    expect(current).toEqual(before);
  });
});
