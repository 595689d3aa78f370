/** A whole-number range, inclusive, with what its ends mean, for the form and the CLI help. */
export interface NumberLimit {
  min: number;
  max: number;
  unit: 'seconds' | 'MB' | 'jobs' | 'attempts' | 'processes';
  /** What 0 means when 0 is allowed (e.g. "no limit"), else null. */
  zeroMeans: string | null;
}

export type NumericField =
  | 'sleep'
  | 'tries'
  | 'timeout'
  | 'backoff'
  | 'memory'
  | 'maxJobs'
  | 'maxTime'
  | 'rest'
  | 'processes'
  | 'stopWaitSeconds';

// Wide enough for any real local worker, narrow enough that a typo (an extra 0, a pasted
// timestamp) is caught; the reasons are in docs/configuration.md.
export const NUMBER_LIMITS: Readonly<Record<NumericField, NumberLimit>> = Object.freeze({
  sleep: { min: 0, max: 3600, unit: 'seconds', zeroMeans: 'poll again at once' },
  tries: { min: 0, max: 1000, unit: 'attempts', zeroMeans: 'retry forever' },
  timeout: { min: 0, max: 86_400, unit: 'seconds', zeroMeans: 'no time limit per job' },
  backoff: { min: 0, max: 86_400, unit: 'seconds', zeroMeans: 'retry at once' },
  // Laravel's check is "memory in use >= limit" after each job: below ~16 MB nothing can run.
  memory: { min: 16, max: 65_536, unit: 'MB', zeroMeans: null },
  maxJobs: { min: 0, max: 1_000_000, unit: 'jobs', zeroMeans: 'no limit' },
  maxTime: { min: 0, max: 604_800, unit: 'seconds', zeroMeans: 'no limit' },
  rest: { min: 0, max: 3600, unit: 'seconds', zeroMeans: 'no rest' },
  processes: { min: 1, max: 64, unit: 'processes', zeroMeans: null },
  // systemd reads TimeoutStopSec=0 as "wait forever", so the smallest stop wait is 1 s.
  stopWaitSeconds: { min: 1, max: 172_800, unit: 'seconds', zeroMeans: null },
});

export const QUEUE_NAME_MAX = 100;
export const QUEUES_MAX = 20;
export const CONNECTION_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$/;
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
export const ENV_VALUE_MAX = 4096;
export const ENV_VARS_MAX = 64;
/** More processes than this is allowed but warned about: each is a full PHP app in memory. */
export const MANY_PROCESSES = 16;
/** Below this memory limit, most apps exceed it right after booting: exit 12 after every job. */
export const LOW_MEMORY_MB = 32;
