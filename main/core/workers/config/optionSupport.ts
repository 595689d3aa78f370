import type { QueueWorkFlags, WorkerOptions } from '../workerOptions';
import { isAtLeast, parseLaravelVersion, type LaravelVersion } from './laravelVersion';

export type WorkerField = keyof WorkerOptions;

/** Whether the site's Laravel has what an option needs, and the flag it is passed as. */
export interface OptionSupport {
  supported: boolean;
  /** First Laravel release that has it; null when every release ServerMark runs has it. */
  since: string | null;
  /** How it reaches the worker: a queue:work flag, or a systemd setting for ServerMark's own options. */
  flag: string;
}

export interface SiteOptionSupport {
  /** The version as the registry holds it (null when it could not be detected). */
  laravelVersion: string | null;
  /** False when the version is unknown: every option is offered, none can be checked. */
  versionKnown: boolean;
  options: Record<WorkerField, OptionSupport>;
}

// Facts from laravel/framework (CHANGELOG-8.x.md, CHANGELOG-11.x.md and the WorkCommand signature):
// - `--rest`: "Added `rest` option to `php artisan queue:work` command (#36521)", v8.32.0 (2021-03-09).
// - `--json`: "Add `--json` flag to `queue:work` command for structured logging (#52887)", v11.27.0.
// - `--max-jobs`, `--max-time` and `--backoff` arrive with 8.0: the 8.0 WorkCommand signature has
//   `{--backoff=0 …} {--max-jobs=0 …} {--max-time=0 …}` and still reads `--delay` when `--backoff`
//   is absent; 5.x–7.x signatures have only `{--delay=0 : … delay failed jobs}` (renamed in the
//   8.x upgrade), so before 8.0 the backoff is passed as `--delay` with the same meaning.
// - connection, --queue, --sleep, --tries, --timeout, --memory and --force exist in every 5.x+ release.
const SINCE: Partial<Record<WorkerField, string>> = {
  maxJobs: '8.0',
  maxTime: '8.0',
  rest: '8.32',
  json: '11.27',
};

const BACKOFF_FLAG_SINCE = '8.0';

const FLAGS: Record<WorkerField, string> = {
  connection: 'queue:work <connection>',
  queues: '--queue',
  sleep: '--sleep',
  tries: '--tries',
  timeout: '--timeout',
  backoff: '--backoff',
  memory: '--memory',
  maxJobs: '--max-jobs',
  maxTime: '--max-time',
  rest: '--rest',
  force: '--force',
  json: '--json',
  processes: 'systemd instances name@1…N',
  stopWaitSeconds: 'systemd TimeoutStopSec=',
  env: 'systemd Environment=',
  php: 'ExecStart= binary',
};

/** `--backoff` from 8.0; older releases call the same setting `--delay`. */
export function backoffFlag(version: LaravelVersion | null): '--backoff' | '--delay' {
  return version === null || isAtLeast(version, BACKOFF_FLAG_SINCE) ? '--backoff' : '--delay';
}

/** Which worker options this Laravel version supports; an unknown version supports them all. */
export function optionSupport(laravelVersion: string | null): SiteOptionSupport {
  const version = parseLaravelVersion(laravelVersion);
  const options = {} as Record<WorkerField, OptionSupport>;
  for (const field of Object.keys(FLAGS) as WorkerField[]) {
    const since = SINCE[field] ?? null;
    options[field] = {
      supported: since === null || version === null || isAtLeast(version, since),
      since,
      flag: field === 'backoff' ? backoffFlag(version) : FLAGS[field],
    };
  }
  return { laravelVersion, versionKnown: version !== null, options };
}

/** Whether a value would need its flag at all (0 and false mean "leave the flag out"). */
export function needsFlag(field: WorkerField, options: WorkerOptions): boolean {
  switch (field) {
    case 'maxJobs':
      return options.maxJobs > 0;
    case 'maxTime':
      return options.maxTime > 0;
    case 'rest':
      return options.rest > 0;
    case 'json':
      return options.json;
    default:
      return true;
  }
}

/** The flags `queueWorkArguments` may use for this Laravel version. */
export function queueWorkFlags(laravelVersion: string | null): QueueWorkFlags {
  const support = optionSupport(laravelVersion).options;
  return {
    backoffFlag: backoffFlag(parseLaravelVersion(laravelVersion)),
    supports: (field) => support[field].supported,
  };
}
