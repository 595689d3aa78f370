import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { restartUserManager, startUserManager, type UserManager } from '../../testing/userManager';
import { sleep, waitFor } from '../../testing/waitFor';
import { createServerMark, type ServerMark } from '../serverMark';
import type { SiteStatus } from '../workers/siteStatus';

describe('live state from the user manager', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let core: ServerMark;
  const events: Array<{ at: number; statuses: SiteStatus[] }> = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-live-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'shop')),
    ]);
    core = createServerMark({ env: manager.env });
    core.onStatus((statuses) => events.push({ at: Date.now(), statuses }));
  });

  afterAll(async () => {
    core?.close();
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  /** Waits for an event satisfying `test` that arrived after `since`; returns its delay. */
  async function eventAfter(
    since: number,
    test: (s: SiteStatus | undefined) => boolean,
    timeoutMs = 5_000,
  ) {
    const event = await waitFor(
      'a state event',
      () => events.find((e) => e.at >= since && test(e.statuses[0])),
      { timeoutMs, intervalMs: 10 },
    );
    return { delay: event.at - since, status: event.statuses[0]! };
  }

  it('listens on the user bus, not by polling', async () => {
    const live = await core.startLive();
    expect(live.mode).toBe('dbus');
  });

  it('a site added by another process (the CLI) appears without asking', async () => {
    const since = Date.now();
    const cli = createServerMark({ env: manager.env });
    await cli.addSite({ directory: app.path });
    const { delay } = await eventAfter(since, (s) => s?.name === 'shop');
    expect(delay).toBeLessThan(1_000);
  });

  it('a start made elsewhere shows as running', async () => {
    const since = Date.now();
    await createServerMark({ env: manager.env }).startWorkers('shop');
    await eventAfter(since, (s) => s?.state === 'running');
  });

  it('`systemctl --user stop` in a terminal produces a state event within 1 s', async () => {
    const [status] = await core.status();
    const since = Date.now();
    const result = await manager.systemctl(['stop', status!.units[0]!]);
    expect(result.exitCode).toBe(0);
    const { delay } = await eventAfter(since, (s) => s?.state === 'stopped');
    expect(delay).toBeLessThan(1_000);
  });

  it('a worker killed with SIGKILL produces an event within 1 s, then comes back with a restart counted', async () => {
    await core.startWorkers('shop');
    const running = await waitFor('running', async () => {
      const [s] = await core.status();
      return s?.state === 'running' && s.workers[0]!.units[0]!.pid ? s : null;
    });
    const pid = running.workers[0]!.units[0]!.pid!;
    const since = Date.now();
    process.kill(pid, 'SIGKILL');
    const { delay } = await eventAfter(since, (s) => s?.workers[0]?.units[0]?.pid !== pid);
    expect(delay).toBeLessThan(1_000);
    const back = await eventAfter(
      since,
      (s) => s?.state === 'running' && s.workers[0]!.units[0]!.restarts === 1,
    );
    // SIGKILL is how Laravel ends a job past --timeout, so that is the first explanation offered.
    expect(back.status.workers[0]!.units[0]!.lastExit?.code).toBe('job-timeout');
  });

  it('stays quiet while nothing changes', async () => {
    await sleep(300);
    const count = events.length;
    await sleep(2_000);
    expect(events.length).toBe(count);
  });

  it('survives a restart of the user manager: falls back to polling, then listens again', async () => {
    const live = await core.startLive();
    await restartUserManager(manager);
    await waitFor('polling', () => live.mode === 'polling', { timeoutMs: 5_000, intervalMs: 20 });
    await waitFor('listening again', () => live.mode === 'dbus', {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const [status] = await core.status();
    // The worker is enabled, so the new manager started it at once: stopping it must show.
    expect(status?.state).toBe('running');
    const since = Date.now();
    await manager.systemctl(['stop', status!.units[0]!]);
    const { delay } = await eventAfter(since, (s) => s?.state === 'stopped');
    expect(delay).toBeLessThan(1_000);
  });
});
