// 2. Idle cost: 60 s with 50 running workers, live state on, nothing changing.
import { round, sleep, type BenchResult, type Progress } from './benchmark';
import { FIFTY, fiftySites } from './fiftySites';
import { spawnCount, spawnedSince } from './spawnCounter';

const WINDOW_MS = 60_000;

export async function idleCost(progress: Progress): Promise<BenchResult> {
  const { core } = await fiftySites(progress);
  const outcome = await core.startAll();
  const running = outcome.statuses.filter((s) => s.state === 'running').length;
  if (running !== FIFTY) throw new Error(`Only ${running} of ${FIFTY} workers run.`);
  let events = 0;
  const unsubscribe = core.onStatus(() => events++);
  const live = await core.startLive();
  // Let the workers finish booting and the first reads settle before the quiet minute.
  await sleep(5_000);
  progress(
    `${FIFTY} workers running, live state via ${live.mode}; measuring ${WINDOW_MS / 1000} s`,
  );

  const spawnsBefore = spawnCount();
  const eventsBefore = events;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await sleep(WINDOW_MS);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsed = performance.now() - started;
  const spawned = spawnCount() - spawnsBefore;
  unsubscribe();

  const cpuMs = (cpu.user + cpu.system) / 1000;
  const cpuPercent = (cpuMs / elapsed) * 100;
  return {
    id: 'idle-cost',
    title: `Idle cost, ${FIFTY} workers, ${WINDOW_MS / 1000} s`,
    figure: `${spawned} processes, ${round(cpuPercent, 2)}% of a core`,
    target: '0 processes; < 1% of a core',
    met: spawned === 0 && cpuPercent < 1,
    details: {
      processesSpawned: spawned,
      cpuMs: round(cpuMs, 1),
      cpuPercentOfOneCore: round(cpuPercent, 3),
      stateEvents: events - eventsBefore,
      liveMode: live.mode,
      windowS: round(elapsed / 1000, 1),
      ...(spawned > 0 ? { spawnedCommands: spawnedSince(spawnsBefore).join(', ') } : {}),
    },
  };
}
