// An in-memory stand-in for the core, so CLI tests check parsing and output without systemd.
import { ServerMarkError } from '../../core/errors/serverMarkError';
import { resolveSite } from '../../core/sites/resolveSite';
import { defaultWorkers, type SiteRecord } from '../../core/sites/siteRecord';
import type { SiteStatus } from '../../core/workers/siteStatus';
import type { StopReason, WorkerStateName } from '../../core/workers/workerState';
import type { CliCore } from '../cliIo';
import { createFakeHealth, type FakeHealth } from './fakeHealth';
import { createFakeLogs, type FakeLogs } from './fakeLogs';
import { fakeWorkerConfigMethods } from './fakeWorkerConfig';

export const READ_AT = '2026-12-04T12:00:00.000Z';

export function fakeSite(overrides: Partial<SiteRecord> = {}): SiteRecord {
  return {
    id: 'k3j9x2ab',
    name: 'shop',
    path: '/srv/shop',
    php: '/usr/bin/php8.2',
    laravelVersion: '8.83.27',
    addedAt: '2026-12-01T10:00:00.000Z',
    workers: defaultWorkers(),
    ...overrides,
  };
}

export function fakeStatus(
  site: SiteRecord,
  state: WorkerStateName = 'stopped',
  reason: StopReason | null = null,
): SiteStatus {
  const unit = `servermark-queue-${site.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}_${site.id}_default@1.service`;
  const running = state === 'running';
  return {
    site: site.id,
    name: site.name,
    path: site.path,
    php: site.php,
    laravelVersion: site.laravelVersion,
    state,
    reason,
    units: [unit],
    workers: [
      {
        name: 'default',
        state,
        reason,
        processes: 1,
        running: running ? 1 : 0,
        units: [
          {
            unit,
            state,
            activeState: running ? 'active' : 'inactive',
            subState: running ? 'running' : 'dead',
            pid: running ? 4242 : null,
            since: running ? '2026-12-04T11:59:00.000Z' : null,
            restarts: 0,
            reason,
            lastExit: null,
          },
        ],
      },
    ],
    readAt: READ_AT,
  };
}

export interface FakeCore extends CliCore {
  sites: SiteRecord[];
  states: Map<string, { state: WorkerStateName; reason: StopReason | null }>;
  calls: string[];
  health: FakeHealth;
  /** When set, every call rejects with it. */
  failWith?: unknown;
  /** Sends a state to onStatus listeners, as live updates would. */
  emit(statuses: SiteStatus[]): void;
  logs: FakeLogs;
}

export function createFakeCore(sites: SiteRecord[] = []): FakeCore {
  const listeners = new Set<(statuses: SiteStatus[]) => void>();
  const core: FakeCore = {
    sites: [...sites],
    states: new Map(),
    calls: [],
    health: createFakeHealth(),
    emit: (statuses) => listeners.forEach((listener) => listener(statuses)),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async startLive() {
      core.calls.push('startLive');
      return {
        mode: 'dbus',
        refresh: async () => undefined,
        stop: () => core.calls.push('stopLive'),
      };
    },
    async listSites() {
      core.calls.push('listSites');
      check();
      return core.sites;
    },
    async resolveSite(ref) {
      core.calls.push(`resolveSite ${ref}`);
      check();
      return resolveSite(core.sites, ref);
    },
    async addSite(request) {
      core.calls.push(`addSite ${JSON.stringify(request)}`);
      check();
      if (!request.directory.startsWith('/srv/')) {
        throw new ServerMarkError(
          'NOT_LARAVEL',
          `${request.directory} is not a Laravel app: it has no artisan file.`,
        );
      }
      const site = fakeSite({
        id: `site${String(core.sites.length).padStart(4, '0')}`,
        name: request.name ?? request.directory.split('/').pop()!,
        path: request.directory,
        php: request.php ?? '/usr/bin/php8.2',
      });
      core.sites.push(site);
      return site;
    },
    async scanDirectory(directory) {
      core.calls.push(`scanDirectory ${directory}`);
      check();
      const site = await core.addSite({ directory: `${directory}/app` });
      return {
        added: [site],
        skipped: [{ path: `${directory}/plain`, message: 'not a Laravel app' }],
      };
    },
    async removeSite(ref) {
      core.calls.push(`removeSite ${ref}`);
      check();
      const site = await resolveSite(core.sites, ref);
      core.sites = core.sites.filter((s) => s.id !== site.id);
      return site;
    },
    ...fakeWorkerConfigMethods(() => core),
    logs: createFakeLogs(),
    startWorkers: (ref) => transition('startWorkers', ref, 'running'),
    stopWorkers: (ref) => transition('stopWorkers', ref, 'stopped'),
    restartWorkers: (ref) => transition('restartWorkers', ref, 'running'),
    async status(refs) {
      core.calls.push(`status ${refs ? refs.join(',') : '*'}`);
      check();
      const chosen = refs
        ? await Promise.all(refs.map((ref) => resolveSite(core.sites, ref)))
        : core.sites;
      return chosen.map((site) => {
        const known = core.states.get(site.id);
        return fakeStatus(site, known?.state, known?.reason);
      });
    },
  };

  function check(): void {
    if (core.failWith !== undefined) throw core.failWith;
  }

  async function transition(
    call: string,
    ref: string,
    state: WorkerStateName,
  ): Promise<SiteStatus> {
    core.calls.push(`${call} ${ref}`);
    check();
    const site = await resolveSite(core.sites, ref);
    const known = core.states.get(site.id);
    // A preset failure survives start, like a crash loop systemd reports after the start job.
    const next = known?.state === 'failed' ? known : { state, reason: null };
    core.states.set(site.id, next);
    return fakeStatus(site, next.state, next.reason);
  }

  return core;
}
