// Bad input at the core, against a real user manager and real Laravel apps: each value either
// works exactly (systemd runs the worker in that directory: /proc/<pid>/cwd says so) or is refused
// with a clear error and nothing written (registry and unit folder byte for byte unchanged).
import { readFileSync, readlinkSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';
import { createServerMark, type ServerMark } from '../core/serverMark';

let root: string;
let manager: UserManager;
let core: ServerMark;

beforeAll(async () => {
  // realpath: /tmp may itself be a symlink, and site paths are canonical.
  root = await realpath(await mkdtemp(join(tmpdir(), 'servermark-badinput-')));
  manager = await startUserManager();
  core = createServerMark({ env: manager.env });
});

afterEach(async () => {
  for (const site of await core.listSites()) await core.removeSite(site.id);
});

afterAll(async () => {
  core?.close();
  await manager?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Everything ServerMark could have written: the registry's bytes and every unit file. */
async function snapshot(): Promise<string> {
  const registry = await readFile(core.registry.file, 'utf8').catch(() => '<none>');
  const units = (await readdir(manager.unitDir, { recursive: true })).map(String).sort();
  return JSON.stringify({ registry, units });
}

/** Just enough of a Laravel app that only the path can be the reason for a refusal. */
async function laravelLooking(dir: string | Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const inside = (name: string) =>
    typeof dir === 'string' ? join(dir, name) : Buffer.concat([dir, Buffer.from(`/${name}`)]);
  await writeFile(inside('artisan'), '<?php\n');
  await writeFile(inside('composer.json'), '{"require":{"laravel/framework":"^8.0"}}\n');
}

// Laravel's sqlite driver cannot open a database under a path over ~512 bytes, so very long paths
// get a stand-in artisan: PHP runs it as `artisan queue:work` and it waits, as a worker would.
const PROBE_ARTISAN = `<?php
if (($argv[1] ?? '') === 'queue:work') { sleep(3600); exit(0); }
echo "Laravel Framework 8.83.26\\n";
`;

/** A directory PHP and systemd treat as a Laravel app whose queue:work waits forever. */
async function probeApp(dir: string): Promise<string> {
  await laravelLooking(dir);
  await writeFile(join(dir, 'artisan'), PROBE_ARTISAN);
  await writeFile(
    join(dir, 'composer.lock'),
    JSON.stringify({ packages: [{ name: 'laravel/framework', version: 'v8.83.26' }] }),
  );
  return dir;
}

/** Adds, starts, and returns the pid of the one queue:work process running in `expectedDir`. */
async function startAndFindWorker(directory: string, expectedDir: string) {
  const site = await core.addSite({ directory });
  expect(site.path).toBe(expectedDir);
  await core.startWorkers(site.id);
  const [process] = await waitFor(
    `a worker in ${expectedDir.slice(0, 80)}…`,
    () => {
      const found = queueWorkProcessesIn(expectedDir);
      return found.length === 1 ? found : null;
    },
    { timeoutMs: 20_000 },
  );
  // The kernel's own view of the worker's working directory.
  expect(readlinkSync(`/proc/${process!.pid}/cwd`)).toBe(expectedDir);
  return { site, pid: process!.pid };
}

describe('directories that work exactly', () => {
  it('`..` is resolved: the unit and the process use the canonical path', async () => {
    const app = await createLaravelFixture(join(root, 'dots', 'real app'));
    const { site } = await startAndFindWorker(
      join(root, 'dots', '..', 'dots', '.', 'real app'),
      app.path,
    );
    const [status] = await core.status([site.id]);
    const shown = await manager.systemctl(['show', '-p', 'WorkingDirectory', status!.units[0]!]);
    expect(shown.stdout.trim()).toBe(`WorkingDirectory=${app.path}`);
  });

  it('a symlink is followed: the unit runs in the real directory (documented choice)', async () => {
    const app = await createLaravelFixture(join(root, 'linked', 'the real one'));
    const link = join(root, 'linked', 'current');
    await symlink(app.path, link);
    const { site } = await startAndFindWorker(link, app.path);
    // The registry holds the real path, so the same app cannot be added twice through links.
    await expect(core.addSite({ directory: link })).rejects.toMatchObject({ code: 'SITE_EXISTS' });
    await expect(core.addSite({ directory: app.path })).rejects.toMatchObject({
      code: 'SITE_EXISTS',
    });
    expect((await core.listSites()).map((s) => s.id)).toEqual([site.id]);
  });

  it('a 255-byte folder name (the most Linux allows) runs, with a short unit name', async () => {
    const name = `${'é'.repeat(100)}${'x'.repeat(55)}`;
    expect(Buffer.byteLength(name)).toBe(255);
    const dir = await probeApp(join(root, 'long-name', name));
    const { site } = await startAndFindWorker(dir, dir);
    const [status] = await core.status([site.id]);
    expect(status!.units[0]!.length).toBeLessThanOrEqual(255);
    // Named after its folder, cut to the 100 characters a site name may have.
    expect(site.name).toBe(`${'é'.repeat(99)}…`);
  });

  it('a path of about 3 800 bytes runs (Linux allows up to 4 095)', async () => {
    const parts = Array.from({ length: 15 }, (_, i) => `${i}-${'d'.repeat(245)}`);
    const deep = await probeApp(join(root, 'deep', ...parts));
    expect(Buffer.byteLength(deep)).toBeGreaterThan(3_700);
    await startAndFindWorker(deep, deep);
  });

  it('a folder whose name starts with a space, inside the path, runs there', async () => {
    const app = await createLaravelFixture(join(root, ' spaced', 'app'));
    await startAndFindWorker(app.path, app.path);
    const dir = await probeApp(join(root, 'spaced-last', ' leading'));
    const { site } = await startAndFindWorker(dir, dir);
    expect(site.name).toBe('leading');
  });

  it('environment values with spaces, $, % and quotes reach the worker exactly', async () => {
    const app = await createLaravelFixture(join(root, 'env app'));
    const site = await core.addSite({ directory: app.path });
    const value = `a b $HOME \${HOME} %h "q" 'q' ü`;
    const saved = await core.configureWorker(site.id, 'default', { env: { SM_VALUE: value } });
    expect(saved.ok).toBe(true);
    await core.startWorkers(site.id);
    const pid = await waitFor('the worker', () => queueWorkProcessesIn(app.path)[0]?.pid);
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain(`SM_VALUE=${value}`);
  });
});

describe('directories refused with a clear error, nothing written', () => {
  async function expectRefused(directory: unknown, code: string, message: RegExp): Promise<void> {
    const before = await snapshot();
    await expect(core.addSite({ directory: directory as string })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
    });
    expect(await snapshot()).toBe(before);
  }

  it.each([
    ['a newline', 'new\nline', /contains a line break/],
    ['a carriage return', 'carriage\rreturn', /contains a line break/],
    ['a tab', 'tab\there', /contains a control character/],
    ['an escape character', 'esc\u001b[31m', /contains a control character/],
    ['a trailing backslash', 'back\\', /ends with a backslash/],
    ['a trailing space', 'trailing ', /starts or ends with whitespace/],
    ['a noncharacter systemd refuses', 'non\ufffechar', /not valid UTF-8 text/],
  ])('%s in an existing Laravel directory name', async (_what, name, message) => {
    const dir = join(root, 'refused', name);
    await laravelLooking(dir);
    await expectRefused(dir, 'INVALID_PATH', message);
  });

  it('a path that starts with a space (systemd would strip it)', async () => {
    await expectRefused(` ${root}`, 'INVALID_PATH', /starts or ends with whitespace/);
  });

  it('a NUL character', async () => {
    await expectRefused(`${root}/nul\0x`, 'INVALID_PATH', /contains a NUL character/);
  });

  it('a lone surrogate (a JS string that is no text at all)', async () => {
    await expectRefused(`${root}/half\ud800`, 'INVALID_PATH', /not valid UTF-8 text/);
  });

  it('an empty path, a Buffer and a number', async () => {
    await expectRefused('', 'INVALID_PATH', /it is empty/);
    await expectRefused(Buffer.from(root), 'INVALID_PATH', /must be given as text/);
    await expectRefused(42, 'INVALID_PATH', /must be given as text/);
  });

  it('a folder name over 255 bytes, and a path over 4 095 bytes, said as such', async () => {
    await expectRefused(
      join(root, 'é'.repeat(128)),
      'INVALID_PATH',
      /is 256 bytes long \(at most 255\)/,
    );
    const long = join(root, ...Array.from({ length: 20 }, () => 'p'.repeat(250)));
    await expectRefused(long, 'INVALID_PATH', /bytes long \(at most 4095\)/);
  });

  it('a folder whose name is not UTF-8 on disk (latin-1 bytes), reached through a symlink', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9])]);
    await laravelLooking(latin1);
    const link = join(root, 'to-latin1');
    await symlink(latin1, link);
    await expectRefused(link, 'INVALID_PATH', /real path is not valid UTF-8/);
    // Node turns such a name into U+FFFD when listing it: say what is probably wrong.
    const [listed] = (await readdir(root)).filter((n) => n.startsWith('caf'));
    expect(listed).toBe('caf\ufffd');
    await expectRefused(join(root, listed!), 'NOT_A_DIRECTORY', /may not be valid UTF-8/);
  });

  it('a symlink loop, and a directory that does not exist', async () => {
    await symlink(join(root, 'loop-b'), join(root, 'loop-a'));
    await symlink(join(root, 'loop-a'), join(root, 'loop-b'));
    await expectRefused(join(root, 'loop-a'), 'INVALID_PATH', /symbolic links form a loop/);
    await expectRefused(join(root, 'nowhere'), 'NOT_A_DIRECTORY', /does not exist/);
  });
});

