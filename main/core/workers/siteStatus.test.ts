import { describe, expect, it } from 'vitest';
import type { SiteRecord } from '../sites/siteRecord';
import type { ListedUnit } from '../systemd/systemctl';
import type { UnitProperties } from '../systemd/showOutput';
import { DEFAULT_WORKER_OPTIONS } from './workerOptions';
import { buildSiteStatuses, unitsToRead } from './siteStatus';

function site(id: string, path: string, workers: [string, number][]): SiteRecord {
  return {
    id,
    name: path.split('/').pop()!,
    path,
    php: '/usr/bin/php8.2',
    laravelVersion: '11.0.0',
    addedAt: '2026-01-01T00:00:00.000Z',
    workers: workers.map(([name, processes]) => ({
      name,
      options: { ...DEFAULT_WORKER_OPTIONS, processes },
    })),
  };
}

const shop = site('aaaaaaaa', '/srv/shop', [
  ['default', 2],
  ['mail', 1],
]);
const blog = site('bbbbbbbb', '/srv/blog', [['default', 1]]);
const u = (s: SiteRecord, worker: string, n: number | '') =>
  `servermark-queue-${s.path.split('/').pop()}_${s.id}_${worker}@${n}.service`;

function listed(unit: string, active: string, sub: string): ListedUnit {
  return { unit, load: 'loaded', active, sub };
}

function props(unit: string, p: Partial<UnitProperties>): [string, UnitProperties] {
  return [
    unit,
    { Id: unit, LoadState: 'loaded', MainPID: '0', NRestarts: '0', Result: 'success', ...p },
  ];
}

describe('unitsToRead', () => {
  it('reads loaded instances of the given sites only, never templates or other sites', () => {
    const list = [
      listed(u(shop, 'default', 1), 'active', 'running'),
      listed(u(shop, 'default', ''), 'inactive', 'dead'),
      listed(u(blog, 'default', 1), 'active', 'running'),
      listed('servermark-queue-x_cccccccc_default@1.service', 'active', 'running'),
      listed('unrelated.service', 'active', 'running'),
    ];
    expect(unitsToRead([shop], list)).toEqual([u(shop, 'default', 1)]);
    expect(unitsToRead([shop, blog], list).sort()).toEqual(
      [u(shop, 'default', 1), u(blog, 'default', 1)].sort(),
    );
    expect(unitsToRead([], list)).toEqual([]);
  });
});

describe('buildSiteStatuses', () => {
  const readAt = new Date('2026-02-03T04:05:06.000Z');

  it('shows every configured process, worst state first, with the reason of the worst', () => {
    const list = [
      listed(u(shop, 'default', 1), 'active', 'running'),
      listed(u(shop, 'default', 2), 'failed', 'failed'),
      listed(u(shop, 'mail', 1), 'active', 'running'),
    ];
    const properties = new Map([
      props(u(shop, 'default', 1), { ActiveState: 'active', SubState: 'running', MainPID: '10' }),
      props(u(shop, 'default', 2), {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'start-limit-hit',
      }),
      props(u(shop, 'mail', 1), { ActiveState: 'active', SubState: 'running', MainPID: '11' }),
    ]);
    const [status] = buildSiteStatuses([shop], list, properties, readAt);
    expect(status).toMatchObject({
      site: 'aaaaaaaa',
      name: 'shop',
      path: '/srv/shop',
      state: 'failed',
      reason: { code: 'crash-loop' },
      readAt: '2026-02-03T04:05:06.000Z',
      units: [u(shop, 'default', 1), u(shop, 'default', 2), u(shop, 'mail', 1)],
    });
    expect(status!.workers.map((w) => [w.name, w.state, w.processes, w.running])).toEqual([
      ['default', 'failed', 2, 1],
      ['mail', 'running', 1, 1],
    ]);
  });

  it('counts units that are not loaded as stopped, even if stale properties exist', () => {
    const properties = new Map([props(u(blog, 'default', 1), { ActiveState: 'active' })]);
    const [status] = buildSiteStatuses([blog], [], properties, readAt);
    expect(status!.state).toBe('stopped');
    expect(status!.reason).toBeNull();
    expect(status!.workers[0]!.units[0]).toMatchObject({ state: 'stopped', pid: null });
  });

  it('keeps leftover instances beyond the configured count visible (they still run)', () => {
    const one = site('aaaaaaaa', '/srv/shop', [
      ['default', 1],
      ['default-2', 1],
    ]);
    const list = [
      listed(u(one, 'default', 1), 'active', 'running'),
      listed(u(one, 'default', 3), 'active', 'running'),
      // Another worker whose name starts the same must not be counted as a leftover.
      listed(u(one, 'default-2', 1), 'active', 'running'),
    ];
    const properties = new Map(list.map((l) => props(l.unit, { ActiveState: 'active' })));
    const [status] = buildSiteStatuses([one], list, properties, readAt);
    expect(status!.workers[0]!.units.map((x) => x.unit)).toEqual([
      u(one, 'default', 1),
      u(one, 'default', 3),
    ]);
    expect(status!.workers[0]!.running).toBe(2);
    expect(status!.workers[1]!.units.map((x) => x.unit)).toEqual([u(one, 'default-2', 1)]);
  });

  it('reports starting (with the last exit) while a worker waits to restart', () => {
    const list = [listed(u(blog, 'default', 1), 'activating', 'auto-restart')];
    const properties = new Map([
      props(u(blog, 'default', 1), {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'exit-code',
        ExecMainCode: '1',
        ExecMainStatus: '12',
        NRestarts: '4',
      }),
    ]);
    const [status] = buildSiteStatuses([blog], list, properties, readAt);
    expect(status).toMatchObject({ state: 'starting', reason: { code: 'memory-limit' } });
    expect(status!.workers[0]!.units[0]!.restarts).toBe(4);
  });
});
