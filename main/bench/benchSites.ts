// The ground the benchmarks stand on: a private user manager, and real Laravel sites.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { createLaravelFixture } from '../testing/laravelFixture';
import { startUserManager, type UserManager } from '../testing/userManager';

export interface BenchGround {
  manager: UserManager;
  root: string;
  /** `systemctl --user ARGS` against the private manager, as a user in a terminal would run it. */
  systemctl(args: string[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startGround(name: string): Promise<BenchGround> {
  const root = await mkdtemp(join(tmpdir(), `servermark-bench-${name}-`));
  const manager = await startUserManager();
  return {
    manager,
    root,
    async systemctl(args) {
      const result = await execa('systemctl', ['--user', ...args], {
        env: manager.env,
        reject: false,
        stdin: 'ignore',
      });
      if (result.exitCode !== 0) {
        throw new Error(`systemctl --user ${args.join(' ')} failed: ${result.stderr}`);
      }
    },
    async stop() {
      await manager.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * `count` real Laravel apps: one fixture made and migrated, then copied (database included),
 * which is what a migrate per copy would give, in a fraction of the time.
 */
export async function laravelSites(root: string, count: number): Promise<string[]> {
  const first = await createLaravelFixture(join(root, 'site-001'));
  const paths = [first.path];
  for (let i = 2; i <= count; i++) {
    const path = join(root, `site-${String(i).padStart(3, '0')}`);
    await cp(first.path, path, { recursive: true });
    paths.push(path);
  }
  return paths;
}
