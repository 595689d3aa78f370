import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../core/errors/serverMarkError';
import { runCli } from './testKit/captureIo';
import { createFakeCore, fakeSite } from './testKit/fakeCore';
import { cliVersion } from './version';

const shop = fakeSite();
const blog = fakeSite({ id: 'b10g0001', name: 'Blog ünï', path: '/srv/My "Q" blog $HOME %h' });

function coreWithSites() {
  return createFakeCore([shop, blog]);
}

describe('usage errors', () => {
  it.each([
    [['--bogus']],
    [['sites', 'list', '--bogus']],
    [['sites', 'add']],
    [['worker', 'start']],
    [['worker']],
    [['deploy']],
    [[]],
  ])('%j exits 2 with a usage hint and never builds a core', async (argv) => {
    const result = await runCli(argv, { core: coreWithSites() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^servermark: .+\nUsage: servermark /);
    expect(result.stderr).toMatch(/Run "servermark .*--help" for/);
    expect(result.coresCreated).toBe(0);
  });

  it('shows the usage of the command that was misused', async () => {
    const result = await runCli(['worker', 'start', '--name', 'x']);
    expect(result.stderr).toBe(
      'servermark: unknown option --name\n' +
        'Usage: servermark worker start <site>\n' +
        'Run "servermark worker start --help" for more.\n',
    );
  });

  it('prints a usage error as JSON on stderr with --json', async () => {
    const result = await runCli(['sites', 'list', '--json', '--bogus']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'USAGE', message: 'unknown option --bogus' },
    });
  });
});

