import { describe, expect, it } from 'vitest';
import type { SiteStatus } from './siteStatus';
import { INCIDENT_QUIET_MS, IncidentTracker } from './incidents';

function site(id: string, state: SiteStatus['state'], crashLoop = false): SiteStatus {
  return {
    site: id,
    name: `site ${id}`,
    path: `/srv/${id}`,
    php: '/usr/bin/php8.2',
    laravelVersion: '8.83.26',
    state,
    reason:
      state === 'failed' ? { code: crashLoop ? 'crash-loop' : 'exit-code', text: 'why' } : null,
    units: [],
    workers: [],
    readAt: '2026-12-04T12:00:00.000Z',
  };
}

describe('IncidentTracker', () => {
  it('does not announce failures that were there when the app started', () => {
    const tracker = new IncidentTracker();
    expect(tracker.next([site('a', 'failed')], 0)).toEqual([]);
    expect(tracker.next([site('a', 'failed')], 1_000)).toEqual([]);
  });

  it('announces a site turning failed once, with crash loops named as such', () => {
    const tracker = new IncidentTracker();
    tracker.next([site('a', 'running'), site('b', 'running')], 0);
    const incidents = tracker.next([site('a', 'failed', true), site('b', 'failed')], 1_000);
    expect(incidents.map((i) => [i.siteId, i.kind])).toEqual([
      ['a', 'crash-loop'],
      ['b', 'failed'],
    ]);
    expect(incidents[0]!.title).toContain('crash-looping');
    expect(tracker.next([site('a', 'failed', true), site('b', 'failed')], 2_000)).toEqual([]);
  });

  it('stays quiet while a site flaps, and speaks again after the quiet period', () => {
    const tracker = new IncidentTracker();
    tracker.next([site('a', 'running')], 0);
    expect(tracker.next([site('a', 'failed')], 1_000)).toHaveLength(1);
    tracker.next([site('a', 'running')], 2_000);
    expect(tracker.next([site('a', 'failed')], 3_000)).toEqual([]);
    tracker.next([site('a', 'running')], 4_000);
    expect(tracker.next([site('a', 'failed')], 1_000 + INCIDENT_QUIET_MS + 1)).toHaveLength(1);
  });
});
