// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteStatus, UnitState } from '../../../../main/ipc/contract';
import { createFakeApi, siteStatus } from '../../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../../testing/renderApp';

afterEach(() => {
  teardownApp();
  vi.useRealTimers();
});

const UNIT = 'servermark-queue-shop_k3j9x2ab_default';

function unit(overrides: Partial<UnitState> & { unit: string }): UnitState {
  return {
    state: 'running',
    activeState: 'active',
    subState: 'running',
    pid: 4242,
    since: null,
    restarts: 0,
    reason: null,
    lastExit: null,
    ...overrides,
  };
}

function withUnits(site: SiteStatus, units: UnitState[]): SiteStatus {
  const running = units.filter((u) => u.state === 'running').length;
  return {
    ...site,
    units: units.map((u) => u.unit),
    workers: [
      {
        name: 'default',
        state: site.state,
        reason: site.reason,
        processes: units.length,
        running,
        units,
      },
    ],
  };
}

const CRASH_LOOP = {
  code: 'crash-loop' as const,
  text: 'Crash loop: the worker kept stopping right after it started. Check its log, fix the cause, then reset and start.',
};

describe('Site details', () => {
  it('opens from the row, by keyboard, and shows each process with a ticking uptime', async () => {
    vi.useFakeTimers({
      now: Date.parse('2026-01-01T10:03:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
    const site = withUnits(siteStatus({ site: 'a', name: 'shop', state: 'running' }), [
      unit({
        unit: `${UNIT}@1.service`,
        pid: 101,
        since: '2026-01-01T10:00:00.000Z',
        restarts: 2,
        lastExit: {
          code: 'memory-limit',
          text: 'Exited with status 12: the worker reached its --memory limit.',
        },
      }),
      unit({ unit: `${UNIT}@2.service`, pid: 102, since: '2026-01-01T10:02:30.000Z' }),
    ]);
    renderApp(createFakeApi([site]));
    const toggle = await screen.findByRole('button', { name: 'Details for shop' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Details for shop' })).toBeNull();

    toggle.focus();
    await userEvent.keyboard('{Enter}');

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Details for shop' });
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    const first = within(panel).getByRole('listitem', { name: 'Process 1' });
    expect(within(first).getByTestId('unit-uptime').textContent).toBe('up 3 min');
    expect(within(first).getByTestId('unit-uptime').getAttribute('datetime')).toBe(
      '2026-01-01T10:00:00.000Z',
    );
    expect(first.textContent).toContain('PID101');
    expect(within(first).getByTestId('unit-restarts').textContent).toBe('2');
    expect(first.textContent).toContain(
      'Last exit: Exited with status 12: the worker reached its --memory limit.',
    );
    expect(first.textContent).toContain('active/running');
    const second = within(panel).getByRole('listitem', { name: 'Process 2' });
    expect(within(second).getByTestId('unit-uptime').textContent).toBe('up 30 s');

    act(() => vi.advanceTimersByTime(5_000));
    expect(within(second).getByTestId('unit-uptime').textContent).toBe('up 35 s');

    await userEvent.keyboard(' ');
    expect(screen.queryByRole('region', { name: 'Details for shop' })).toBeNull();
  });

  it('keeps the panel open when main pushes a new state', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]);
    renderApp(fake);
    await userEvent.click(await screen.findByRole('button', { name: 'Details for shop' }));

    act(() => fake.push([siteStatus({ site: 'a', name: 'shop', state: 'running' })]));

    expect(screen.getByRole('region', { name: 'Details for shop' })).toBeTruthy();
  });
});

describe('Reset and start', () => {
  it('is the one action a crash-looping site offers, and it starts the worker', async () => {
    const failed = withUnits(
      siteStatus({ site: 'a', name: 'shop', state: 'failed', reason: CRASH_LOOP }),
      [
        unit({
          unit: `${UNIT}@1.service`,
          state: 'failed',
          activeState: 'failed',
          subState: 'failed',
          pid: null,
          restarts: 4,
          reason: CRASH_LOOP,
          lastExit: CRASH_LOOP,
        }),
      ],
    );
    const fake = createFakeApi([failed, siteStatus({ site: 'b', name: 'blog', state: 'running' })]);
    renderApp(fake);

    const row = await screen.findByRole('listitem', { name: 'shop' });
    expect(within(row).getByText(CRASH_LOOP.text)).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: /Reset and start/ });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Reset and start shop');

    // The details do not repeat the failure the row already explains.
    await userEvent.click(within(row).getByRole('button', { name: 'Details for shop' }));
    const panel = screen.getByRole('region', { name: 'Details for shop' });
    expect(within(panel).queryByText(CRASH_LOOP.text)).toBeNull();
    expect(panel.textContent).toContain('failed/failed');

    await userEvent.click(buttons[0]!);

    expect(fake.api.startWorkers).toHaveBeenCalledWith('a');
    await waitFor(() => expect(within(row).getByTestId('state-badge').textContent).toBe('Running'));
    expect(screen.queryByRole('button', { name: /Reset and start/ })).toBeNull();
    // The button went away with focus in it: focus stays in the row, not on <body>.
    expect(row.contains(document.activeElement)).toBe(true);
  });

  it('is not offered to a worker that was stopped on purpose', async () => {
    renderApp(createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]));
    await screen.findByRole('listitem', { name: 'shop' });
    expect(screen.queryByRole('button', { name: /Reset and start/ })).toBeNull();
  });
});