describe('help and version', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j lists every command', async (argv) => {
    const result = await runCli(argv);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const usage of [
      'sites add <dir> [--name NAME] [--php PATH]',
      'sites list',
      'sites remove <site>',
      'worker start <site>',
      'worker stop <site>',
      'worker restart <site>',
      'worker status [<site>]',
      '--json',
      '--version',
    ]) {
      expect(result.stdout).toContain(usage);
    }
    expect(result.coresCreated).toBe(0);
  });

  it('gives per-command help everywhere, even with the arguments missing', async () => {
    const result = await runCli(['sites', 'add', '-h']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Usage: servermark sites add <dir> \[--name NAME\] \[--php PATH\]\n/,
    );
    expect(result.stdout).toContain('--php PATH');
    expect((await runCli(['worker', '--help'])).stdout).toContain('worker restart <site>');
  });

  it('prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({
      code: 0,
      stdout: `servermark ${cliVersion()}\n`,
    });
    expect(JSON.parse((await runCli(['--version', '--json'])).stdout)).toEqual({
      version: cliVersion(),
    });
    expect(cliVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('sites add', () => {
  it('passes the directory, name and PHP to the core and prints the site', async () => {
    const core = createFakeCore();
    const result = await runCli(
      ['sites', 'add', '/srv/shop', '--name', 'Shop', '--php', '/usr/bin/php8.2'],
      {
        core,
      },
    );
    expect(result.code).toBe(0);
    expect(core.calls).toEqual([
      'addSite {"directory":"/srv/shop","name":"Shop","php":"/usr/bin/php8.2"}',
    ]);
    expect(result.stdout).toBe(
      [
        'Added Shop (site0000)',
        '  path     /srv/shop',
        '  php      /usr/bin/php8.2',
        '  laravel  8.83.27',
        'Start its workers with: servermark worker start site0000',
        '',
      ].join('\n'),
    );
  });

  it('prints the site as a JSON object with --json', async () => {
    const result = await runCli(['sites', 'add', '--json', '/srv/shop'], {
      core: createFakeCore(),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      id: 'site0000',
      name: 'shop',
      path: '/srv/shop',
      php: '/usr/bin/php8.2',
      laravelVersion: '8.83.27',
      addedAt: expect.any(String),
    });
  });

  it('exits 1 with the core message when the directory is not a Laravel app', async () => {
    const result = await runCli(['sites', 'add', '/tmp/empty'], { core: createFakeCore() });
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'servermark: /tmp/empty is not a Laravel app: it has no artisan file.\n',
    });
  });

  it('prints that failure as JSON on stderr with --json', async () => {
    const result = await runCli(['sites', 'add', '/tmp/empty', '--json'], {
      core: createFakeCore(),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({
      error: {
        code: 'NOT_LARAVEL',
        message: '/tmp/empty is not a Laravel app: it has no artisan file.',
      },
    });
  });
});

describe('sites list', () => {
  it('prints a table of id, name, state and path', async () => {
    const core = coreWithSites();
    core.states.set(shop.id, { state: 'running', reason: null });
    const result = await runCli(['sites', 'list'], { core });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'ID        NAME      STATE    PATH',
        'k3j9x2ab  shop      running  /srv/shop',
        'b10g0001  Blog ünï  stopped  /srv/My "Q" blog $HOME %h',
        '',
      ].join('\n'),
    );
  });

  it('colours the state words only on a TTY without NO_COLOR', async () => {
    const core = coreWithSites();
    core.states.set(shop.id, { state: 'running', reason: null });
    const tty = await runCli(['sites', 'list'], { core, tty: true });
    expect(tty.stdout).toContain('\u001b[32mrunning\u001b[0m');
    const noColor = await runCli(['sites', 'list'], { core, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const json = await runCli(['sites', 'list', '--json'], { core, tty: true });
    expect(json.stdout).not.toContain('\u001b[');
  });

  it('prints a JSON array of sites with their state', async () => {
    const core = coreWithSites();
    core.states.set(shop.id, { state: 'running', reason: null });
    const sites = JSON.parse((await runCli(['sites', 'list', '--json'], { core })).stdout);
    expect(sites).toHaveLength(2);
    expect(sites[0]).toEqual({
      id: shop.id,
      name: 'shop',
      path: '/srv/shop',
      php: '/usr/bin/php8.2',
      laravelVersion: '8.83.27',
      addedAt: shop.addedAt,
      state: 'running',
      reason: null,
      units: [`servermark-queue-shop_${shop.id}_default@1.service`],
    });
    expect(sites[1]).toMatchObject({ id: blog.id, path: blog.path, state: 'stopped' });
  });

  it('says how to add a site when there are none; JSON gives []', async () => {
    expect((await runCli(['sites', 'list'], { core: createFakeCore() })).stdout).toBe(
      'No sites yet. Add one with: servermark sites add <dir>\n',
    );
    expect(
      JSON.parse((await runCli(['sites', 'list', '--json'], { core: createFakeCore() })).stdout),
    ).toEqual([]);
  });
});

describe('sites remove', () => {
  it('removes by id, name or directory', async () => {
    for (const ref of [shop.id, 'shop', '/srv/shop']) {
      const core = coreWithSites();
      const result = await runCli(['sites', 'remove', ref], { core });
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        `Removed shop (${shop.id}); its workers are stopped and their units deleted.\n`,
      );
      expect(core.sites.map((s) => s.id)).toEqual([blog.id]);
    }
  });

  it('prints the removed site as JSON', async () => {
    const result = await runCli(['sites', 'remove', blog.id, '--json'], { core: coreWithSites() });
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: blog.id,
      name: blog.name,
      path: blog.path,
    });
  });

  it('exits 1 for an unknown site', async () => {
    const result = await runCli(['sites', 'remove', 'nope'], { core: coreWithSites() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^servermark: No site matches "nope"\./);
  });
});

