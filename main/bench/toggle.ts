// 4. Toggle: a start request until "running" is confirmed, against the raw
// `systemctl --user daemon-reload && systemctl --user enable --now` of the same unit.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { createServerMark } from '../core/serverMark';
import { findExecutable } from '../testing/findExecutable';
import { median, round, sleep, timeMs, type BenchResult, type Progress } from './benchmark';
import { laravelSites, startGround } from './benchSites';

const ROUNDS = 7;
// The raw side's unit: the very text ServerMark wrote (same ExecStart, directory, Type=exec),
// under a name ServerMark does not manage.
const RAW_TEMPLATE = 'bench-raw-toggle@.service';
const RAW_UNIT = 'bench-raw-toggle@1.service';

export async function toggle(progress: Progress): Promise<BenchResult> {
  const ground = await startGround('toggle');
  try {
    const env = ground.manager.env;
    const [path] = await laravelSites(ground.root, 1);
    const core = createServerMark({ env });
    const site = await core.addSite({ directory: path!, php: findExecutable('php') });
    const systemctl = (args: string[]) =>
      execa('systemctl', ['--user', ...args], { env, stdin: 'ignore' });

    // Warm-up both sides once; it also gives us ServerMark's unit text to copy.
    await core.startWorkers(site.id);
    const [status] = await core.status([site.id]);
    const ours = status!.units[0]!.replace(/@\d+\.service$/, '@.service');
    const text = await readFile(join(ground.manager.unitDir, ours), 'utf8');
    await core.stopWorkers(site.id);
    await writeFile(join(ground.manager.unitDir, RAW_TEMPLATE), text);
    await systemctl(['daemon-reload']);
    await systemctl(['enable', '--now', RAW_UNIT]);
    await systemctl(['disable', '--now', RAW_UNIT]);

    const startRequest = async () => {
      let state = (await core.startWorkers(site.id)).state;
      while (state !== 'running') {
        if (state === 'failed') throw new Error('The worker failed to start.');
        await sleep(10);
        state = (await core.status([site.id]))[0]!.state;
      }
    };
    const raw = async () => {
      await systemctl(['daemon-reload']);
      await systemctl(['enable', '--now', RAW_UNIT]);
    };
    const oursMs: number[] = [];
    const rawMs: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order: Array<[number[], () => Promise<void>, () => Promise<unknown>]> = [
        [oursMs, startRequest, () => core.stopWorkers(site.id)],
        [rawMs, raw, () => systemctl(['disable', '--now', RAW_UNIT])],
      ];
      if (r % 2) order.reverse();
      for (const [samples, start, reset] of order) {
        samples.push(await timeMs(start));
        await sleep(400);
        await reset();
        await sleep(200);
      }
    }
    core.close();
    progress(`ServerMark ${round(median(oursMs), 0)} ms, raw ${round(median(rawMs), 0)} ms`);
    const ratio = median(oursMs) / median(rawMs);
    return {
      id: 'toggle',
      title: 'Toggle (start until running)',
      figure: `${round(ratio, 2)}× raw systemctl`,
      target: '≤ 1.5× raw systemctl',
      met: ratio <= 1.5,
      details: {
        ratio: round(ratio, 2),
        serverMarkMs: round(median(oursMs), 1),
        rawDaemonReloadEnableNowMs: round(median(rawMs), 1),
        rounds: ROUNDS,
      },
    };
  } finally {
    await ground.stop();
  }
}
