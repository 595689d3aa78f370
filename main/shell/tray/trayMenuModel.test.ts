import { describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../core/workers/siteStatus';
import { buildTrayModel, MAX_SITE_ITEMS } from './trayMenuModel';

function site(id: string, state: SiteStatus['state'], extra: Partial<SiteStatus> = {}): SiteStatus {
  return {
    site: id,
    name: `site-${id}`,
    path: `/srv/${id}`,
    php: '/usr/bin/php8.2',
    laravelVersion: '8.83.26',
    state,
    reason: null,
    units: [],
    workers: [
      {
        name: 'default',
        state,
        reason: null,
        processes: 1,
        running: state === 'running' ? 1 : 0,
        units: [],
      },
    ],
    readAt: '2026-12-04T12:00:00.000Z',
    ...extra,
  };
}
const none = new Set<string>();
const labels = (model: ReturnType<typeof buildTrayModel>) =>
  model.items.map((i) => (i.type === 'separator' ? '---' : i.label));

describe('tray model', () => {
  it('puts Open first, a checkbox per site, the batch actions and Quit', () => {
    const model = buildTrayModel({
      statuses: [site('a', 'running'), site('b', 'stopped')],
      busy: none,
    });
    expect(labels(model)).toEqual([
      'Open ServerMark',
      '---',
      'site-a — running',
      'site-b — stopped',
      '---',
      'Start all',
      'Stop all',
      'Restart all',
      '---',
      'Quit ServerMark',
    ]);
    expect(model.items[2]).toMatchObject({
      type: 'checkbox',
      checked: true,
      enabled: true,
      action: { kind: 'toggle', siteId: 'a' },
    });
    expect(model.items[3]).toMatchObject({ checked: false });
    expect(model.icon).toBe('running');
    expect(model.tooltip).toBe('ServerMark — 1 of 2 workers running');
  });

  it('shows a problem icon and the failure count when any worker failed', () => {
    const failed = site('c', 'failed', { reason: { code: 'crash-loop', text: 'x' } });
    failed.workers[0]!.state = 'failed';
    const model = buildTrayModel({
      statuses: [site('a', 'running'), failed, site('b', 'stopped')],
      busy: none,
    });
    expect(model.icon).toBe('problem');
    expect(model.tooltip).toBe('ServerMark — 1 of 3 workers running, 1 failed');
    expect(labels(model)).toContain('site-c — failed: crash loop');
  });

  it('shows starting as checked and busy sites as not clickable', () => {
    const model = buildTrayModel({
      statuses: [site('a', 'starting'), site('b', 'stopped')],
      busy: new Set(['b']),
    });
    expect(model.items[2]).toMatchObject({ label: 'site-a — starting…', checked: true });
    expect(model.items[3]).toMatchObject({ label: 'site-b — working…', enabled: false });
  });

  it('never guesses: before the first read and on errors it says so, with no site items', () => {
    const unread = buildTrayModel({ statuses: null, busy: none });
    expect(labels(unread)).toContain('Reading worker state…');
    expect(unread.icon).toBe('idle');
    const broken = buildTrayModel({
      statuses: null,
      busy: none,
      error: 'No systemd user manager is reachable.',
    });
    expect(broken.icon).toBe('problem');
    expect(broken.tooltip).toContain('No systemd user manager');
    expect(broken.items.find((i) => i.label === 'Start all')?.enabled).toBe(false);
  });

  it('shows the empty state, and caps long site lists with a way to the window', () => {
    expect(labels(buildTrayModel({ statuses: [], busy: none }))).toContain(
      'No sites yet — add one in the window',
    );
    const many = Array.from({ length: MAX_SITE_ITEMS + 5 }, (_, i) => site(String(i), 'stopped'));
    const model = buildTrayModel({ statuses: many, busy: none });
    expect(model.items.filter((i) => i.type === 'checkbox')).toHaveLength(MAX_SITE_ITEMS);
    expect(labels(model)).toContain('5 more sites in the window…');
    expect(model.icon).toBe('idle');
  });

  it('names the process count for multi-process workers', () => {
    const s = site('a', 'running');
    s.workers[0] = { ...s.workers[0]!, processes: 3, running: 2 };
    expect(labels(buildTrayModel({ statuses: [s], busy: none }))).toContain(
      'site-a — 2 of 3 running',
    );
  });
});
