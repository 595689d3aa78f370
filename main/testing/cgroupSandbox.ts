// Gives each test user manager its own cgroup root. Without it every manager on the machine uses
// /app.slice/NAME.service, and stopping a unit in one test run kills the same-named unit of another run.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signalQuietly } from './processTree';
import { sleep } from './waitFor';

interface Hierarchy {
  mountPoint: string;
  /** Where this process sits in the hierarchy, e.g. "/init.scope". */
  ownPath: string;
}

export interface CgroupSandbox {
  /** Directory name directly under each hierarchy's root, e.g. "servermark-test-1234-ab12cd". */
  readonly name: string;
  /** Spawns a process whose cgroup is NAME/init.scope, which systemd --user takes as its root. */
  spawnInside(command: string, args: readonly string[], options: SpawnOptions): ChildProcess;
  /** Every process in the sandbox, in any hierarchy. */
  pids(): number[];
  /** SIGKILLs everything in the sandbox until it is empty; throws listing survivors. */
  killAll(timeoutMs?: number): Promise<void>;
  /** Removes the sandbox's cgroup directories (they must be empty). */
  remove(): Promise<void>;
}

// systemd only looks at these mount points (cgroup2 for tracking in unified/hybrid mode, else name=systemd).
const V2_MOUNTS = ['/sys/fs/cgroup/unified', '/sys/fs/cgroup'];
const V1_SYSTEMD_MOUNT = '/sys/fs/cgroup/systemd';

function findHierarchies(): { tracking: Hierarchy; all: Hierarchy[] } | undefined {
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
  const cgroupLines = readFileSync('/proc/self/cgroup', 'utf8').split('\n');
  const mountedAtRoot = (mountPoint: string, fsType: string, superOption?: string): boolean =>
    mounts.some((line) => {
      const [left, right] = line.split(' - ');
      const leftFields = left?.split(' ') ?? [];
      const rightFields = right?.split(' ') ?? [];
      return (
        leftFields[3] === '/' &&
        leftFields[4] === mountPoint &&
        rightFields[0] === fsType &&
        (superOption === undefined || (rightFields[2] ?? '').split(',').includes(superOption))
      );
    });
  const v2Path = cgroupLines.find((line) => line.startsWith('0::'))?.slice(3);
  const v1Path = cgroupLines
    .map((line) => line.split(':'))
    .find((fields) => fields[1] === 'name=systemd')
    ?.slice(2)
    .join(':');

  const all: Hierarchy[] = [];
  const v2Mount = V2_MOUNTS.find((mount) => mountedAtRoot(mount, 'cgroup2'));
  if (v2Mount !== undefined && v2Path !== undefined)
    all.push({ mountPoint: v2Mount, ownPath: v2Path });
  if (mountedAtRoot(V1_SYSTEMD_MOUNT, 'cgroup', 'name=systemd') && v1Path !== undefined) {
    all.push({ mountPoint: V1_SYSTEMD_MOUNT, ownPath: v1Path });
  }
  const tracking = all[0];
  return tracking === undefined ? undefined : { tracking, all };
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Lists cgroup directories under `dir`, deepest first. */
function cgroupDirsDeepestFirst(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return [];
    throw error;
  }
  const nested = entries
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => cgroupDirsDeepestFirst(join(dir, entry.name)));
  return [...nested, dir];
}

/** Creates a sandbox, or returns undefined (with the reason) where cgroups are not writable. */
export function createCgroupSandbox(): { sandbox: CgroupSandbox } | { reason: string } {
  const hierarchies = findHierarchies();
  if (hierarchies === undefined)
    return { reason: 'no cgroup hierarchy that systemd would use is mounted' };
  const { tracking, all } = hierarchies;
  const name = `servermark-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  const scopeDir = join(tracking.mountPoint, name, 'init.scope');
  try {
    mkdirSync(scopeDir, { recursive: true });
  } catch (error) {
    return { reason: `cannot create ${scopeDir}: ${(error as Error).message}` };
  }

  const ownProcsFile = (): string => {
    const current = findHierarchies()?.tracking.ownPath ?? tracking.ownPath;
    return join(tracking.mountPoint, current, 'cgroup.procs');
  };

  const pids = (): number[] => {
    const found = new Set<number>();
    for (const hierarchy of all) {
      for (const dir of cgroupDirsDeepestFirst(join(hierarchy.mountPoint, name))) {
        let text = '';
        try {
          text = readFileSync(join(dir, 'cgroup.procs'), 'utf8');
        } catch (error) {
          if (errnoCode(error) !== 'ENOENT') throw error;
        }
        for (const line of text.split('\n')) if (line !== '') found.add(Number(line));
      }
    }
    found.delete(process.pid);
    return [...found];
  };

  return {
    sandbox: {
      name,
      spawnInside(command, args, options) {
        // Node has no pre-exec hook, so this process steps into the sandbox just for the synchronous
        // fork (the child inherits the cgroup) and steps straight back; no other JS runs in between.
        const back = ownProcsFile();
        writeFileSync(join(scopeDir, 'cgroup.procs'), `${process.pid}\n`);
        try {
          return spawn(command, args, options);
        } finally {
          writeFileSync(back, `${process.pid}\n`);
        }
      },
      pids,
      async killAll(timeoutMs = 5_000) {
        const deadline = Date.now() + timeoutMs;
        for (let left = pids(); left.length > 0; left = pids()) {
          if (Date.now() > deadline) {
            throw new Error(`Processes survived SIGKILL in cgroup ${name}: ${left.join(', ')}`);
          }
          for (const pid of left) signalQuietly(pid, 'SIGKILL');
          await sleep(20);
        }
      },
      async remove() {
        for (const hierarchy of all) {
          for (const dir of cgroupDirsDeepestFirst(join(hierarchy.mountPoint, name))) {
            // A just-killed process may linger in cgroup.procs for a moment, which makes rmdir say EBUSY.
            for (let attempt = 0; ; attempt += 1) {
              try {
                rmdirSync(dir);
                break;
              } catch (error) {
                const code = errnoCode(error);
                if (code === 'ENOENT') break;
                if (code !== 'EBUSY' || attempt >= 50) throw error;
                await sleep(20);
              }
            }
          }
        }
      },
    },
  };
}
