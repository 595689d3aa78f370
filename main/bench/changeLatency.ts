// 3. Change latency: `systemctl --user stop` typed in a terminal, to the core's state event.
import { execa } from 'execa';
import type { SiteStatus } from '../core/workers/siteStatus';
import { median, round, sleep, type BenchResult, type Progress } from './benchmark';
import { fiftySites } from './fiftySites';

const SAMPLES = 9;

export async function changeLatency(progress: Progress): Promise<BenchResult> {
  const { core, units, ground } = await fiftySites(progress);
  const env = ground.manager.env;
  const outcome = await core.startAll();
  if (outcome.statuses.some((s) => s.state !== 'running')) {
    throw new Error('Not every worker runs: the latency of a stop cannot be measured.');
  }
  const live = await core.startLive();
  await sleep(2_000);
  const waiters = new Set<(statuses: SiteStatus[], at: number) => void>();
  const unsubscribe = core.onStatus((statuses) => {
    const at = performance.now();
    for (const waiter of waiters) waiter(statuses, at);
  });
  const nextEvent = (test: (statuses: SiteStatus[]) => boolean, timeoutMs = 10_000) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error('No matching state event within 10 s.'));
      }, timeoutMs);
      const waiter = (statuses: SiteStatus[], at: number) => {
        if (!test(statuses)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(at);
      };
      waiters.add(waiter);
    });

  const toStopped: number[] = [];
  const toFirstChange: number[] = [];
  const stopCommand: number[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      const unit = units[i]!;
      const siteState = (statuses: SiteStatus[]) =>
        statuses.find((s) => s.units[0] === unit)?.state;
      const firstChange = nextEvent((s) => siteState(s) !== 'running');
      const stopped = nextEvent((s) => siteState(s) === 'stopped');
      const typed = performance.now();
      await execa('systemctl', ['--user', 'stop', unit], { env, stdin: 'ignore' });
      const commandDone = performance.now();
      const [changedAt, stoppedAt] = await Promise.all([firstChange, stopped]);
      toFirstChange.push(changedAt - typed);
      toStopped.push(stoppedAt - typed);
      stopCommand.push(commandDone - typed);
      const back = nextEvent((s) => siteState(s) === 'running');
      await execa('systemctl', ['--user', 'start', unit], { env, stdin: 'ignore' });
      await back;
      await sleep(300);
    }
  } finally {
    unsubscribe();
  }
  progress(`${SAMPLES} stops, live state via ${live.mode}`);
  const latency = median(toStopped);
  return {
    id: 'change-latency',
    title: 'Change latency (terminal stop → state event)',
    figure: `${round(latency, 0)} ms median`,
    target: '≤ 250 ms median',
    met: latency <= 250,
    details: {
      toStoppedEventMedianMs: round(latency, 1),
      toFirstChangeEventMedianMs: round(median(toFirstChange), 1),
      stopCommandItselfMedianMs: round(median(stopCommand), 1),
      worstMs: round(Math.max(...toStopped), 1),
      samples: SAMPLES,
      liveMode: live.mode,
    },
  };
}
