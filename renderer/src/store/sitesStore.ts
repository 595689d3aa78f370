import { create } from 'zustand';
import type { BatchOutcome, ErrorView, Result, SiteStatus } from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';
import type { ServerMarkApi } from '../api/serverMarkApi';
import {
  describeBatch,
  describeState,
  describeStateChanges,
  type BatchKind,
} from './announcements';
import { mergeSite, mergeSiteList } from './newestStatus';

export type { BatchKind };
export type SiteOperation = 'starting' | 'stopping' | 'restarting' | 'removing';
export type LoadPhase = 'loading' | 'ready' | 'error';

/** An error main returned for one site, with the operation it answered. */
export interface SiteError extends ErrorView {
  operation: SiteOperation;
}

export interface SitesState {
  sites: SiteStatus[];
  phase: LoadPhase;
  loadError: ErrorView | null;
  /** Operations in flight per site id; a busy site ignores further requests. */
  busy: Record<string, SiteOperation>;
  errors: Record<string, SiteError>;
  adding: boolean;
  addError: ErrorView | null;
  /** A re-read after an action or on focus failed: the list may be out of date. */
  refreshError: ErrorView | null;
  /** Start/Stop/Restart all in flight: one at a time, every row busy meanwhile. */
  batch: BatchKind | null;
  /** The batch call itself failed (per-site failures go to `errors`). */
  batchError: { kind: BatchKind; error: ErrorView } | null;
  /** Why main cannot follow live state right now; null while it can. */
  statusProblem: ErrorView | null;
  /** A site to bring into view (a notification was clicked); seq tells repeats apart. */
  focusRequest: { siteId: string; seq: number } | null;
  /** Last completed action or outside change, for the screen-reader live region. */
  announcement: string;
}

export interface SitesActions {
  load(): Promise<void>;
  refresh(): Promise<void>;
  applyPushedStatus(sites: SiteStatus[]): void;
  toggle(siteId: string): Promise<void>;
  /** A failed or crash-looping worker: main resets the failure, then starts it. */
  resetAndStart(siteId: string): Promise<void>;
  runAll(kind: BatchKind): Promise<void>;
  setStatusProblem(problem: ErrorView | null): void;
  focusSite(siteId: string): void;
  /** The row took focus: the request is done. */
  clearFocusRequest(): void;
  addSite(): Promise<void>;
  /** Picks a folder and adds every Laravel app in and below it. */
  scanFolder(): Promise<void>;
  removeSite(siteId: string): Promise<void>;
  dismissError(siteId: string): void;
  dismissAddError(): void;
  dismissRefreshError(): void;
  dismissBatchError(): void;
  /** Says something in the live region (e.g. "Settings saved."). */
  announce(text: string): void;
}

export type SitesStore = SitesState & SitesActions;

export function initialSitesState(): SitesState {
  return {
    sites: [],
    phase: 'loading',
    loadError: null,
    busy: {},
    errors: {},
    adding: false,
    addError: null,
    refreshError: null,
    batch: null,
    batchError: null,
    statusProblem: null,
    focusRequest: null,
    announcement: '',
  };
}

function without<V>(record: Record<string, V>, key: string): Record<string, V> {
  if (!(key in record)) return record;
  const rest = { ...record };
  delete rest[key];
  return rest;
}

/** Start when nothing runs; anything else (running, starting, stopping) means stop. */
export function operationFor(site: SiteStatus): 'starting' | 'stopping' {
  return site.state === 'stopped' || site.state === 'failed' ? 'starting' : 'stopping';
}

const BATCH_OPERATION: Record<BatchKind, SiteOperation> = {
  start: 'starting',
  stop: 'stopping',
  restart: 'restarting',
};

const BATCH_CALL: Record<BatchKind, (api: ServerMarkApi) => Promise<Result<BatchOutcome>>> = {
  start: (api) => api.startAll(),
  stop: (api) => api.stopAll(),
  restart: (api) => api.restartAll(),
};

let loadInFlight: Promise<void> | null = null;
let focusSeq = 0;

