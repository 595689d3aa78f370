// 8. Memory: the core's heap with 500 sites against 5 (registry entries and status results).
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { median, round, type BenchResult, type Progress } from './benchmark';
import { benchSiteRecords, benchUnits, SLEEPING_UNIT } from './benchSiteRecords';
import { startGround } from './benchSites';

const SMALL = 5;
const LARGE = 500;
const ROUNDS = 3;
const PROBE = resolve(import.meta.dirname, 'coreMemoryProbe.ts');

export async function coreMemory(progress: Progress): Promise<BenchResult> {
  const ground = await startGround('memory');
  try {
    const { manager } = ground;
    const units = benchUnits(benchSiteRecords(LARGE));
    for (const { template } of units) {
      await writeFile(join(manager.unitDir, template), SLEEPING_UNIT);
    }
    await ground.systemctl(['daemon-reload']);
    await ground.systemctl(['start', ...units.map((u) => u.instance)]);
    progress(`${LARGE} units running`);

    const probe = async (sites: number) => {
      const { stdout } = await execa(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', PROBE, String(sites)],
        { env: manager.env, stdin: 'ignore' },
      );
      const result = JSON.parse(stdout) as { heapUsed: number; running: number };
      if (result.running !== sites)
        throw new Error(`The probe read ${result.running} of ${sites} sites running.`);
      return result.heapUsed;
    };
    const small: number[] = [];
    const large: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      small.push(await probe(SMALL));
      large.push(await probe(LARGE));
    }
    const smallMb = median(small) / 2 ** 20;
    const largeMb = median(large) / 2 ** 20;
    const perSiteKb = (median(large) - median(small)) / (LARGE - SMALL) / 1024;
    progress(`${SMALL} sites ${round(smallMb)} MB, ${LARGE} sites ${round(largeMb)} MB`);
    return {
      id: 'memory',
      title: `Core heap, ${LARGE} vs ${SMALL} sites`,
      figure: `${round(largeMb / smallMb, 2)}× (${round(smallMb)} → ${round(largeMb)} MB)`,
      target: 'report (no target set)',
      met: null,
      details: {
        ratio: round(largeMb / smallMb, 2),
        heapSmallMb: round(smallMb, 2),
        heapLargeMb: round(largeMb, 2),
        perSiteKb: round(perSiteKb, 1),
        rounds: ROUNDS,
      },
      note: 'the issue sets no target for memory: ratio and absolute heap are reported (3 status() results held, after a full GC)',
    };
  } finally {
    await ground.stop();
  }
}
