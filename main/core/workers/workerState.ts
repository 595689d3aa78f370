import type { UnitProperties } from '../systemd/showOutput';
import { START_LIMIT_BURST, START_LIMIT_INTERVAL_SEC } from '../units/renderUnit';

export type WorkerStateName = 'running' | 'starting' | 'stopping' | 'stopped' | 'failed';

export type StopReasonCode =
  | 'crash-loop'
  | 'memory-limit'
  | 'job-timeout'
  | 'clean-exit'
  | 'exit-code'
  | 'signal'
  | 'exec-failed'
  | 'stop-timeout'
  | 'other';

/** Why a process last stopped, in Laravel terms rather than systemd's. */
export interface StopReason {
  code: StopReasonCode;
  text: string;
}

export interface UnitState {
  unit: string;
  state: WorkerStateName;
  /** Raw systemd view, for the curious and for bug reports. */
  activeState: string;
  subState: string;
  pid: number | null;
  /** ISO time the unit entered its current active state, when systemd knows it. */
  since: string | null;
  restarts: number;
  reason: StopReason | null;
  /**
   * Why the process last stopped on its own, while systemd still says (until the restart);
   * the core remembers it past the restart, since systemd then forgets.
   */
  lastExit: StopReason | null;
}

export const UNIT_STATE_PROPERTIES = [
  'LoadState',
  'ActiveState',
  'SubState',
  'Result',
  'MainPID',
  'NRestarts',
  'ExecMainCode',
  'ExecMainStatus',
  'ActiveEnterTimestamp',
] as const;

const SIGNAL_NAMES: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  6: 'SIGABRT',
  9: 'SIGKILL',
  11: 'SIGSEGV',
  15: 'SIGTERM',
};

// ExecMainCode follows waitid(2): 1 exited, 2 killed, 3 dumped core.
function explainExit(props: UnitProperties): StopReason | null {
  const result = props.Result ?? 'success';
  const code = Number(props.ExecMainCode ?? 0);
  const status = Number(props.ExecMainStatus ?? 0);
  if (result === 'exec' || (code === 1 && status === 203)) {
    return {
      code: 'exec-failed',
      text: 'The PHP binary could not be executed. Check the PHP path of this site.',
    };
  }
  if (code === 1 && status === 200) {
    return {
      code: 'exec-failed',
      text: 'The site directory could not be entered. Does it still exist?',
    };
  }
  if (code === 1 && status === 209) {
    return { code: 'exec-failed', text: 'The worker log file could not be opened.' };
  }
  if (result === 'timeout') {
    return {
      code: 'stop-timeout',
      text: 'The worker did not stop within its stop wait and was killed.',
    };
  }
  if (code === 1 && status === 12) {
    return {
      code: 'memory-limit',
      text: 'Exited with status 12: the worker reached its --memory limit.',
    };
  }
  if ((code === 2 || code === 3) && status === 9) {
    return {
      code: 'job-timeout',
      text: 'Killed by SIGKILL: most likely a job ran longer than --timeout (or the system ran out of memory).',
    };
  }
  if (code === 2 || code === 3) {
    const name = SIGNAL_NAMES[status] ?? `signal ${status}`;
    return { code: 'signal', text: `Killed by ${name}.` };
  }
  if (code === 1 && status === 0) {
    return { code: 'clean-exit', text: 'Exited cleanly: --max-time, --max-jobs or queue:restart.' };
  }
  if (code === 1) {
    return {
      code: 'exit-code',
      text: `Exited with status ${status}. Its log shows what PHP or Laravel printed.`,
    };
  }
  if (result !== 'success') return { code: 'other', text: `systemd reports: ${result}.` };
  return null;
}

// `show --timestamp=unix` prints `@1733339701`; anything else means systemd does not know.
/**
 * With Restart=always a unit only ends `failed` when systemd gave up restarting it. systemd 252
 * keeps Result=exit-code (not start-limit-hit) then, so restarts are the tell-tale.
 */
export function isCrashLoop(props: UnitProperties): boolean {
  if (props.ActiveState !== 'failed') return false;
  return (
    props.Result === 'start-limit-hit' || Number(props.NRestarts ?? 0) >= START_LIMIT_BURST - 1
  );
}

export function explainLastExit(props: UnitProperties): StopReason | null {
  const exit = explainExit(props);
  if (!isCrashLoop(props)) return exit;
  const last = exit && exit.code !== 'other' ? ` Last exit: ${exit.text}` : '';
  return {
    code: 'crash-loop',
    text: `Crash loop: the worker kept stopping right after it started, so systemd gave up after ${START_LIMIT_BURST} tries in ${START_LIMIT_INTERVAL_SEC} s.${last} Check its log, fix the cause, then reset and start.`,
  };
}

function toIso(timestamp: string | undefined): string | null {
  const match = /^@(\d+)$/.exec(timestamp ?? '');
  return match ? new Date(Number(match[1]) * 1000).toISOString() : null;
}

/** Reads one unit's state from what systemd reported; never assumes. */
export function unitStateFromProperties(
  unit: string,
  props: UnitProperties | undefined,
): UnitState {
  const activeState = props?.ActiveState ?? 'inactive';
  const subState = props?.SubState ?? 'dead';
  const pid = Number(props?.MainPID ?? 0);
  const restarts = Number(props?.NRestarts ?? 0);
  let state: WorkerStateName;
  switch (activeState) {
    case 'active':
    case 'reloading':
      state = 'running';
      break;
    case 'activating':
      state = 'starting';
      break;
    case 'deactivating':
      state = 'stopping';
      break;
    case 'failed':
      state = 'failed';
      break;
    default:
      state = 'stopped';
  }
  // A unit file systemd refused to load is a failure to report, not a stopped worker.
  if (props && /^(error|bad-setting|masked)$/.test(props.LoadState ?? '')) {
    state = 'failed';
  }
  const lastExit =
    props && state === 'failed' && props.LoadState !== 'loaded' && props.LoadState
      ? {
          code: 'other' as const,
          text: `systemd could not load the unit (${props.LoadState}). Start the worker again to rewrite it.`,
        }
      : props
        ? explainLastExit(props)
        : null;
  // A running process's last exit is history; show it only while it matters.
  const reason =
    state === 'running' || (state === 'stopped' && lastExit?.code === 'clean-exit')
      ? null
      : lastExit;
  return {
    unit,
    state,
    activeState,
    subState,
    pid: pid > 0 ? pid : null,
    since: state === 'running' ? toIso(props?.ActiveEnterTimestamp) : null,
    restarts: Number.isFinite(restarts) ? restarts : 0,
    reason,
    // A stop we asked for is not news; an exit while the worker should run is.
    lastExit: state === 'stopped' ? null : lastExit,
  };
}

/** A worker with several processes: the worst state wins, so a problem is never hidden. */
export function combineStates(states: WorkerStateName[]): WorkerStateName {
  if (states.length === 0) return 'stopped';
  for (const candidate of ['failed', 'starting', 'stopping'] as const) {
    if (states.includes(candidate)) return candidate;
  }
  // Some processes running, some stopped by hand: running, with the counts telling the rest.
  return states.some((s) => s === 'running') ? 'running' : 'stopped';
}