export const useSitesStore = create<SitesStore>()((set, get) => {
  // Every list main sends replaces ours; errors of sites that no longer exist go with them.
  function applyList(list: SiteStatus[]): void {
    set((s) => {
      const ids = new Set(list.map((site) => site.site));
      const errors = Object.fromEntries(Object.entries(s.errors).filter(([id]) => ids.has(id)));
      const sites = mergeSiteList(s.sites, list);
      // Busy sites announce their own outcome when their action returns.
      const changes = describeStateChanges(s.sites, sites, new Set(Object.keys(s.busy)));
      return {
        sites,
        errors,
        phase: 'ready',
        loadError: null,
        refreshError: null,
        ...(changes ? { announcement: changes } : {}),
      };
    });
  }

  async function reread(): Promise<void> {
    const result = await callSafely((api) => api.getStatus());
    if (result.ok) applyList(result.value);
    else set({ refreshError: result.error });
  }

  function siteName(siteId: string): string {
    return get().sites.find((s) => s.site === siteId)?.name ?? 'The site';
  }

  // Marks the site busy before the first await, so a second click finds it busy.
  async function runSiteOperation<T>(
    siteId: string,
    operation: SiteOperation,
    call: () => Promise<Result<T>>,
    onSuccess: (value: T) => void,
  ): Promise<void> {
    set((s) => ({ busy: { ...s.busy, [siteId]: operation }, errors: without(s.errors, siteId) }));
    try {
      const result = await call();
      if (result.ok) onSuccess(result.value);
      else set((s) => ({ errors: { ...s.errors, [siteId]: { ...result.error, operation } } }));
      await reread();
    } finally {
      set((s) => ({ busy: without(s.busy, siteId) }));
    }
  }

  return {
    ...initialSitesState(),

    load() {
      if (get().phase === 'ready') return reread();
      loadInFlight ??= (async () => {
        set({ phase: 'loading', loadError: null });
        const result = await callSafely((api) => api.getStatus());
        if (result.ok) applyList(result.value);
        // A push may have delivered the list meanwhile: then that list stands.
        else if (get().phase !== 'ready') set({ phase: 'error', loadError: result.error });
      })().finally(() => {
        loadInFlight = null;
      });
      return loadInFlight;
    },

    async refresh() {
      const { phase } = get();
      if (phase === 'error') return get().load();
      if (phase === 'ready') return reread();
    },

    applyPushedStatus(list) {
      applyList(list);
    },

    async toggle(siteId) {
      const site = get().sites.find((s) => s.site === siteId);
      if (!site || get().busy[siteId]) return;
      const operation = operationFor(site);
      await runSiteOperation(
        siteId,
        operation,
        () =>
          callSafely((api) =>
            operation === 'starting' ? api.startWorkers(siteId) : api.stopWorkers(siteId),
          ),
        (status) => {
          set((s) => ({ sites: mergeSite(s.sites, status), announcement: describeState(status) }));
        },
      );
    },

    async resetAndStart(siteId) {
      if (!get().sites.some((s) => s.site === siteId) || get().busy[siteId]) return;
      await runSiteOperation(
        siteId,
        'starting',
        () => callSafely((api) => api.startWorkers(siteId)),
        (status) => {
          set((s) => ({ sites: mergeSite(s.sites, status), announcement: describeState(status) }));
        },
      );
    },

    async runAll(kind) {
      if (get().batch || get().sites.length === 0) return;
      const operation = BATCH_OPERATION[kind];
      // Sites already busy keep their own operation (and clear it themselves).
      const ids = get()
        .sites.map((site) => site.site)
        .filter((id) => !get().busy[id]);
      set((s) => ({
        batch: kind,
        batchError: null,
        busy: { ...s.busy, ...Object.fromEntries(ids.map((id) => [id, operation])) },
        errors: Object.fromEntries(Object.entries(s.errors).filter(([id]) => !ids.includes(id))),
      }));
      try {
        const result = await callSafely(BATCH_CALL[kind]);
        if (result.ok) {
          const { statuses, failures } = result.value;
          set((s) => ({
            sites: statuses.reduce(mergeSite, s.sites),
            errors: {
              ...s.errors,
              ...Object.fromEntries(failures.map((f) => [f.site, { ...f.error, operation }])),
            },
            announcement: describeBatch(kind, result.value),
          }));
        } else {
          set({ batchError: { kind, error: result.error } });
        }
        await reread();
      } finally {
        set((s) => ({
          batch: null,
          busy: Object.fromEntries(
            Object.entries(s.busy).filter(([id, op]) => !(ids.includes(id) && op === operation)),
          ),
        }));
      }
    },

    setStatusProblem(problem) {
      set({ statusProblem: problem });
    },

    focusSite(siteId) {
      focusSeq += 1;
      set({ focusRequest: { siteId, seq: focusSeq } });
    },

    clearFocusRequest() {
      set({ focusRequest: null });
    },

    async removeSite(siteId) {
      if (!get().sites.some((s) => s.site === siteId) || get().busy[siteId]) return;
      const name = siteName(siteId);
      await runSiteOperation(
        siteId,
        'removing',
        () => callSafely((api) => api.removeSite(siteId)),
        () => {
          // Main confirmed the removal: that is its word, not a guess.
          set((s) => ({
            sites: s.sites.filter((site) => site.site !== siteId),
            announcement: `${name} was removed.`,
          }));
        },
      );
    },

    async addSite() {
      if (get().adding) return;
      set({ adding: true, addError: null });
      try {
        const result = await callSafely((api) => api.addSite());
        if (!result.ok) {
          set({ addError: result.error });
        } else if ('added' in result.value) {
          const added = result.value.added;
          set((s) => ({
            sites: s.sites.some((site) => site.site === added.site) ? s.sites : [...s.sites, added],
            announcement: `${added.name} was added.`,
          }));
        } else {
          return; // The user closed the folder picker: nothing changed.
        }
        await reread();
      } finally {
        set({ adding: false });
      }
    },

    async scanFolder() {
      if (get().adding) return;
      set({ adding: true, addError: null });
      try {
        const result = await callSafely((api) => api.scanFolder());
        if (!result.ok) {
          set({ addError: result.error });
          return;
        }
        if ('cancelled' in result.value) return;
        const { added, skipped } = result.value;
        const skippedText = skipped.map((s) => `${s.path}: ${s.message}`).join('\n');
        set((s) => ({
          sites: [...s.sites.filter((site) => !added.some((a) => a.site === site.site)), ...added],
          announcement: `Added ${added.length} site${added.length === 1 ? '' : 's'}${skipped.length ? `, skipped ${skipped.length}` : ''}.`,
          // Nothing new: say why rather than silently doing nothing.
          addError:
            added.length === 0
              ? {
                  code: 'NOT_LARAVEL',
                  message: 'No new Laravel app was found in that folder.',
                  ...(skippedText ? { detail: skippedText } : {}),
                }
              : null,
        }));
        await reread();
      } finally {
        set({ adding: false });
      }
    },

    dismissError(siteId) {
      set((s) => ({ errors: without(s.errors, siteId) }));
    },
    dismissAddError() {
      set({ addError: null });
    },
    dismissRefreshError() {
      set({ refreshError: null });
    },
    dismissBatchError() {
      set({ batchError: null });
    },
    announce(text) {
      set({ announcement: text });
    },
  };
});