describe('worker start|stop|restart', () => {
  it.each([
    ['start', 'startWorkers', 'running'],
    ['stop', 'stopWorkers', 'stopped'],
    ['restart', 'restartWorkers', 'running'],
  ])('%s prints the resulting state and its units', async (action, call, state) => {
    const core = coreWithSites();
    const result = await runCli(['worker', action, 'shop'], { core });
    expect(result.code).toBe(0);
    expect(core.calls).toEqual([`${call} shop`]);
    expect(result.stdout).toBe(
      `shop: ${state} (servermark-queue-shop_${shop.id}_default@1.service)\n`,
    );
  });

  it('prints the status object with --json', async () => {
    const result = await runCli(['worker', 'start', shop.id, '--json'], { core: coreWithSites() });
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({
      site: shop.id,
      name: 'shop',
      path: '/srv/shop',
      state: 'running',
      reason: null,
      units: [`servermark-queue-shop_${shop.id}_default@1.service`],
    });
    expect(status.workers[0].units[0]).toMatchObject({ state: 'running', pid: 4242 });
  });

  it('exits 1 when the workers end up failed, with the reason', async () => {
    const core = coreWithSites();
    const reason = { code: 'crash-loop' as const, text: 'Crash loop: systemd gave up.' };
    core.states.set(shop.id, { state: 'failed', reason });
    const result = await runCli(['worker', 'start', 'shop'], { core });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `shop: failed (servermark-queue-shop_${shop.id}_default@1.service)\n  Crash loop: systemd gave up.\n`,
    );
    expect(result.stderr).toBe(
      'servermark: The workers of shop failed: Crash loop: systemd gave up.\n',
    );
    const json = await runCli(['worker', 'restart', 'shop', '--json'], { core });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).state).toBe('failed');
    expect(JSON.parse(json.stderr).error.code).toBe('WORKERS_FAILED');
  });

  it('prints the error message and its detail on stderr', async () => {
    const core = coreWithSites();
    core.failWith = new ServerMarkError(
      'NO_USER_MANAGER',
      'No systemd user manager is reachable.',
      'systemctl list-units (exit 1): Failed to connect to bus: No medium found',
    );
    const human = await runCli(['worker', 'start', 'shop'], { core });
    expect(human.code).toBe(1);
    expect(human.stderr).toBe(
      'servermark: No systemd user manager is reachable.\n' +
        'systemctl list-units (exit 1): Failed to connect to bus: No medium found\n',
    );
    const json = await runCli(['worker', 'start', 'shop', '--json'], { core });
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: 'NO_USER_MANAGER',
        message: 'No systemd user manager is reachable.',
        detail: 'systemctl list-units (exit 1): Failed to connect to bus: No medium found',
      },
    });
  });

  it('closes the core after the command, also after a failure', async () => {
    let closed = 0;
    const core = { ...coreWithSites(), close: () => void closed++ };
    await runCli(['worker', 'status'], { core });
    await runCli(['worker', 'start', 'nope'], { core });
    expect(closed).toBe(2);
  });

  it('reports an unexpected error as INTERNAL rather than crashing', async () => {
    const core = coreWithSites();
    core.failWith = new TypeError('boom');
    const result = await runCli(['worker', 'stop', 'shop', '--json'], { core });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stderr)).toEqual({
      error: { code: 'INTERNAL', message: 'Unexpected error: boom' },
    });
  });
});

describe('worker status', () => {
  it('prints a table of every site', async () => {
    const core = coreWithSites();
    core.states.set(blog.id, {
      state: 'failed',
      reason: { code: 'crash-loop', text: 'Crash loop.' },
    });
    const result = await runCli(['worker', 'status'], { core });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'ID        NAME      STATE    PROCS  REASON',
        'k3j9x2ab  shop      stopped  0/1',
        'b10g0001  Blog ünï  failed   0/1    Crash loop.',
        '',
      ].join('\n'),
    );
  });

  it('prints one site in detail, with a row per unit', async () => {
    const core = coreWithSites();
    core.states.set(shop.id, { state: 'running', reason: null });
    const result = await runCli(['worker', 'status', '/srv/shop'], { core });
    expect(core.calls).toEqual(['status /srv/shop']);
    expect(result.stdout).toBe(
      [
        `shop (${shop.id}): running`,
        '  path     /srv/shop',
        '  php      /usr/bin/php8.2',
        '  laravel  8.83.27',
        '',
        'UNIT                                              WORKER   STATE    PID   RESTARTS  SINCE',
        `servermark-queue-shop_${shop.id}_default@1.service  default  running  4242  0         2026-12-04T11:59:00.000Z`,
        '',
      ].join('\n'),
    );
  });

  it('prints a JSON array, also for one site', async () => {
    const core = coreWithSites();
    const all = JSON.parse((await runCli(['worker', 'status', '--json'], { core })).stdout);
    expect(all.map((s: { site: string }) => s.site)).toEqual([shop.id, blog.id]);
    for (const status of all) {
      expect(Object.keys(status)).toEqual(
        expect.arrayContaining(['site', 'name', 'path', 'state', 'units', 'reason']),
      );
    }
    const one = JSON.parse(
      (await runCli(['worker', 'status', 'Blog ünï', '--json'], { core })).stdout,
    );
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ site: blog.id, state: 'stopped', reason: null });
  });
});

describe('sites scan', () => {
  it('lists what it added and what it skipped, and prints JSON with --json', async () => {
    const core = createFakeCore();
    const human = await runCli(['sites', 'scan', '/srv/code'], { core });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('skipped /srv/code/plain: not a Laravel app');
    const json = await runCli(['sites', 'scan', '/srv/more', '--json'], { core });
    const parsed = JSON.parse(json.stdout) as {
      added: Array<{ path: string }>;
      skipped: unknown[];
    };
    expect(parsed.added.map((s) => s.path)).toEqual(['/srv/more/app']);
    expect(parsed.skipped).toHaveLength(1);
  });
});
