import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combineStates,
  explainLastExit,
  unitStateFromProperties,
  type StopReasonCode,
  type WorkerStateName,
} from './workerState';

const UNIT = 'servermark-queue-shop_k3j9x2ab_default@1.service';

// Property sets as `systemctl --user show --timestamp=unix` prints them.
const running = {
  Id: UNIT,
  LoadState: 'loaded',
  ActiveState: 'active',
  SubState: 'running',
  Result: 'success',
  MainPID: '4242',
  NRestarts: '0',
  ExecMainCode: '0',
  ExecMainStatus: '0',
  ActiveEnterTimestamp: '@1733339701',
};

describe('unitStateFromProperties', () => {
  it.each<[string, Record<string, string>, WorkerStateName, StopReasonCode | null]>([
    ['running', {}, 'running', null],
    [
      'running again after a memory exit (history is not a problem)',
      { NRestarts: '3', ExecMainCode: '1', ExecMainStatus: '12', Result: 'success' },
      'running',
      null,
    ],
    [
      'crash loop: start limit hit',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'start-limit-hit',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '255',
      },
      'failed',
      'crash-loop',
    ],
    [
      'crash loop as systemd 252 reports it: failed, Result=exit-code, restarts used up',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'exit-code',
        MainPID: '0',
        NRestarts: '4',
        ExecMainCode: '1',
        ExecMainStatus: '255',
      },
      'failed',
      'crash-loop',
    ],
    [
      'failed without restarts is not a crash loop (e.g. stopped with a non-zero exit)',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'exit-code',
        MainPID: '0',
        NRestarts: '0',
        ExecMainCode: '1',
        ExecMainStatus: '1',
      },
      'failed',
      'exit-code',
    ],
    [
      'restarting a lot but not failed yet is not a crash loop',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'exit-code',
        MainPID: '0',
        NRestarts: '9',
        ExecMainCode: '1',
        ExecMainStatus: '255',
      },
      'starting',
      'exit-code',
    ],
    [
      'waiting to restart after --memory (exit 12)',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'exit-code',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '12',
      },
      'starting',
      'memory-limit',
    ],
    [
      'waiting to restart after a job hit --timeout (SIGKILL)',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'signal',
        MainPID: '0',
        ExecMainCode: '2',
        ExecMainStatus: '9',
      },
      'starting',
      'job-timeout',
    ],
    [
      'SIGKILL with a core dump code is still a job timeout',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'signal',
        MainPID: '0',
        ExecMainCode: '3',
        ExecMainStatus: '9',
      },
      'failed',
      'job-timeout',
    ],
    [
      'segfault',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'core-dump',
        MainPID: '0',
        ExecMainCode: '3',
        ExecMainStatus: '11',
      },
      'failed',
      'signal',
    ],
    [
      'restarting after --max-time (clean exit 0)',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'success',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '0',
      },
      'starting',
      'clean-exit',
    ],
    [
      'stopped by hand after a clean exit: nothing to explain',
      {
        ActiveState: 'inactive',
        SubState: 'dead',
        Result: 'success',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '0',
      },
      'stopped',
      null,
    ],
    [
      'never started',
      {
        ActiveState: 'inactive',
        SubState: 'dead',
        Result: 'success',
        MainPID: '0',
        ExecMainCode: '0',
        ExecMainStatus: '0',
        ActiveEnterTimestamp: '',
      },
      'stopped',
      null,
    ],
    [
      'PHP binary missing: 203/EXEC',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'exit-code',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '203',
      },
      'failed',
      'exec-failed',
    ],
    [
      'Type=exec start failure reported as Result=exec',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'exec',
        MainPID: '0',
        ExecMainCode: '0',
        ExecMainStatus: '0',
      },
      'failed',
      'exec-failed',
    ],
    [
      'site directory deleted: 200/CHDIR',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'exit-code',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '200',
      },
      'starting',
      'exec-failed',
    ],
    [
      'log file cannot be opened: 209/STDOUT',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'exit-code',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '209',
      },
      'failed',
      'exec-failed',
    ],
    [
      'PHP fatal error: exit 255',
      {
        ActiveState: 'activating',
        SubState: 'auto-restart',
        Result: 'exit-code',
        MainPID: '0',
        ExecMainCode: '1',
        ExecMainStatus: '255',
      },
      'starting',
      'exit-code',
    ],
    [
      'did not stop in time',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'timeout',
        MainPID: '0',
        ExecMainCode: '2',
        ExecMainStatus: '9',
      },
      'failed',
      'stop-timeout',
    ],
    ['stopping', { ActiveState: 'deactivating', SubState: 'stop-sigterm' }, 'stopping', null],
    [
      'reloading counts as running',
      { ActiveState: 'reloading', SubState: 'reload' },
      'running',
      null,
    ],
    [
      'unknown failure result',
      {
        ActiveState: 'failed',
        SubState: 'failed',
        Result: 'oom-kill',
        MainPID: '0',
        ExecMainCode: '0',
        ExecMainStatus: '0',
      },
      'failed',
      'other',
    ],
  ])('%s', (_label, overrides, state, reason) => {
    const result = unitStateFromProperties(UNIT, { ...running, ...overrides });
    expect(result.state).toBe(state);
    expect(result.reason?.code ?? null).toBe(reason);
    expect(result.unit).toBe(UNIT);
    expect(result.activeState).toBe(overrides.ActiveState ?? 'active');
    if (result.reason) expect(result.reason.text.length).toBeGreaterThan(10);
  });

  it('reports pid, start time and restarts only when systemd knows them', () => {
    const up = unitStateFromProperties(UNIT, { ...running, NRestarts: '7' });
    expect(up).toMatchObject({
      pid: 4242,
      restarts: 7,
      since: new Date(1733339701 * 1000).toISOString(),
    });
    const down = unitStateFromProperties(UNIT, {
      ...running,
      ActiveState: 'failed',
      MainPID: '0',
      NRestarts: '[not set]',
      ActiveEnterTimestamp: '@1733339701',
    });
    expect(down).toMatchObject({ pid: null, restarts: 0, since: null });
    const odd = unitStateFromProperties(UNIT, {
      ...running,
      ActiveEnterTimestamp: 'n/a',
      MainPID: 'x',
    });
    expect(odd).toMatchObject({ pid: null, since: null });
  });

  it('keeps the last exit of a running or restarting worker, but not of a stopped one', () => {
    const after12 = { Result: 'success', ExecMainCode: '1', ExecMainStatus: '12', NRestarts: '1' };
    const up = unitStateFromProperties(UNIT, { ...running, ...after12 });
    expect(up.reason).toBeNull();
    expect(up.lastExit?.code).toBe('memory-limit');
    const waiting = unitStateFromProperties(UNIT, {
      ...running,
      ...after12,
      ActiveState: 'activating',
      SubState: 'auto-restart',
    });
    expect(waiting.reason?.code).toBe('memory-limit');
    expect(waiting.lastExit?.code).toBe('memory-limit');
    const stopped = unitStateFromProperties(UNIT, {
      ...running,
      ActiveState: 'inactive',
      SubState: 'dead',
      ExecMainCode: '2',
      ExecMainStatus: '15',
    });
    expect(stopped.lastExit).toBeNull();
  });

  it('treats a unit systemd does not know as stopped, without inventing a reason', () => {
    expect(unitStateFromProperties(UNIT, undefined)).toEqual({
      unit: UNIT,
      state: 'stopped',
      activeState: 'inactive',
      subState: 'dead',
      pid: null,
      since: null,
      restarts: 0,
      reason: null,
      lastExit: null,
    });
  });

  it('names signals and exit statuses in the text', () => {
    expect(
      explainLastExit({ ExecMainCode: '2', ExecMainStatus: '15', Result: 'signal' })?.text,
    ).toContain('SIGTERM');
    expect(
      explainLastExit({ ExecMainCode: '2', ExecMainStatus: '31', Result: 'signal' })?.text,
    ).toContain('signal 31');
    expect(
      explainLastExit({ ExecMainCode: '1', ExecMainStatus: '3', Result: 'exit-code' })?.text,
    ).toContain('status 3');
    expect(explainLastExit({ ActiveState: 'failed', Result: 'start-limit-hit' })?.text).toMatch(
      /gave up after 5 tries in 30 s/,
    );
    expect(
      explainLastExit({
        ActiveState: 'failed',
        Result: 'exit-code',
        NRestarts: '4',
        ExecMainCode: '1',
        ExecMainStatus: '255',
      })?.text,
    ).toContain('Last exit: Exited with status 255.');
    expect(explainLastExit({})).toBeNull();
  });

  it('never throws and always maps to a known state, whatever systemd prints', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'active',
        'activating',
        'deactivating',
        'failed',
        'inactive',
        'reloading',
        'maintenance',
        '',
        '[not set]',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            ActiveState: word,
            SubState: word,
            Result: word,
            ExecMainCode: word,
            ExecMainStatus: word,
            MainPID: word,
            NRestarts: word,
          },
          { requiredKeys: [] },
        ),
        (props) => {
          const state = unitStateFromProperties(UNIT, props);
          expect(['running', 'starting', 'stopping', 'stopped', 'failed']).toContain(state.state);
          expect(Number.isFinite(state.restarts)).toBe(true);
          if (state.state === 'running') expect(state.reason).toBeNull();
          if (state.state === 'failed' && props.Result && props.Result !== 'success') {
            expect(state.reason).not.toBeNull();
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('combineStates', () => {
  it.each<[WorkerStateName[], WorkerStateName]>([
    [[], 'stopped'],
    [['running', 'running'], 'running'],
    [['running', 'stopped'], 'running'],
    [['stopped', 'stopped'], 'stopped'],
    [['running', 'starting'], 'starting'],
    [['running', 'stopping', 'starting'], 'starting'],
    [['running', 'stopping'], 'stopping'],
    [['running', 'failed', 'starting'], 'failed'],
    [['stopped', 'failed'], 'failed'],
  ])('%j → %s', (states, expected) => {
    expect(combineStates(states)).toBe(expected);
  });

  it('never hides a failure and does not depend on order', () => {
    const state = fc.constantFrom<WorkerStateName>(
      'running',
      'starting',
      'stopping',
      'stopped',
      'failed',
    );
    fc.assert(
      fc.property(fc.array(state, { maxLength: 8 }), (states) => {
        const combined = combineStates(states);
        expect(combineStates([...states].reverse())).toBe(combined);
        if (states.includes('failed')) expect(combined).toBe('failed');
        if (states.length > 0) expect(states).toContain(combined);
      }),
    );
  });
});

describe('a unit systemd refused to load', () => {
  it('is failed with a reason, not stopped', () => {
    const state = unitStateFromProperties('u@1.service', {
      Id: 'u@1.service',
      LoadState: 'bad-setting',
      ActiveState: 'inactive',
      SubState: 'dead',
    });
    expect(state.state).toBe('failed');
    expect(state.reason?.text).toContain('could not load');
  });
});
