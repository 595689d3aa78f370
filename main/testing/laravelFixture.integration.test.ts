import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from './hostilePath';
import { createLaravelFixture, type LaravelFixture } from './laravelFixture';

describe('createLaravelFixture', () => {
  let root: string;
  let app: LaravelFixture;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-fixture-test-'));
    app = await createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is a real Laravel 8.83 app matching its composer.lock', async () => {
    const result = await app.artisan(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toMatch(/^Laravel Framework 8\.83\.\d+$/);
    const lock = JSON.parse(readFileSync(join(app.path, 'composer.lock'), 'utf8')) as {
      packages: { name: string; version: string }[];
    };
    const framework = lock.packages.find((p) => p.name === 'laravel/framework');
    expect(`Laravel Framework ${framework?.version.replace(/^v/, '')}`).toBe(result.stdout.trim());
  });

  it('lives in a path with spaces, quotes, $, % and non-ASCII characters', async () => {
    expect(app.path).toBe(join(root, 'sites', 'My "Q" app $HOME ${HOME} %h ünïcødé'));
    expect(existsSync(join(app.path, 'database', 'database.sqlite'))).toBe(true);
    expect(await app.pendingCount()).toBe(0);
    expect(await app.failedCount()).toBe(0);
  });

  it('processes a dispatched job with queue:work --once', async () => {
    const id = await app.dispatch({ id: 'once-1' });
    expect(id).toBe('once-1');
    expect(await app.pendingCount('default')).toBe(1);
    expect(await app.processed()).not.toContain(id);

    const worker = await app.artisan(['queue:work', '--once']);
    expect(worker.exitCode).toBe(0);
    expect(worker.stdout).toContain('Processed:  App\\Jobs\\FixtureJob');

    await app.waitForProcessed(id, 1_000);
    expect(await app.processed()).toContain(id);
    expect(await app.pendingCount()).toBe(0);
    expect(readFileSync(join(app.path, 'storage', 'processed', id), 'utf8')).toMatch(
      /^pid=\d+ attempt=1 queue=default\n$/,
    );
  });

  it('keeps queues apart and records failed jobs', async () => {
    const ok = await app.dispatch({ queue: 'emails' });
    const bad = await app.dispatch({ queue: 'emails', fail: true });
    await app.dispatch({ queue: 'other' });
    expect(await app.pendingCount('emails')).toBe(2);
    expect(await app.pendingCount('other')).toBe(1);
    expect(await app.pendingCount()).toBe(3);

    const worker = await app.artisan([
      'queue:work',
      '--stop-when-empty',
      '--sleep=0',
      '--queue=emails',
    ]);
    expect(worker.exitCode).toBe(0);
    expect(await app.processed()).toEqual(expect.arrayContaining([ok, bad]));
    expect(await app.failedCount()).toBe(1);
    expect(await app.pendingCount('emails')).toBe(0);
    expect(await app.pendingCount('other')).toBe(1);
  });

  it('breakArtisan makes queue:work die at start until fixArtisan', async () => {
    await app.breakArtisan();
    const broken = await app.artisan(['queue:work', '--once']);
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain('broken on purpose');
    // Only the worker is broken: helpers that use other commands still work.
    const id = await app.dispatch();
    expect(await app.pendingCount('default')).toBe(1);

    await app.fixArtisan();
    const fixed = await app.artisan(['queue:work', '--once']);
    expect(fixed.exitCode).toBe(0);
    await app.waitForProcessed(id, 1_000);
  });

  it('supports queue:restart (file cache)', async () => {
    const result = await app.artisan(['queue:restart']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Broadcasting queue restart signal.');
  });

  it('refuses a non-empty target directory', async () => {
    await expect(createLaravelFixture(app.path)).rejects.toThrow(/not empty/);
  });

  it('gives each copy its own database', async () => {
    const other = await createLaravelFixture(join(root, 'second copy'));
    expect(await other.pendingCount()).toBe(0);
    expect(await other.processed()).toEqual([]);
    expect(await app.pendingCount()).toBe(1);
  });
});
