import { vi } from 'vitest';
import type { ErrorView, Result, SiteStatus } from '../../../main/ipc/contract';
import type { ServerMarkApi } from '../../../preload/serverMarkApi';
import { DEFAULT_TEST_SETTINGS } from './fakeSettings';

let clock = Date.parse('2026-01-01T10:00:00Z');

/** Each read of systemd happens one second after the previous one. */
export function nextReadAt(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

/** A SiteStatus as main would send it, read now unless overrides say otherwise. */
export function siteStatus(
  overrides: Partial<SiteStatus> & { site: string; name: string },
): SiteStatus {
  const state = overrides.state ?? 'stopped';
  return {
    path: `/home/dev/code/${overrides.name}`,
    php: '/usr/bin/php8.3',
    laravelVersion: '11.31.0',
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
    readAt: nextReadAt(),
    ...overrides,
  };
}

function notFaked(call: string): Result<never> {
  return failure({ code: 'INTERNAL', message: `fake: ${call} has no behaviour in this test` });
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(error: ErrorView): Result<never> {
  return { ok: false, error };
}

/** A promise the test settles by hand, to look at the window while main is still working. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A ServerMarkApi whose state the test controls; by default every call succeeds at once. */
export function createFakeApi(initial: SiteStatus[]) {
  let sites = initial;
  const listeners = new Set<(sites: SiteStatus[]) => void>();
  const problemListeners = new Set<(problem: ErrorView | null) => void>();
  const focusListeners = new Set<(request: { siteId: string }) => void>();
  let settings = { ...DEFAULT_TEST_SETTINGS };
  const api = {
    getStatus: vi.fn<ServerMarkApi['getStatus']>(async () => ok(sites)),
    listSites: vi.fn<ServerMarkApi['listSites']>(async () =>
      ok(sites.map(({ site, name, path }) => ({ site, name, path }))),
    ),
    addSite: vi.fn<ServerMarkApi['addSite']>(async () => ok({ cancelled: true as const })),
    scanFolder: vi.fn<ServerMarkApi['scanFolder']>(async () => ok({ cancelled: true as const })),
    removeSite: vi.fn<ServerMarkApi['removeSite']>(async (siteId) => {
      sites = sites.filter((s) => s.site !== siteId);
      return ok(null);
    }),
    startWorkers: vi.fn<ServerMarkApi['startWorkers']>(async (siteId) =>
      ok(setState(siteId, 'running')),
    ),
    stopWorkers: vi.fn<ServerMarkApi['stopWorkers']>(async (siteId) =>
      ok(setState(siteId, 'stopped')),
    ),
    restartWorkers: vi.fn<ServerMarkApi['restartWorkers']>(async (siteId) =>
      ok(setState(siteId, 'running')),
    ),
    onStatusChanged: vi.fn<ServerMarkApi['onStatusChanged']>((listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    startAll: vi.fn<ServerMarkApi['startAll']>(async () => ok(batch('running'))),
    stopAll: vi.fn<ServerMarkApi['stopAll']>(async () => ok(batch('stopped'))),
    restartAll: vi.fn<ServerMarkApi['restartAll']>(async () => ok(batch('running'))),
    // Worker settings (issue 4): refused until a test gives them a behaviour.
    getWorkerConfig: vi.fn<ServerMarkApi['getWorkerConfig']>(async () =>
      notFaked('getWorkerConfig'),
    ),
    setWorkerConfig: vi.fn<ServerMarkApi['setWorkerConfig']>(async () =>
      notFaked('setWorkerConfig'),
    ),
    addWorker: vi.fn<ServerMarkApi['addWorker']>(async () => notFaked('addWorker')),
    removeWorker: vi.fn<ServerMarkApi['removeWorker']>(async () => notFaked('removeWorker')),
    onStatusProblem: vi.fn<ServerMarkApi['onStatusProblem']>((listener) => {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    }),
    onFocusSite: vi.fn<ServerMarkApi['onFocusSite']>((listener) => {
      focusListeners.add(listener);
      return () => focusListeners.delete(listener);
    }),
    // Settings: stored as given; a test makes setSettings refuse when it checks an error.
    getSettings: vi.fn<ServerMarkApi['getSettings']>(async () => ok(settings)),
    setSettings: vi.fn<ServerMarkApi['setSettings']>(async (patch) => {
      settings = { ...settings, ...patch };
      return ok(settings);
    }),
    // Health (preflight, reconcile, registry recovery): all clear unless a test says otherwise.
    runPreflight: vi.fn<ServerMarkApi['runPreflight']>(async () =>
      ok({ checks: [], ranAt: nextReadAt() }),
    ),
    scanReconcile: vi.fn<ServerMarkApi['scanReconcile']>(async () =>
      ok({ findings: [], adopted: [], systemdProblem: null, scannedAt: nextReadAt() }),
    ),
    applyReconcile: vi.fn<ServerMarkApi['applyReconcile']>(async (findingId, action) =>
      ok({
        outcome: { findingId, action, message: 'Done.' },
        report: { findings: [], adopted: [], systemdProblem: null, scannedAt: nextReadAt() },
      }),
    ),
    recoverRegistry: vi.fn<ServerMarkApi['recoverRegistry']>(async () =>
      ok({ movedTo: '/home/dev/.config/servermark/registry.json.corrupt-x', reason: 'fake' }),
    ),
    onReconcileChanged: vi.fn<ServerMarkApi['onReconcileChanged']>(() => () => undefined),
    // Worker logs (issue 4): refused until a test gives them a behaviour.
    readLog: vi.fn<ServerMarkApi['readLog']>(async () => notFaked('readLog')),
    followLog: vi.fn<ServerMarkApi['followLog']>(async () => notFaked('followLog')),
    unfollowLog: vi.fn<ServerMarkApi['unfollowLog']>(async () => ok(false)),
    openLog: vi.fn<ServerMarkApi['openLog']>(async () => notFaked('openLog')),
    onLogLines: vi.fn<ServerMarkApi['onLogLines']>(() => () => undefined),
  } satisfies ServerMarkApi;

  function batch(state: SiteStatus['state']) {
    return { statuses: sites.map((s) => setState(s.site, state)), failures: [] };
  }

  function setState(siteId: string, state: SiteStatus['state']): SiteStatus {
    const current = sites.find((s) => s.site === siteId);
    if (!current) throw new Error(`fake: no site ${siteId}`);
    const workers = current.workers.map((w) => ({
      ...w,
      state,
      running: state === 'running' ? w.processes : 0,
    }));
    const next = siteStatus({ ...current, state, workers, readAt: nextReadAt() });
    sites = sites.map((s) => (s.site === siteId ? next : s));
    return next;
  }

  return {
    api,
    /** Changes what main reports from now on, as systemd would. */
    setSites(next: SiteStatus[]) {
      sites = next;
    },
    /** Main pushing the full list, as after any change. */
    push(next: SiteStatus[]) {
      sites = next;
      for (const listener of listeners) listener(next);
    },
    /** Main telling the window live state cannot be read (or can again, with null). */
    pushProblem(problem: ErrorView | null) {
      for (const listener of problemListeners) listener(problem);
    },
    /** Main asking the window to show a site (its notification was clicked). */
    pushFocusSite(siteId: string) {
      for (const listener of focusListeners) listener({ siteId });
    },
    listenerCount: () => listeners.size,
    problemListenerCount: () => problemListeners.size,
    /** What main has stored, as after the last successful setSettings. */
    storedSettings: () => settings,
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
