import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { ServerMarkError } from '../errors/serverMarkError';

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses anything that is not a Laravel app: `artisan`, and composer.json requiring laravel/framework. */
export async function assertLaravelApp(dir: string): Promise<void> {
  const artisan = await stat(join(dir, 'artisan')).catch(() => null);
  if (!artisan?.isFile()) {
    throw new ServerMarkError(
      'NOT_LARAVEL',
      `${dir} is not a Laravel app: it has no artisan file.`,
    );
  }
  const composer = await readJson(join(dir, 'composer.json'));
  const require = isRecord(composer) ? composer.require : null;
  if (!isRecord(require) || typeof require['laravel/framework'] !== 'string') {
    throw new ServerMarkError(
      'NOT_LARAVEL',
      `${dir} is not a Laravel app: its composer.json does not require laravel/framework.`,
    );
  }
}

// composer.lock knows the exact installed version without starting PHP.
async function versionFromComposerLock(dir: string): Promise<string | null> {
  const lock = await readJson(join(dir, 'composer.lock'));
  if (!isRecord(lock)) return null;
  for (const key of ['packages', 'packages-dev']) {
    const packages = lock[key];
    if (!Array.isArray(packages)) continue;
    for (const pkg of packages) {
      if (isRecord(pkg) && pkg.name === 'laravel/framework' && typeof pkg.version === 'string') {
        return pkg.version.replace(/^v/, '');
      }
    }
  }
  return null;
}

async function versionFromArtisan(dir: string, php: string): Promise<string | null> {
  const result = await execa(php, ['artisan', '--version', '--no-ansi'], {
    cwd: dir,
    reject: false,
    timeout: 15_000,
    stdin: 'ignore',
  });
  return /Laravel Framework v?(\S+)/.exec(result.stdout ?? '')?.[1] ?? null;
}

/** The site's Laravel version: composer.lock first, else `php artisan --version`. */
export async function detectLaravelVersion(dir: string, php: string): Promise<string | null> {
  return (await versionFromComposerLock(dir)) ?? (await versionFromArtisan(dir, php));
}
