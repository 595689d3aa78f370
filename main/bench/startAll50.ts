// 5. Start all 50: core.startAll() against one batched `systemctl --user start` of the same
// units, and against starting them one by one.
import { execa } from 'execa';
import { median, round, sleep, timeMs, type BenchResult, type Progress } from './benchmark';
import { FIFTY, fiftySites, type FiftySites } from './fiftySites';

const ROUNDS = 5;
// 50 PHP workers booting take a few CPU-seconds on two cores: let them finish before the next
// measurement, so no side pays for the previous one's boot.
const SETTLE_MS = 2_000;

async function stopAllUnits(sites: FiftySites): Promise<void> {
  await sites.ground.systemctl(['stop', ...sites.units]);
  // Manual starts count towards StartLimitBurst too: start every round from a clean count.
  await sites.ground.systemctl(['reset-failed', ...sites.units]);
  await sleep(500);
}

export async function startAll50(progress: Progress): Promise<BenchResult> {
  const sites = await fiftySites(progress);
  const { core, units, ground } = sites;
  const env = ground.manager.env;
  // Warm-up: the unit files now exist and stay (stopping by systemctl leaves them), so the
  // raw starts below find the same units installed that startAll() rewrites each time.
  await core.startAll();
  await sleep(SETTLE_MS);
  await stopAllUnits(sites);

  const ours: number[] = [];
  const batched: number[] = [];
  const oneByOne: number[] = [];
  const afterStopAll: number[] = [];
  const startAllRunning = async () => {
    const outcome = await core.startAll();
    const running = outcome.statuses.filter((s) => s.state === 'running').length;
    if (running !== FIFTY || outcome.failures.length > 0) {
      throw new Error(`startAll() left ${running} of ${FIFTY} running.`);
    }
  };
  const measures: Array<[number[], () => Promise<unknown>, (() => Promise<unknown>)?]> = [
    [ours, startAllRunning],
    [batched, () => ground.systemctl(['start', ...units])],
    [
      oneByOne,
      async () => {
        for (const unit of units) {
          await execa('systemctl', ['--user', 'start', unit], { env, stdin: 'ignore' });
        }
      },
    ],
    // ServerMark's own Stop all uninstalls the units: starting again writes them and reloads.
    [afterStopAll, startAllRunning, () => core.stopAll()],
  ];
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate the order, so drift in machine load falls on every side alike.
    for (let k = 0; k < measures.length; k++) {
      const [samples, start, prepare] = measures[(r + k) % measures.length]!;
      await prepare?.();
      samples.push(await timeMs(start));
      await sleep(SETTLE_MS);
      await stopAllUnits(sites);
    }
    progress(
      `round ${r + 1}/${ROUNDS}: startAll ${round(ours.at(-1)!, 0)} ms (after stopAll ${round(afterStopAll.at(-1)!, 0)} ms), batched ${round(batched.at(-1)!, 0)} ms, one by one ${round(oneByOne.at(-1)!, 0)} ms`,
    );
  }
  const vsBatched = median(ours) / median(batched);
  const vsOneByOne = median(oneByOne) / median(ours);
  return {
    id: 'start-all-50',
    title: `Start all ${FIFTY}`,
    figure: `${round(vsBatched, 2)}× batched; ${round(vsOneByOne, 1)}× faster than one by one`,
    target: '≤ 1.3× batched; ≥ 3× faster than one by one',
    met: vsBatched <= 1.3 && vsOneByOne >= 3,
    details: {
      startAllMs: round(median(ours), 0),
      batchedStartMs: round(median(batched), 0),
      oneByOneMs: round(median(oneByOne), 0),
      startAllAfterStopAllMs: round(median(afterStopAll), 0),
      vsBatched: round(vsBatched, 2),
      fasterThanOneByOne: round(vsOneByOne, 2),
      rounds: ROUNDS,
    },
  };
}
