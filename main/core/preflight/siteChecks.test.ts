import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../../testing/findExecutable';
import { defaultWorkers, type SiteRecord } from '../sites/siteRecord';
import { createSiteChecker } from './siteChecks';

let root: string;
const php = findExecutable('php');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sm-sitechecks-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let count = 0;
/** A directory with an artisan script: PHP code that answers `artisan --version` its own way. */
async function siteWith(artisan: string | null, overrides: Partial<SiteRecord> = {}) {
  const id = `site${String(++count).padStart(4, '0')}`;
  const path = join(root, id);
  await mkdir(path, { recursive: true });
  if (artisan !== null) await writeFile(join(path, 'artisan'), artisan);
  const site: SiteRecord = {
    id,
    name: `App ${count}`,
    path,
    php,
    laravelVersion: '8.83.26',
    addedAt: '2026-12-04T12:00:00.000Z',
    workers: defaultWorkers(),
    ...overrides,
  };
  return site;
}

const HEALTHY = `<?php file_put_contents(__DIR__.'/calls', 'x', FILE_APPEND); echo "Laravel Framework 8.83.26\\n";`;

describe('per-site preflight', () => {
  it('finds nothing wrong with a site whose artisan answers', async () => {
    const site = await siteWith(HEALTHY);
    expect(await createSiteChecker({ env: process.env }).check([site])).toEqual([]);
  });

  it('reports a missing directory, and nothing else for that site', async () => {
    const site = await siteWith(null, { path: join(root, 'gone') });
    expect(await createSiteChecker({ env: process.env }).check([site])).toEqual([
      {
        id: `site-directory-missing:${site.id}`,
        severity: 'error',
        scope: site.id,
        message: expect.stringContaining(`(${site.path}) no longer exists`),
      },
    ]);
  });

  it('reports a PHP binary that is gone or not executable, per distinct binary', async () => {
    const copy = join(root, 'php-copy');
    await copyFile(php, copy);
    await chmod(copy, 0o644);
    const site = await siteWith(HEALTHY, { php: join(root, 'no-such-php') });
    site.workers[0]!.options.php = copy;
    const checks = await createSiteChecker({ env: process.env }).check([site]);
    expect(checks.map((c) => [c.id, c.severity])).toEqual([
      [`php-missing:${site.id}`, 'error'],
      [`php-missing:${site.id}:${copy}`, 'error'],
    ]);
    expect(checks[0]!.message).toContain(
      `${join(root, 'no-such-php')} of ${site.name} no longer exists`,
    );
  });

  it('reports a missing artisan file', async () => {
    const site = await siteWith(null);
    const checks = await createSiteChecker({ env: process.env }).check([site]);
    expect(checks).toEqual([
      expect.objectContaining({ id: `artisan-missing:${site.id}`, severity: 'error' }),
    ]);
  });

  it('reports an artisan that fails, with what it printed', async () => {
    const site = await siteWith(
      '<?php fwrite(STDERR, "Class \\"Redis\\" not found\\n"); exit(255);',
    );
    const [check] = await createSiteChecker({ env: process.env }).check([site]);
    expect(check).toMatchObject({ id: `artisan-failing:${site.id}`, severity: 'error' });
    expect(check!.message).toContain('(exit 255): Class "Redis" not found.');
  });

  it('stops waiting for an artisan that hangs, with a warning', async () => {
    const site = await siteWith('<?php sleep(30);');
    const started = Date.now();
    const [check] = await createSiteChecker({ env: process.env, artisanTimeoutMs: 500 }).check([
      site,
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(check).toMatchObject({ id: `artisan-failing:${site.id}`, severity: 'warning' });
    expect(check!.message).toContain('did not finish within 1 s');
  });

  it('checks sites concurrently and reuses a result for a few seconds', async () => {
    const sites = await Promise.all([1, 2, 3, 4, 5].map(() => siteWith(HEALTHY)));
    const checker = createSiteChecker({ env: process.env, cacheMs: 60_000 });
    expect(await checker.check(sites)).toEqual([]);
    expect(await checker.check(sites)).toEqual([]);
    for (const site of sites) expect(await readFile(join(site.path, 'calls'), 'utf8')).toBe('x');
    // A change of the site (another PHP) is a new check, as is clearing the cache.
    checker.clear();
    await checker.check(sites.slice(0, 1));
    expect(await readFile(join(sites[0]!.path, 'calls'), 'utf8')).toBe('xx');
  });
});
