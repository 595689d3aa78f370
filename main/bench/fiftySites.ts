// Fifty real Laravel sites on one private user manager, shared by the start-all, idle and
// change-latency benchmarks (made once: copying and registering them is most of the setup).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServerMark, type ServerMark } from '../core/serverMark';
import { UNIT_PREFIX } from '../core/units/unitName';
import { findExecutable } from '../testing/findExecutable';
import type { Progress } from './benchmark';
import { laravelSites, startGround, type BenchGround } from './benchSites';

export const FIFTY = 50;

export interface FiftySites {
  ground: BenchGround;
  core: ServerMark;
  /** The one worker unit of each site, in site order. */
  units: string[];
  stop(): Promise<void>;
}

let shared: Promise<FiftySites> | null = null;

export function fiftySites(progress: Progress): Promise<FiftySites> {
  shared ??= (async () => {
    const ground = await startGround('fifty');
    // Fifty Laravel boots are seconds of CPU on two cores and would starve systemd and
    // systemctl during the very starts being timed. A drop-in of this private manager (not a
    // change to ServerMark's units) runs the workers at Nice=19: every side alike gets the CPU
    // it needs to orchestrate, and the workers are still real `php artisan queue:work`.
    const dropIn = join(ground.manager.unitDir, `${UNIT_PREFIX}.service.d`);
    await mkdir(dropIn, { recursive: true });
    await writeFile(join(dropIn, 'benchmark-nice.conf'), '[Service]\nNice=19\n');
    const paths = await laravelSites(ground.root, FIFTY);
    progress(`${FIFTY} Laravel apps copied`);
    const core = createServerMark({ env: ground.manager.env });
    const php = findExecutable('php');
    for (const directory of paths) await core.addSite({ directory, php });
    const units = (await core.status()).map((s) => s.units[0]!);
    progress(`${FIFTY} sites registered`);
    return {
      ground,
      core,
      units,
      async stop() {
        core.close();
        await ground.stop();
      },
    };
  })();
  return shared;
}

export async function stopFiftySites(): Promise<void> {
  if (shared) await (await shared).stop();
  shared = null;
}
