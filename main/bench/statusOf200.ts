// 1. Status of 200 workers: ServerMark's full refresh against the original's is-active loop.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { createServerMark } from '../core/serverMark';
import { createPreferredUnitReader } from '../core/systemd/preferredUnitReader';
import { createSystemctl } from '../core/systemd/systemctl';
import { median, round, timeMs, type BenchResult, type Progress } from './benchmark';
import { benchSiteRecords, benchUnits, SLEEPING_UNIT } from './benchSiteRecords';
import { startGround } from './benchSites';

const SITES = 200;
const ROUNDS = 5;
const READS_PER_ROUND = 9;

export async function statusOf200(progress: Progress): Promise<BenchResult> {
  const ground = await startGround('status');
  try {
    const { manager } = ground;
    const env = manager.env;
    // The state read does not depend on what the process is: 200 sleeps are 200 units to read,
    // without 200 PHP processes loading two cores during the measurement.
    const sites = benchSiteRecords(SITES);
    const units = benchUnits(sites);
    for (const { template } of units) {
      await writeFile(join(manager.unitDir, template), SLEEPING_UNIT);
    }
    const reader = createPreferredUnitReader({ env, systemctl: createSystemctl({ env }) });
    const core = createServerMark({ env, unitReader: reader });
    await core.registry.update((file) => void file.sites.push(...sites));
    await ground.systemctl(['daemon-reload']);
    const instances = units.map((u) => u.instance);
    await ground.systemctl(['start', ...instances]);
    progress(`${SITES} units running`);

    const statuses = await core.status();
    const running = statuses.filter((s) => s.state === 'running').length;
    if (running !== SITES) throw new Error(`Only ${running} of ${SITES} sites read as running.`);
    for (let i = 0; i < 5; i++) await core.status();

    const loops: number[] = [];
    const reads: number[] = [];
    const ratios: number[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      const loop = await timeMs(async () => {
        for (const unit of instances) {
          await execa('systemctl', ['--user', 'is-active', unit], { env, reject: false });
        }
      });
      const samples: number[] = [];
      for (let i = 0; i < READS_PER_ROUND; i++) samples.push(await timeMs(() => core.status()));
      const read = median(samples);
      loops.push(loop);
      reads.push(read);
      ratios.push(loop / read);
      progress(
        `round ${r}/${ROUNDS}: is-active loop ${round(loop, 0)} ms, status() ${round(read)} ms`,
      );
    }
    core.close();
    const ratio = median(ratios);
    return {
      id: 'status-200',
      title: `Status of ${SITES} workers`,
      figure: `${round(ratio, 0)}× faster`,
      target: '≥ 100× faster',
      met: ratio >= 100,
      details: {
        ratio: round(ratio),
        isActiveLoopMs: round(median(loops), 0),
        statusMs: round(median(reads), 2),
        readVia: reader.source ?? 'none',
        units: SITES,
        rounds: ROUNDS,
      },
    };
  } finally {
    await ground.stop();
  }
}
