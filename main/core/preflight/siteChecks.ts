import { access, constants, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { SiteRecord } from '../sites/siteRecord';
import type { PreflightCheck } from './preflightCheck';

export interface SiteCheckerOptions {
  env: NodeJS.ProcessEnv;
  /** How long a site's result is reused: `artisan --version` boots the app (~100 ms+ each). */
  cacheMs?: number;
  /** An artisan that hangs (a DB connect in a service provider) must not hang preflight. */
  artisanTimeoutMs?: number;
  /** Sites checked at once; PHP boots are CPU-bound. */
  concurrency?: number;
}

export interface SiteChecker {
  check(sites: SiteRecord[]): Promise<PreflightCheck[]>;
  /** Forget cached results, e.g. after the user says they fixed something. */
  clear(): void;
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function lastLines(text: string): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.slice(-2).join(' ').slice(0, 300) || 'no output';
}

async function checkSite(
  site: SiteRecord,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<PreflightCheck[]> {
  const scope = site.id;
  if (!(await isDirectory(site.path))) {
    return [
      {
        id: `site-directory-missing:${site.id}`,
        severity: 'error',
        scope,
        message: `The directory of ${site.name} (${site.path}) no longer exists, so its workers cannot run. Restore the directory, or remove the site.`,
      },
    ];
  }
  const checks: PreflightCheck[] = [];
  const phps = [...new Set([site.php, ...site.workers.map((w) => w.options.php ?? site.php)])];
  const runnable: string[] = [];
  for (const php of phps) {
    if (await isExecutableFile(php)) runnable.push(php);
    else {
      checks.push({
        id: `php-missing:${site.id}${php === site.php ? '' : `:${php}`}`,
        severity: 'error',
        scope,
        message: `The PHP binary ${php} of ${site.name} no longer exists or is not executable, so its workers cannot start. Reinstall that PHP, or choose another PHP binary for the site.`,
      });
    }
  }
  if (!(await stat(join(site.path, 'artisan')).catch(() => null))?.isFile()) {
    checks.push({
      id: `artisan-missing:${site.id}`,
      severity: 'error',
      scope,
      message: `${site.path} has no artisan file any more, so ${site.name} is not a runnable Laravel app. Restore the app's files, or remove the site.`,
    });
    return checks;
  }
  const php = runnable[0];
  if (!php) return checks;
  const result = await execa(php, ['artisan', '--version', '--no-ansi'], {
    cwd: site.path,
    env,
    reject: false,
    stdin: 'ignore',
    timeout: timeoutMs,
  });
  if (result.timedOut) {
    checks.push({
      id: `artisan-failing:${site.id}`,
      severity: 'warning',
      scope,
      message: `\`php artisan --version\` in ${site.path} did not finish within ${Math.round(timeoutMs / 1000)} s: the app may hang at boot (a service waiting on a database or network). Workers may start slowly or hang.`,
    });
  } else if (result.exitCode !== 0) {
    checks.push({
      id: `artisan-failing:${site.id}`,
      severity: 'error',
      scope,
      message: `\`php artisan --version\` fails in ${site.path} (exit ${result.exitCode ?? '?'}): ${lastLines(`${result.stdout ?? ''}\n${result.stderr ?? ''}`)}. Its workers would crash at start: fix the app (e.g. \`composer install\`, .env), then check again.`,
    });
  }
  return checks;
}

/** Per-site checks, run concurrently and reused for a few seconds. */
export function createSiteChecker(options: SiteCheckerOptions): SiteChecker {
  const cacheMs = options.cacheMs ?? 10_000;
  const timeoutMs = options.artisanTimeoutMs ?? 10_000;
  const concurrency = options.concurrency ?? 4;
  const cache = new Map<string, { at: number; result: Promise<PreflightCheck[]> }>();

  const keyOf = (site: SiteRecord) =>
    JSON.stringify([site.id, site.path, site.php, site.workers.map((w) => w.options.php)]);

  function cached(site: SiteRecord): Promise<PreflightCheck[]> {
    const key = keyOf(site);
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < cacheMs) return hit.result;
    const result = checkSite(site, options.env, timeoutMs);
    cache.set(key, { at: Date.now(), result });
    // A failed check is not worth keeping: try again next time.
    result.catch(() => cache.delete(key));
    return result;
  }

  return {
    async check(sites) {
      const results: PreflightCheck[][] = new Array(sites.length);
      let next = 0;
      const lane = async () => {
        while (next < sites.length) {
          const index = next++;
          results[index] = await cached(sites[index]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, sites.length) }, lane));
      return results.flat();
    },
    clear: () => cache.clear(),
  };
}
