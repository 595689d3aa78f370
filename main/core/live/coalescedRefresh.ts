/**
 * A re-read that never runs twice at once: a request while one runs queues exactly one more
 * run after it, and bursts of requests (a dozen signals per start) wait `debounceMs` and become
 * one. Both live state and reconcile watching re-read this way.
 */
export interface CoalescedRefresh {
  /** Runs now, or once more after the run under way; resolves when that run is done. */
  refresh(): Promise<void>;
  /** Runs after a short quiet period; further calls meanwhile are absorbed. */
  schedule(): void;
  stop(): void;
}

export function coalescedRefresh(task: () => Promise<void>, debounceMs: number): CoalescedRefresh {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  function refresh(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  }

  return {
    refresh,
    schedule() {
      if (timer || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        void refresh();
      }, debounceMs);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
