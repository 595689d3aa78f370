import { describe, expect, it } from 'vitest';
import { runCli } from '../testKit/captureIo';
import { createFakeCore, fakeSite } from '../testKit/fakeCore';

function setup(laravelVersion = '8.83.26') {
  const site = fakeSite({ laravelVersion });
  const core = createFakeCore([site]);
  return { site, core };
}

describe('servermark worker config', () => {
  it('--show prints every setting under its --set key, with what the version lacks', async () => {
    const { core } = setup('8.31.0');
    const result = await runCli(['worker', 'config', 'shop'], { core });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(
      'shop (k3j9x2ab) · Laravel 8.31.0 · queue config loaded by the app',
    );
    expect(result.stdout).toContain('worker default');
    for (const line of [
      /connection +database \(app default\) · retry_after 90 s/,
      /queue +default \(the connection's default\)/,
      /rest +0 s \(needs Laravel 8\.32\)/,
      /json +false \(needs Laravel 11\.27\)/,
      /stop-wait +auto \(70 s = timeout \+ 10\)/,
      /command +\/usr\/bin\/php8\.2 artisan queue:work --sleep=3 --tries=3 --timeout=60 --max-time=3600/,
    ]) {
      expect(result.stdout).toMatch(line);
    }
  });

  it('--show --json prints the configuration object for the chosen worker', async () => {
    const { core } = setup();
    const result = await runCli(['worker', 'config', 'shop', '--show', '--json'], { core });
    const config = JSON.parse(result.stdout);
    expect(config.workers).toHaveLength(1);
    expect(config.workers[0]).toMatchObject({
      name: 'default',
      options: { sleep: 3, tries: 3, timeout: 60, processes: 1 },
      connection: { retryAfter: 90 },
    });
    expect(config.support.options.rest).toEqual({ supported: true, since: '8.32', flag: '--rest' });
    expect(config.limits.sleep).toMatchObject({ min: 0, max: 3600 });
  });

  it('--set saves, then shows the worker with its warnings', async () => {
    const { core, site } = setup();
    const result = await runCli(
      [
        'worker',
        'config',
        'shop',
        '--set',
        'queue=emails,default',
        '--set',
        'processes=3',
        '--set=timeout=90',
        '--set',
        'env.APP_ENV=local',
      ],
      { core },
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Saved worker default of shop; it is not running/);
    expect(result.stdout).toMatch(/queue +emails,default/);
    expect(result.stdout).toMatch(/env +APP_ENV=local/);
    expect(result.stdout).toMatch(
      /warning +timeout: The timeout \(90 s\) is not below retry_after/,
    );
    expect(site.workers[0]!.options).toMatchObject({
      queues: ['emails', 'default'],
      processes: 3,
      timeout: 90,
      env: { APP_ENV: 'local' },
    });
  });

  it('refuses bad values with one line per field, exit 1, and saves nothing', async () => {
    const { core, site } = setup('8.31.0');
    const before = structuredClone(site.workers);
    const result = await runCli(
      [
        'worker',
        'config',
        'shop',
        '--set',
        'sleep=1e3',
        '--set',
        'queue=a b',
        '--set',
        'rest=2',
        '--set',
        'env.BAD-NAME=x',
        '--set',
        'connection=sqs',
      ],
      { core },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'servermark: the settings of worker default of shop were not saved:',
      '  sleep: must be a whole number from 0 to 3600',
      '  queue: queue 1 ("a b") must not contain spaces',
      "  connection: is not a connection in the app's config/queue.php (it has: database)",
      '  env.BAD-NAME: "BAD-NAME" is not a valid variable name: use letters, digits and _, not starting with a digit (at most 128)',
      '  rest: needs Laravel 8.32 or later (--rest); this site runs Laravel 8.31.0',
      '',
    ]);
    expect(site.workers).toEqual(before);
  });

  it('refuses unknown keys before asking the core, and prints field errors as JSON with --json', async () => {
    const { core } = setup();
    const result = await runCli(
      ['worker', 'config', 'shop', '--json', '--set', 'bogus=1', '--set', 'timeout'],
      { core },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: 'INVALID_OPTION',
        message: 'the settings of worker default of shop were not saved:',
        fields: { bogus: expect.stringContaining('is not a setting'), timeout: expect.any(String) },
      },
    });
    expect(core.calls.some((c) => c.startsWith('configureWorker'))).toBe(false);
  });

  it('names the missing worker', async () => {
    const { core } = setup();
    const result = await runCli(
      ['worker', 'config', 'shop', '--worker', 'nope', '--set', 'sleep=1'],
      {
        core,
      },
    );
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr).toBe('servermark: shop has no worker named "nope" (it has: default).\n');
  });
});

describe('servermark worker add|remove', () => {
  it('adds a worker with settings, then removes it; the last one stays', async () => {
    const { core, site } = setup();
    const added = await runCli(
      [
        'worker',
        'add',
        'shop',
        '--worker',
        'emails',
        '--set',
        'queue=emails',
        '--set',
        'processes=2',
      ],
      { core },
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Added worker emails of shop/);
    expect(site.workers.map((w) => w.name)).toEqual(['default', 'emails']);
    expect(site.workers[1]!.options).toMatchObject({ queues: ['emails'], processes: 2 });

    const removed = await runCli(['worker', 'remove', 'shop', '--worker', 'emails'], { core });
    expect(removed).toMatchObject({ code: 0, stderr: '' });
    expect(removed.stdout).toBe(
      'Removed worker emails of shop; its processes are stopped and its units deleted.\n',
    );
    const last = await runCli(['worker', 'remove', 'shop', '--worker', 'default', '--json'], {
      core,
    });
    expect(last.code).toBe(1);
    expect(JSON.parse(last.stderr).error.code).toBe('LAST_WORKER');
  });

  it('refuses a bad worker name as a field error', async () => {
    const { core } = setup();
    const result = await runCli(['worker', 'add', 'shop', '--worker', 'Bad Name'], { core });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'servermark: worker Bad Name was not added to shop:\n' +
        '  name: must be 1 to 32 lowercase letters, digits and inner dashes (e.g. emails)\n',
    );
  });

  it.each([['add'], ['remove']])('worker %s without --worker is a usage error', async (action) => {
    const { core } = setup();
    const result = await runCli(['worker', action, 'shop'], { core });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^servermark: missing --worker NAME\nUsage: servermark worker /);
  });
});
