// Counts every child process this Node process starts, whoever starts it (execa included), so
// "the core spawned nothing" is counted rather than assumed.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const SPAWNING = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];
let spawned = 0;
const commands: string[] = [];

export function installSpawnCounter(): void {
  const module = childProcess as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of SPAWNING) {
    const original = module[name]!;
    module[name] = function (this: unknown, ...args: unknown[]) {
      spawned++;
      commands.push(String(args[0]));
      return original.apply(this, args);
    };
  }
  // ESM imports of node:child_process (execa's) see the wrapped functions too.
  syncBuiltinESMExports();
}

export function spawnCount(): number {
  return spawned;
}

/** Commands spawned since `from` (a spawnCount() value), for saying what ran. */
export function spawnedSince(from: number): string[] {
  return commands.slice(from);
}
