import { create } from 'zustand';
import type { ErrorView, LogLine, WorkerLogRead } from '../../../main/ipc/contract';
import {
  appendCapped,
  countAfter,
  lineMatcher,
  MAX_LOG_ENTRIES,
  NO_FILTER,
  toEntries,
  type FilterKind,
  type LogEntry,
  type LogFilter,
} from './logBuffer';

export interface LogTarget {
  siteId: string;
  siteName: string;
  /** The site's workers, the default first. */
  workers: string[];
}

export type LogPhase = 'starting' | 'live' | 'error';

export interface LogViewState {
  target: LogTarget | null;
  worker: string | null;
  phase: LogPhase;
  error: ErrorView | null;
  /** Every kept line, oldest first, at most MAX_LOG_ENTRIES. */
  entries: LogEntry[];
  /** The entries the filter lets through; the list shows these. */
  shown: LogEntry[];
  /** Rows dropped from the front of `shown` (over the cap) since it was last rebuilt. */
  shownDropped: number;
  /** Bumped whenever `shown` is rebuilt rather than extended (filter or worker change). */
  shownVersion: number;
  nextSeq: number;
  filter: LogFilter;
  /** Following: the list sticks to the newest line. Paused: lines still arrive, the list stays put. */
  following: boolean;
  /** The last seq seen when the view was paused: later shown lines are "new". */
  pausedAfterSeq: number;
  /** Older lines exist in the files than the view read. */
  more: boolean;
  files: string[];
  /** Lines from more than one process: each row says which. */
  multiInstance: boolean;
}

export interface LogViewActions {
  open(target: LogTarget, worker?: string): void;
  close(): void;
  selectWorker(worker: string): void;
  /** The follow started: its newest lines replace whatever the view had. */
  started(read: WorkerLogRead): void;
  receive(lines: readonly LogLine[]): void;
  failed(error: ErrorView): void;
  setFilterText(text: string): void;
  toggleKind(kind: FilterKind): void;
  clearFilter(): void;
  pause(): void;
  follow(): void;
}

export function initialLogViewState(): LogViewState {
  return {
    target: null,
    worker: null,
    phase: 'starting',
    error: null,
    entries: [],
    shown: [],
    shownDropped: 0,
    shownVersion: 0,
    nextSeq: 0,
    filter: NO_FILTER,
    following: true,
    pausedAfterSeq: -1,
    more: false,
    files: [],
    multiInstance: false,
  };
}

function hasSeveralInstances(lines: readonly LogLine[], known: boolean): boolean {
  if (known || lines.length === 0) return known;
  const first = lines[0]!.instance;
  return lines.some((line) => line.instance !== first);
}

/** How many new lines arrived while paused, for the "N new lines" button. */
export function newLinesWhilePaused(state: LogViewState): number {
  return state.following ? 0 : countAfter(state.shown, state.pausedAfterSeq);
}

// A fresh view of a worker's log: filter and follow mode reset, lines empty until the follow starts.
function freshLog(s: LogViewState): Partial<LogViewState> {
  return {
    phase: 'starting',
    error: null,
    entries: [],
    shown: [],
    shownDropped: 0,
    shownVersion: s.shownVersion + 1,
    following: true,
    pausedAfterSeq: -1,
    more: false,
    files: [],
    multiInstance: false,
  };
}

export const useLogViewStore = create<LogViewState & LogViewActions>()((set, get) => {
  function rebuild(filter: LogFilter): void {
    set((s) => ({
      filter,
      shown: s.entries.filter(lineMatcher(filter)),
      shownDropped: 0,
      shownVersion: s.shownVersion + 1,
    }));
  }

  return {
    ...initialLogViewState(),

    open(target, worker) {
      set({
        ...initialLogViewState(),
        target,
        worker: worker ?? target.workers[0] ?? null,
        shownVersion: get().shownVersion + 1,
      });
    },

    close() {
      set({ ...initialLogViewState(), shownVersion: get().shownVersion + 1 });
    },

    selectWorker(worker) {
      if (worker === get().worker) return;
      set((s) => ({ ...freshLog(s), worker }));
    },

    started(read) {
      set((s) => {
        const entries = toEntries(read.lines.slice(-MAX_LOG_ENTRIES), s.nextSeq);
        return {
          phase: 'live',
          error: null,
          entries,
          shown: entries.filter(lineMatcher(s.filter)),
          shownDropped: 0,
          shownVersion: s.shownVersion + 1,
          nextSeq: s.nextSeq + entries.length,
          more: read.more || read.lines.length > entries.length,
          files: read.files,
          multiInstance: hasSeveralInstances(read.lines, false),
        };
      });
    },

    receive(lines) {
      if (lines.length === 0) return;
      set((s) => {
        const added = toEntries(lines, s.nextSeq);
        const entries = appendCapped(s.entries, added, MAX_LOG_ENTRIES);
        const oldest = entries[0]?.seq ?? s.nextSeq;
        const matches = added.filter(lineMatcher(s.filter));
        // Drop shown rows whose line fell out of the buffer, and say how many went.
        let shown = s.shown;
        let dropped = 0;
        while (dropped < shown.length && shown[dropped]!.seq < oldest) dropped++;
        if (dropped > 0 || matches.length > 0) {
          shown = appendCapped(shown.slice(dropped), matches, MAX_LOG_ENTRIES);
        }
        return {
          entries,
          shown,
          shownDropped: s.shownDropped + dropped,
          nextSeq: s.nextSeq + added.length,
          // Lines that no longer fit mean the file has older ones than the view.
          more: s.more || entries.length < s.entries.length + added.length,
          multiInstance: hasSeveralInstances([...s.entries.slice(0, 1), ...lines], s.multiInstance),
        };
      });
    },

    failed(error) {
      set({ phase: 'error', error });
    },

    setFilterText(text) {
      rebuild({ ...get().filter, text });
    },

    toggleKind(kind) {
      const { kinds } = get().filter;
      const next = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
      rebuild({ ...get().filter, kinds: next });
    },

    clearFilter() {
      rebuild(NO_FILTER);
    },

    pause() {
      if (!get().following) return;
      set((s) => ({ following: false, pausedAfterSeq: s.nextSeq - 1 }));
    },

    follow() {
      set({ following: true, pausedAfterSeq: -1 });
    },
  };
});
