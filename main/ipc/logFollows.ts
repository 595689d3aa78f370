import { randomUUID } from 'node:crypto';
import { ServerMarkError } from '../core/errors/serverMarkError';
import type { LogLine } from '../core/logs/logLine';
import type { WorkerLogRead } from '../core/logs/readWorkerLog';
import type { WorkerLogs, WorkerLogSubscription } from '../core/logs/workerLogs';

/** A follow the window started: the newest lines now, then `logs:lines` pushes for this id. */
export type LogFollowStarted = WorkerLogRead & { followId: string };

/** One batch of new lines for one follow (pushed on `logs:lines`). */
export interface LogLinesMessage {
  followId: string;
  lines: LogLine[];
}

/** The live log views of the window; the shell stops them all when the window goes away. */
export interface LogFollows {
  follow(request: { siteId: string; worker: string; lines?: number }): Promise<LogFollowStarted>;
  /** False when the id is unknown (already stopped): unfollowing twice is harmless. */
  unfollow(followId: string): Promise<boolean>;
  stopAll(): Promise<void>;
  readonly size: number;
}

/** More than this many open follows means a view forgot to unfollow; refuse instead of leaking. */
export const MAX_FOLLOWS = 32;

export function createLogFollows(
  logs: Pick<WorkerLogs, 'follow'>,
  push: (message: LogLinesMessage) => void,
): LogFollows {
  const follows = new Map<string, WorkerLogSubscription>();

  return {
    get size() {
      return follows.size;
    },
    async follow({ siteId, worker, lines }) {
      if (follows.size >= MAX_FOLLOWS) {
        throw new ServerMarkError(
          'BUSY',
          `${MAX_FOLLOWS} logs are already being followed: close a log view first.`,
        );
      }
      const followId = randomUUID();
      const subscription = await logs.follow(siteId, { worker, lines }, (batch) => {
        if (follows.has(followId)) push({ followId, lines: batch });
      });
      follows.set(followId, subscription);
      return { ...subscription.initial, followId };
    },
    async unfollow(followId) {
      const subscription = follows.get(followId);
      if (!subscription) return false;
      follows.delete(followId);
      await subscription.stop();
      return true;
    },
    async stopAll() {
      const all = [...follows.values()];
      follows.clear();
      await Promise.all(all.map((subscription) => subscription.stop()));
    },
  };
}
