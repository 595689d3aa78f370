// The CLI and the app editing at the same time lose no update: real CLI processes and app-like
// processes (the core, through tsx) add and remove sites and change settings all at once.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';
import { createServerMark } from '../core/serverMark';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../cli/bin/servermark.mjs', import.meta.url));
const CORE = fileURLToPath(new URL('../core/serverMark.ts', import.meta.url));

const APP_PROCESSES = 4;
const SITES_PER_APP = 3;
const CLI_ADDS = 6;
const CLI_REMOVES = 3;

// Each app process: say it is ready, wait for "go", then add its sites and change one setting
// between them, so its writes spread over the time the CLI processes are starting and writing.
const APP_SCRIPT = `
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServerMark } from ${JSON.stringify(CORE)};
const [index, dirs, setting, value, readyFile, goFile] = process.argv.slice(2);
const core = createServerMark({ env: process.env });
await writeFile(readyFile, '');
while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 5));
const list = JSON.parse(dirs);
for (let i = 0; i < list.length; i++) {
  await core.addSite({ directory: list[i], name: 'app' + index + '-' + i });
  if (i === 1) await core.settings.update({ [setting]: JSON.parse(value) });
}
`;

let root: string;
let manager: UserManager;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'servermark-concurrent-')));
  // Removing a site stops its workers first: that needs a user manager.
  manager = await startUserManager();
  env = manager.env;
});

afterAll(async () => {
  await manager?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A directory the core accepts as a Laravel app without starting PHP for its version. */
async function laravelDir(name: string): Promise<string> {
  const dir = join(root, 'sites', name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'artisan'), '<?php\n');
  await writeFile(join(dir, 'composer.json'), '{"require":{"laravel/framework":"^8.0"}}');
  await writeFile(
    join(dir, 'composer.lock'),
    JSON.stringify({ packages: [{ name: 'laravel/framework', version: 'v8.83.26' }] }),
  );
  return dir;
}

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the CLI and the app editing at the same time', () => {
  it(`${APP_PROCESSES} app processes and ${CLI_ADDS + CLI_REMOVES} CLI processes: every site and setting change is kept`, async () => {
    const core = createServerMark({ env });
    const doomed = [];
    for (let i = 0; i < CLI_REMOVES; i++) {
      doomed.push(await core.addSite({ directory: await laravelDir(`doomed-${i}`) }));
    }
    const kept = await core.addSite({ directory: await laravelDir('kept') });

    const settingChanges: Array<[string, unknown]> = [
      ['notifications', false],
      ['closeToTray', false],
      ['theme', 'dark'],
      ['logMaxBytes', 200_000],
    ];
    const script = join(root, 'app-process.mts');
    await writeFile(script, APP_SCRIPT);
    const goFile = join(root, 'go');
    const appDirs: string[][] = [];
    const apps = [];
    for (let index = 0; index < APP_PROCESSES; index++) {
      const dirs = [];
      for (let i = 0; i < SITES_PER_APP; i++) dirs.push(await laravelDir(`app${index}-${i}`));
      appDirs.push(dirs);
      const [setting, value] = settingChanges[index]!;
      apps.push(
        run([
          '--import',
          'tsx',
          script,
          String(index),
          JSON.stringify(dirs),
          setting,
          JSON.stringify(value),
          join(root, `ready-${index}`),
          goFile,
        ]),
      );
    }
    const cliDirs = [];
    for (let i = 0; i < CLI_ADDS; i++) cliDirs.push(await laravelDir(`cli-${i}`));
    await waitFor(
      'every app process to be ready',
      () =>
        Array.from({ length: APP_PROCESSES }, (_, i) => existsSync(join(root, `ready-${i}`))).every(
          Boolean,
        ),
      { timeoutMs: 30_000 },
    );

    // Go: the app processes start writing while the CLI processes start and write too.
    await writeFile(goFile, '');
    const clis = [
      ...cliDirs.map((dir, i) => run([BIN, 'sites', 'add', dir, '--name', `cli-${i}`])),
      ...doomed.map((site) => run([BIN, 'sites', 'remove', site.id])),
    ];
    const results = await Promise.all([...apps, ...clis]);
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });

    const sites = await core.listSites();
    const expected = [kept.path, ...appDirs.flat(), ...cliDirs].sort();
    expect(sites.map((s) => s.path).sort()).toEqual(expected);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
    expect(sites.map((s) => s.name).sort()).toEqual(
      [
        'kept',
        ...appDirs.flatMap((dirs, index) => dirs.map((_, i) => `app${index}-${i}`)),
        ...cliDirs.map((_, i) => `cli-${i}`),
      ].sort(),
    );
    expect(await core.settings.read()).toMatchObject(Object.fromEntries(settingChanges));
    // Both files are whole JSON, written atomically: no temp file or lock is left behind.
    JSON.parse(await readFile(core.registry.file, 'utf8'));
    JSON.parse(await readFile(core.settings.file, 'utf8'));
    const leftover = (await core.health.scan()).findings.filter((f) => f.kind === 'leftover');
    expect(leftover).toEqual([]);
  }, 120_000);
});
