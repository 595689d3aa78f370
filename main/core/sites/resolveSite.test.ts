import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { resolveSite } from './resolveSite';
import { defaultWorkers, type SiteRecord } from './siteRecord';

let root: string;
let sites: SiteRecord[];

function site(id: string, name: string, path: string): SiteRecord {
  return {
    id,
    name,
    path,
    php: '/usr/bin/php',
    laravelVersion: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    workers: defaultWorkers(),
  };
}

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'sm resolve "q" $HOME ')));
  await mkdir(join(root, 'shop app'));
  await mkdir(join(root, 'blog'));
  await symlink(join(root, 'shop app'), join(root, 'link to shop'));
  sites = [
    site('aaaaaaaa', 'Shop', join(root, 'shop app')),
    site('bbbbbbbb', 'blog', join(root, 'blog')),
    site('cccccccc', 'Twin', '/srv/twin1'),
    site('dddddddd', 'twin', '/srv/twin2'),
    // A name that looks like another site's id: the id wins.
    site('eeeeeeee', 'aaaaaaaa', '/srv/tricky'),
  ];
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function codeOf(ref: string): Promise<string | undefined> {
  const error = await resolveSite(sites, ref).catch((e: unknown) => e);
  if (!(error instanceof Error)) return undefined;
  expect(error).toBeInstanceOf(ServerMarkError);
  return (error as ServerMarkError).code;
}

describe('resolveSite', () => {
  it('finds by id first', async () => {
    expect((await resolveSite(sites, 'bbbbbbbb')).name).toBe('blog');
    expect((await resolveSite(sites, 'aaaaaaaa')).id).toBe('aaaaaaaa');
  });

  it('finds by exact name, then by name ignoring case', async () => {
    expect((await resolveSite(sites, 'Shop')).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, 'SHOP')).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, 'Twin')).id).toBe('cccccccc');
    expect((await resolveSite(sites, 'twin')).id).toBe('dddddddd');
  });

  it('refuses a name that fits several sites only loosely', async () => {
    expect(await codeOf('TWIN')).toBe('AMBIGUOUS_SITE');
  });

  it('finds by directory: absolute, relative, trailing slash or through a symlink', async () => {
    const shop = join(root, 'shop app');
    expect((await resolveSite(sites, shop)).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, `${shop}/`)).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, join(root, 'blog', '..', 'shop app'))).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, relative(process.cwd(), shop))).id).toBe('aaaaaaaa');
    expect((await resolveSite(sites, join(root, 'link to shop'))).id).toBe('aaaaaaaa');
    // A registered directory that no longer exists is still found by its path.
    expect((await resolveSite(sites, '/srv/twin1')).id).toBe('cccccccc');
  });

  it('says SITE_NOT_FOUND for anything else', async () => {
    for (const ref of ['nope', 'ffffffff', join(root, 'missing'), '', 'shop app']) {
      expect(await codeOf(ref), ref).toBe('SITE_NOT_FOUND');
    }
    expect(await resolveSite([], 'x').catch((e: Error) => e.message)).toContain(
      'No site matches "x"',
    );
  });
});
