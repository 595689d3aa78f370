import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../../core/errors/serverMarkError';
import type { SiteStatus } from '../../core/workers/siteStatus';
import { runTrayAction, type TrayActionDeps } from './trayActions';

function deps(state: SiteStatus['state'], overrides: Partial<TrayActionDeps['core']> = {}) {
  const calls: string[] = [];
  const reports: string[] = [];
  const outcome = { statuses: [], failures: [] };
  const value: TrayActionDeps = {
    core: {
      startWorkers: async (id) => (calls.push(`start ${id}`), {} as SiteStatus),
      stopWorkers: async (id) => (calls.push(`stop ${id}`), {} as SiteStatus),
      startAll: async () => (calls.push('startAll'), outcome),
      stopAll: async () => (calls.push('stopAll'), outcome),
      restartAll: async () => (calls.push('restartAll'), outcome),
      ...overrides,
    },
    current: () => [{ site: 'a', name: 'shop', state } as SiteStatus],
    busy: new Set(),
    refresh: () => calls.push('refresh'),
    openWindow: (id) => calls.push(`open ${id ?? ''}`),
    quit: () => calls.push('quit'),
    report: (title, body) => reports.push(`${title}: ${body}`),
  };
  return { value, calls, reports };
}

describe('tray actions', () => {
  it('a toggle starts a stopped or failed site and stops a running one, busy meanwhile', async () => {
    for (const [state, call] of [
      ['stopped', 'start a'],
      ['failed', 'start a'],
      ['running', 'stop a'],
      ['starting', 'stop a'],
    ] as const) {
      const { value, calls } = deps(state);
      await runTrayAction({ kind: 'toggle', siteId: 'a' }, value);
      expect(calls).toEqual(['refresh', call, 'refresh']);
      expect(value.busy.size).toBe(0);
    }
  });

  it('ignores a second toggle while the first runs', async () => {
    const { value, calls } = deps('stopped');
    value.busy.add('a');
    await runTrayAction({ kind: 'toggle', siteId: 'a' }, value);
    expect(calls).toEqual([]);
  });

  it('reports failures instead of dropping them', async () => {
    const { value, reports } = deps('stopped', {
      startWorkers: async () => {
        throw new ServerMarkError(
          'PHP_NOT_FOUND',
          'PHP binary /x does not exist or is not executable.',
        );
      },
      startAll: async () => ({
        statuses: [],
        failures: [{ site: 'b', name: 'blog', error: { code: 'NOT_LARAVEL', message: 'gone' } }],
      }),
    });
    await runTrayAction({ kind: 'toggle', siteId: 'a' }, value);
    await runTrayAction({ kind: 'start-all' }, value);
    expect(reports).toEqual([
      'Could not start shop: PHP binary /x does not exist or is not executable.',
      'Could not start 1 site(s): blog: gone',
    ]);
  });

  it('routes open, quit and the batch actions', async () => {
    const { value, calls } = deps('stopped');
    for (const kind of ['open', 'quit', 'start-all', 'stop-all', 'restart-all'] as const)
      await runTrayAction({ kind }, value);
    await runTrayAction({ kind: 'open-site', siteId: 'a' }, value);
    expect(calls).toEqual(['open ', 'quit', 'startAll', 'stopAll', 'restartAll', 'open a']);
  });
});
