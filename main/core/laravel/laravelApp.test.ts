import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertLaravelApp, detectLaravelVersion } from './laravelApp';

let app: string;
beforeEach(async () => {
  app = await mkdtemp(join(tmpdir(), 'sm laravel "q" $HOME %h '));
});
afterEach(async () => {
  await rm(app, { recursive: true, force: true });
});

const composer = (require: Record<string, string>) =>
  writeFile(join(app, 'composer.json'), JSON.stringify({ require }));

// A stand-in PHP that records its argv and cwd, and prints what `artisan --version` would.
async function fakePhp(output: string): Promise<string> {
  const php = join(app, 'fake php');
  await writeFile(
    php,
    `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > "$(dirname "$0")/php-args"\nprintf '%s' '${output}'\n`,
  );
  await chmod(php, 0o755);
  return php;
}

describe('assertLaravelApp', () => {
  it('accepts a directory with artisan and a composer.json requiring laravel/framework', async () => {
    await writeFile(join(app, 'artisan'), '<?php');
    await composer({ php: '^8.2', 'laravel/framework': '^11.0' });
    await expect(assertLaravelApp(app)).resolves.toBeUndefined();
  });

  it('refuses a missing artisan, or an artisan that is a directory', async () => {
    await composer({ 'laravel/framework': '^11.0' });
    await expect(assertLaravelApp(app)).rejects.toMatchObject({ code: 'NOT_LARAVEL' });
    await mkdir(join(app, 'artisan'));
    await expect(assertLaravelApp(app)).rejects.toThrow('it has no artisan file');
  });

  it.each([
    ['no composer.json', null],
    ['invalid JSON', '{'],
    ['no laravel/framework', JSON.stringify({ require: { 'symfony/console': '^6' } })],
    ['require is a list', JSON.stringify({ require: ['laravel/framework'] })],
    ['only in require-dev', JSON.stringify({ 'require-dev': { 'laravel/framework': '^11' } })],
  ])('refuses %s', async (_label, content) => {
    await writeFile(join(app, 'artisan'), '<?php');
    if (content !== null) await writeFile(join(app, 'composer.json'), content);
    await expect(assertLaravelApp(app)).rejects.toMatchObject({ code: 'NOT_LARAVEL' });
  });

  it('refuses a directory that does not exist', async () => {
    await expect(assertLaravelApp(join(app, 'missing'))).rejects.toMatchObject({
      code: 'NOT_LARAVEL',
    });
  });
});

describe('detectLaravelVersion', () => {
  it('reads the exact version from composer.lock without running PHP', async () => {
    await writeFile(
      join(app, 'composer.lock'),
      JSON.stringify({
        packages: [
          { name: 'symfony/console', version: 'v6.4.0' },
          { name: 'laravel/framework', version: 'v11.9.2' },
        ],
      }),
    );
    expect(await detectLaravelVersion(app, join(app, 'no-such-php'))).toBe('11.9.2');
  });

  it('also looks in packages-dev', async () => {
    await writeFile(
      join(app, 'composer.lock'),
      JSON.stringify({
        packages: [],
        'packages-dev': [{ name: 'laravel/framework', version: '10.1.0' }],
      }),
    );
    expect(await detectLaravelVersion(app, join(app, 'no-such-php'))).toBe('10.1.0');
  });

  it('falls back to `php artisan --version` run in the app directory', async () => {
    await writeFile(join(app, 'composer.lock'), '{ broken');
    const php = await fakePhp('Laravel Framework 8.83.27');
    expect(await detectLaravelVersion(app, php)).toBe('8.83.27');
    const [cwd, ...args] = (await readFile(join(app, 'php-args'), 'utf8')).split('\n').slice(0, -1);
    expect(cwd).toBe(app);
    expect(args).toEqual(['artisan', '--version', '--no-ansi']);
  });

  it('gives null when neither source knows', async () => {
    expect(await detectLaravelVersion(app, await fakePhp('Symfony 6'))).toBeNull();
    expect(await detectLaravelVersion(app, join(app, 'no-such-php'))).toBeNull();
  });
});
