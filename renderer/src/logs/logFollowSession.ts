import type {
  ErrorView,
  LogLine,
  LogLinesMessage,
  WorkerLogRead,
} from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';
import { getServerMarkApi } from '../api/serverMarkApi';

/** How many of the newest lines a view starts with; older ones stay in the file ("Open file"). */
export const INITIAL_LOG_LINES = 5000;

// Pushes that arrive before main's reply names their follow are held, up to this many batches.
const EARLY_BATCHES_MAX = 200;

export interface LogFollowHandlers {
  onStarted(read: WorkerLogRead): void;
  onLines(lines: LogLine[]): void;
  onError(error: ErrorView): void;
}

/**
 * Follows one worker's log until the returned stop is called; stop always unfollows in main,
 * also when the view closes before main answered. Listens before asking, so no batch is missed.
 */
export function followWorkerLog(
  siteId: string,
  worker: string,
  handlers: LogFollowHandlers,
): () => void {
  let stopped = false;
  let followId: string | null = null;
  const early: LogLinesMessage[] = [];
  let unsubscribe = () => {};

  try {
    unsubscribe = getServerMarkApi().onLogLines((message) => {
      if (stopped) return;
      if (followId === null) {
        if (early.length < EARLY_BATCHES_MAX) early.push(message);
        return;
      }
      if (message.followId === followId) handlers.onLines(message.lines);
    });
  } catch {
    // No bridge: the follow call below fails the same way and reports it.
  }

  void callSafely((api) => api.followLog(siteId, worker, INITIAL_LOG_LINES)).then((result) => {
    if (!result.ok) {
      if (!stopped) handlers.onError(result.error);
      return;
    }
    const started = result.value;
    if (stopped) {
      void callSafely((api) => api.unfollowLog(started.followId));
      return;
    }
    followId = started.followId;
    handlers.onStarted(started);
    for (const message of early.splice(0)) {
      if (message.followId === followId) handlers.onLines(message.lines);
    }
  });

  return () => {
    stopped = true;
    unsubscribe();
    early.length = 0;
    if (followId !== null) {
      const id = followId;
      void callSafely((api) => api.unfollowLog(id));
    }
  };
}
