import { describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../../main/ipc/contract';
import { mergeSite, mergeSiteList } from './newestStatus';

function status(site: string, state: SiteStatus['state'], readAt: string): SiteStatus {
  return {
    site,
    name: site,
    path: `/srv/${site}`,
    php: '/usr/bin/php',
    laravelVersion: null,
    state,
    reason: null,
    units: [],
    workers: [],
    readAt,
  };
}

const T1 = '2026-01-01T10:00:01.000Z';
const T2 = '2026-01-01T10:00:02.000Z';

describe('mergeSiteList', () => {
  it('takes membership and order from the incoming list', () => {
    const current = [status('a', 'running', T1), status('b', 'stopped', T1)];
    const merged = mergeSiteList(current, [status('c', 'stopped', T2), status('a', 'running', T2)]);
    expect(merged.map((s) => s.site)).toEqual(['c', 'a']);
  });

  it('keeps a row that was read after the incoming one', () => {
    const current = [status('a', 'running', T2)];
    expect(mergeSiteList(current, [status('a', 'stopped', T1)])[0]?.state).toBe('running');
  });

  it('takes a newer row', () => {
    const current = [status('a', 'running', T1)];
    expect(mergeSiteList(current, [status('a', 'failed', T2)])[0]?.state).toBe('failed');
  });
});

describe('mergeSite', () => {
  it('replaces the row unless it is older', () => {
    const current = [status('a', 'stopped', T1)];
    expect(mergeSite(current, status('a', 'running', T2))[0]?.state).toBe('running');
    expect(mergeSite([status('a', 'running', T2)], status('a', 'stopped', T1))[0]?.state).toBe(
      'running',
    );
  });

  it('does not bring back a site that is gone', () => {
    expect(mergeSite([], status('a', 'running', T2))).toEqual([]);
  });
});
