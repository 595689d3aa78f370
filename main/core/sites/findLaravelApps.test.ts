import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { findLaravelApps } from './findLaravelApps';

let root: string;
beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'servermark-scan-'))));
afterEach(() => rm(root, { recursive: true, force: true }));

async function laravelApp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'artisan'), '<?php');
  await writeFile(
    join(dir, 'composer.json'),
    JSON.stringify({ require: { 'laravel/framework': '^8.83' } }),
  );
  return dir;
}

it('finds apps one and two levels down, sorted, without entering apps or dependency folders', async () => {
  const shop = await laravelApp(join(root, 'shop'));
  const nested = await laravelApp(join(root, 'clients', 'acme api'));
  await laravelApp(join(root, 'shop', 'packages', 'inner')); // inside an app: not a site of its own
  await laravelApp(join(root, 'node_modules', 'x'));
  await laravelApp(join(root, '.hidden', 'y'));
  await laravelApp(join(root, 'a', 'b', 'too-deep'));
  await mkdir(join(root, 'plain'));
  await writeFile(join(root, 'plain', 'artisan'), '<?php'); // no composer.json: not Laravel
  expect(await findLaravelApps(root)).toEqual([nested, shop]);
});

it('returns the folder itself when it is an app, and nothing for a missing folder', async () => {
  const app = await laravelApp(join(root, 'app'));
  expect(await findLaravelApps(app)).toEqual([app]);
  expect(await findLaravelApps(join(root, 'missing'))).toEqual([]);
});

it('follows a symlinked project folder once', async () => {
  const real = await laravelApp(join(root, 'real', 'site'));
  await mkdir(join(root, 'links'));
  await symlink(real, join(root, 'links', 'site'));
  expect(await findLaravelApps(join(root, 'links'))).toEqual([join(root, 'links', 'site')]);
});
