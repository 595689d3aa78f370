import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkers, type SiteRecord } from '../sites/siteRecord';
import { DEFAULT_WORKER_OPTIONS } from '../workers/workerOptions';
import { createWorkerLogs, type WorkerLogs } from './workerLogs';

const SHOP: SiteRecord = {
  id: 'k3j9x2ab',
  name: 'Shop',
  path: '/srv/shop',
  php: '/usr/bin/php8.2',
  laravelVersion: '8.83.27',
  addedAt: '2026-12-01T10:00:00.000Z',
  workers: [...defaultWorkers(), { name: 'emails', options: { ...DEFAULT_WORKER_OPTIONS } }],
};
const BLOG: SiteRecord = {
  ...SHOP,
  id: 'b10g0001',
  name: 'Blog',
  path: '/srv/blog',
  workers: [{ name: 'mail', options: { ...DEFAULT_WORKER_OPTIONS } }],
};
const DEFAULT = 'servermark-queue-shop_k3j9x2ab_default';
const EMAILS = 'servermark-queue-shop_k3j9x2ab_emails';

let dir: string;
let logs: WorkerLogs;
let cap: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servermark-workerlogs-'));
  cap = 64 * 1024;
  logs = createWorkerLogs({
    logDir: dir,
    sites: async () => [SHOP, BLOG],
    maxBytes: async () => cap,
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createWorkerLogs', () => {
  it('reads the default worker unless another is named, found by site name, id or path', async () => {
    await writeFile(join(dir, `${DEFAULT}@1.log`), 'default line\n');
    await writeFile(join(dir, `${EMAILS}@1.log`), 'emails line\n');
    for (const ref of ['Shop', 'k3j9x2ab', '/srv/shop']) {
      expect((await logs.read(ref)).lines.map((l) => l.text)).toEqual(['default line']);
    }
    expect((await logs.read('shop', { worker: 'emails' })).lines.map((l) => l.text)).toEqual([
      'emails line',
    ]);
    // A site without a "default" worker: its first worker.
    expect((await logs.read('Blog')).files).toEqual([]);
  });

  it('refuses an unknown worker and a bad line count, naming what is valid', async () => {
    await expect(logs.read('shop', { worker: 'nope' })).rejects.toMatchObject({
      code: 'WORKER_NOT_FOUND',
      message: 'Shop has no worker named "nope": its workers are default, emails.',
    });
    for (const lines of [-1, 1.5, 100_001, Number.NaN]) {
      await expect(logs.read('shop', { lines })).rejects.toMatchObject({
        code: 'INVALID_OPTION',
      });
    }
    await expect(logs.read('nowhere')).rejects.toMatchObject({ code: 'SITE_NOT_FOUND' });
  });

  it('opens process 1, or the first process with a file, and says when there is none yet', async () => {
    await expect(logs.fileToOpen('shop')).rejects.toMatchObject({ code: 'LOG_NOT_FOUND' });
    await writeFile(join(dir, `${DEFAULT}@1.log.1`), 'only an old part\n');
    await expect(logs.fileToOpen('shop')).rejects.toMatchObject({ code: 'LOG_NOT_FOUND' });
    await writeFile(join(dir, `${DEFAULT}@2.log`), '');
    expect(await logs.fileToOpen('shop')).toBe(join(dir, `${DEFAULT}@2.log`));
    await writeFile(join(dir, `${DEFAULT}@1.log`), '');
    expect(await logs.fileToOpen('shop', 'default')).toBe(join(dir, `${DEFAULT}@1.log`));
  });

  it('rotates on read, per site before a start, and only ServerMark logs on the timer', async () => {
    const big = 'x'.repeat(cap + 1);
    await writeFile(join(dir, `${DEFAULT}@1.log`), big);
    await writeFile(join(dir, `${EMAILS}@1.log`), big);
    await writeFile(join(dir, 'servermark-queue-blog_b10g0001_mail@1.log'), big);
    await writeFile(join(dir, 'someone-else.log'), big);

    await logs.read('shop');
    expect(await readdir(dir)).toContain(`${DEFAULT}@1.log.1`);
    expect(await readdir(dir)).not.toContain(`${EMAILS}@1.log.1`);

    expect(await logs.rotateSiteLogs('k3j9x2ab')).toEqual([join(dir, `${EMAILS}@1.log`)]);
    expect(await logs.rotateIfNeeded()).toEqual([
      join(dir, 'servermark-queue-blog_b10g0001_mail@1.log'),
    ]);
    expect(await readdir(dir)).not.toContain('someone-else.log.1');
  });

  it('follows from the end of the read it starts with', async () => {
    await writeFile(join(dir, `${DEFAULT}@1.log`), 'a\nb\nunfinished');
    const follow = await logs.follow('shop', { lines: 5 }, () => undefined);
    try {
      expect(follow.initial.lines.map((l) => l.text)).toEqual(['a', 'b']);
    } finally {
      await follow.stop();
    }
    const none = await logs.follow('shop', {}, () => undefined);
    expect(none.initial.lines).toEqual([]);
    await none.stop();
  });
});
