import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOriginalSites } from './originalSites';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-original-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the original ServerMark's sites.json", () => {
  it('is absent: nothing to import', async () => {
    expect(await readOriginalSites(dir)).toBeNull();
  });

  it('gives each entry with an absolute path, its name and PHP version', async () => {
    await writeFile(
      join(dir, 'sites.json'),
      JSON.stringify({
        sites: [
          {
            id: 1,
            name: 'Shop',
            path: '/srv/shop',
            domain: 'shop.test',
            php_version: '8.2',
            site_type: 'laravel',
            laravel: {},
          },
          { id: 2, name: '  ', path: '/srv/blank', php_version: 'latest' },
          { id: 3, name: 'Relative', path: 'srv/rel' },
          'not an object',
        ],
        tld: 'test',
        sites_path: '/srv',
      }),
    );
    expect(await readOriginalSites(dir)).toEqual({
      file: join(dir, 'sites.json'),
      sites: [
        { name: 'Shop', path: '/srv/shop', phpVersion: '8.2' },
        { name: null, path: '/srv/blank', phpVersion: null },
      ],
      problem: '2 entries have no absolute path',
    });
  });

  it('says why a file it cannot use was skipped', async () => {
    await writeFile(join(dir, 'sites.json'), '{"sites": [');
    expect((await readOriginalSites(dir))?.problem).toMatch(/^it is not valid JSON/);
    await writeFile(join(dir, 'sites.json'), '{"tld": "test"}');
    expect((await readOriginalSites(dir))?.problem).toBe('it has no "sites" list');
  });
});