describe('worker options and environment names through the public API', () => {
  it.each([
    ['a negative sleep', { sleep: -1 }, 'sleep'],
    ['a huge tries', { tries: 1e12 }, 'tries'],
    ['a timeout that is not a number', { timeout: Number.NaN }, 'timeout'],
    ['an infinite max time', { maxTime: Number.POSITIVE_INFINITY }, 'maxTime'],
    ['a memory given as text', { memory: 'lots' }, 'memory'],
    ['a fractional process count', { processes: 1.5 }, 'processes'],
    ['zero processes', { processes: 0 }, 'processes'],
    ['an environment name starting with a digit', { env: { '1BAD': 'x' } }, 'env.1BAD'],
    ['an environment name with a dash', { env: { 'A-B': 'x' } }, 'env.A-B'],
    ['an empty environment name', { env: { '': 'x' } }, 'env.'],
    ['an environment value with a NUL', { env: { OK: 'a\0b' } }, 'env.OK'],
  ])('%s is refused by field, nothing written', async (_what, patch, field) => {
    const dir = join(root, 'options', String(Math.random()).slice(2));
    await laravelLooking(dir);
    const site = await core.addSite({ directory: dir, php: '/usr/bin/php' });
    const before = await snapshot();
    const outcome = await core.configureWorker(site.id, 'default', patch);
    expect(outcome.ok).toBe(false);
    expect(Object.keys(outcome.ok ? {} : outcome.errors)).toContain(field);
    expect(await snapshot()).toBe(before);
  });
});
