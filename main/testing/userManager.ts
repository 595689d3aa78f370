// A private `systemd --user` per test run, so tests drive real units without touching anyone's real ones.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { createCgroupSandbox, type CgroupSandbox } from './cgroupSandbox';
import { descendantPids, isProcessAlive, signalQuietly } from './processTree';
import { sleep, waitFor } from './waitFor';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface UserManager {
  runtimeDir: string;
  configHome: string;
  stateHome: string;
  dataHome: string;
  /** process.env plus XDG_RUNTIME_DIR, XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME, DBUS_SESSION_BUS_ADDRESS. */
  env: NodeJS.ProcessEnv;
  /** $XDG_CONFIG_HOME/systemd/user, where this manager reads unit files (created for you). */
  unitDir: string;
  /** PID of the current `systemd --user` (changes after restartUserManager). */
  readonly pid: number;
  /** True when the manager has its own cgroup root, so same-named units in other runs are safe. */
  readonly isolated: boolean;
  /** `systemctl --user ARGS` against this manager; never throws on a non-zero exit. */
  systemctl(args: readonly string[], options?: { timeoutMs?: number }): Promise<CommandResult>;
  /** The manager and every process it started (still alive). */
  pids(): number[];
  /** Stops all units, ends the manager, kills leftovers, removes the temp dirs. Safe to call twice. */
  stop(): Promise<void>;
}

const SYSTEMD_BINARY = '/usr/lib/systemd/systemd';
const START_TIMEOUT_MS = 10_000;
// Variables a parent systemd may have set for us; a child manager must not inherit them.
const INHERITED_SYSTEMD_VARS = [
  'NOTIFY_SOCKET',
  'LISTEN_PID',
  'LISTEN_FDS',
  'LISTEN_FDNAMES',
  'WATCHDOG_PID',
  'WATCHDOG_USEC',
  'MANAGERPID',
  'INVOCATION_ID',
  'JOURNAL_STREAM',
];
const OUTPUT_LIMIT = 16_384;

class RunningUserManager implements UserManager {
  readonly unitDir: string;
  readonly env: NodeJS.ProcessEnv;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output = '';
  private stopping: Promise<void> | undefined;
  // Without a cgroup sandbox, processes orphaned by a crash can no longer be found by parentage.
  private readonly orphans = new Set<number>();
  private readonly emergencyCleanup = (): void => this.killEverythingSync();

  constructor(
    private readonly root: string,
    readonly runtimeDir: string,
    readonly configHome: string,
    readonly stateHome: string,
    readonly dataHome: string,
    private readonly sandbox: CgroupSandbox | undefined,
  ) {
    this.unitDir = join(configHome, 'systemd', 'user');
    this.env = {
      ...process.env,
      XDG_RUNTIME_DIR: runtimeDir,
      XDG_CONFIG_HOME: configHome,
      XDG_STATE_HOME: stateHome,
      XDG_DATA_HOME: dataHome,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(runtimeDir, 'bus')}`,
    };
    // If a test forgets stop() (or the worker dies), do not leave a manager and its services behind.
    process.once('exit', this.emergencyCleanup);
  }

  get pid(): number {
    return this.child?.pid ?? -1;
  }

  get isolated(): boolean {
    return this.sandbox !== undefined;
  }

  async systemctl(args: readonly string[], { timeoutMs = 15_000 } = {}): Promise<CommandResult> {
    const result = await execa('systemctl', ['--user', ...args], {
      env: this.env,
      reject: false,
      timeout: timeoutMs,
      stdin: 'ignore',
    });
    return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? -1 };
  }

  pids(): number[] {
    const pids = new Set<number>(this.orphans);
    if (this.child?.pid !== undefined && isProcessAlive(this.child.pid)) {
      pids.add(this.child.pid);
      for (const pid of descendantPids(this.child.pid)) pids.add(pid);
    }
    for (const pid of this.sandbox?.pids() ?? []) pids.add(pid);
    return [...pids].filter(isProcessAlive);
  }

  /** Spawns the manager and waits until it accepts systemctl calls and its user bus exists. */
  async launch(): Promise<void> {
    // Stale sockets from a previous manager would make the readiness checks pass too early.
    await rm(join(this.runtimeDir, 'systemd', 'private'), { force: true });
    await rm(join(this.runtimeDir, 'bus'), { force: true });
    const managerEnv = { ...this.env };
    for (const name of INHERITED_SYSTEMD_VARS) delete managerEnv[name];
    const options: SpawnOptions = {
      // detached = setsid(): own session and process group, so the whole group can be signalled.
      detached: true,
      env: managerEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    };
    // Logging to the console (stderr) gives us the manager's own words for error messages; there is no journald.
    const args = ['--user', '--log-target=console', '--log-color=no'];
    const child = this.sandbox
      ? this.sandbox.spawnInside(SYSTEMD_BINARY, args, options)
      : spawn(SYSTEMD_BINARY, args, options);
    this.child = child;
    this.output = '';
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exitDescription: string | undefined;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        exitDescription = signal ? `signal ${signal}` : `exit code ${code}`;
        resolve();
      });
      child.once('error', (error) => {
        exitDescription = `spawn error: ${error.message}`;
        resolve();
      });
    });

    try {
      await waitFor(
        `systemd --user (pid ${child.pid}) to answer in ${this.runtimeDir}`,
        async () => {
          if (exitDescription !== undefined) {
            throw new Error(`systemd --user ended early (${exitDescription})`);
          }
          if (!existsSync(join(this.runtimeDir, 'systemd', 'private'))) return false;
          const state = await this.systemctl(['is-system-running'], { timeoutMs: 2_000 });
          return state.stdout.trim() === 'running' || state.stdout.trim() === 'degraded';
        },
        { timeoutMs: START_TIMEOUT_MS },
      );
      await waitFor(
        `the user bus socket ${join(this.runtimeDir, 'bus')} (is dbus-user-session installed?)`,
        () => existsSync(join(this.runtimeDir, 'bus')),
        { timeoutMs: START_TIMEOUT_MS },
      );
    } catch (error) {
      const message = `${(error as Error).message}\n--- systemd --user output ---\n${this.output}`;
      await this.stop().catch(() => undefined);
      throw new Error(message, { cause: error });
    }
  }

  /** Ends the manager process (SIGTERM lets it stop its units first; SIGKILL simulates a crash). */
  async endManager(signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 10_000): Promise<void> {
    const pid = this.child?.pid;
    if (pid === undefined || this.child?.exitCode !== null || this.child.signalCode !== null)
      return;
    if (signal === 'SIGKILL' && !this.sandbox) {
      for (const orphan of descendantPids(pid)) this.orphans.add(orphan);
    }
    signalQuietly(-pid, signal);
    const gone = await Promise.race([
      this.exited.then(() => true),
      sleep(timeoutMs).then(() => false),
    ]);
    if (gone) return;
    signalQuietly(-pid, 'SIGKILL');
    const killed = await Promise.race([
      this.exited.then(() => true),
      sleep(5_000).then(() => false),
    ]);
    if (!killed) throw new Error(`systemd --user (pid ${pid}) did not exit after SIGKILL`);
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    process.off('exit', this.emergencyCleanup);
    if (
      this.child?.pid !== undefined &&
      this.child.exitCode === null &&
      this.child.signalCode === null
    ) {
      // Stop units through the manager first so services get their normal SIGTERM-and-wait.
      await this.systemctl(['stop', '*.service', '*.socket', '*.timer', '*.path'], {
        timeoutMs: 10_000,
      });
    }
    const doomed = this.pids();
    await this.endManager('SIGTERM', 5_000);
    if (this.sandbox) {
      await this.sandbox.killAll();
    }
    for (const pid of doomed) signalQuietly(pid, 'SIGKILL');
    await waitFor(
      'every process of the test user manager to exit',
      () => doomed.every((pid) => !isProcessAlive(pid)),
      { timeoutMs: 5_000 },
    ).catch(() => {
      const survivors = doomed.filter(isProcessAlive);
      throw new Error(
        `Processes of the test user manager survived stop(): ${survivors.join(', ')}`,
      );
    });
    this.child?.stdout?.destroy();
    this.child?.stderr?.destroy();
    await this.sandbox?.remove();
    await rm(this.root, { recursive: true, force: true });
  }

  /** Last-resort cleanup on process exit: only synchronous calls are possible here. */
  private killEverythingSync(): void {
    const pid = this.child?.pid;
    if (pid !== undefined) signalQuietly(-pid, 'SIGKILL');
    for (const other of this.pids()) signalQuietly(other, 'SIGKILL');
  }
}

/** Starts a fresh `systemd --user` with its own runtime, config, state and data dirs. */
export async function startUserManager(): Promise<UserManager> {
  if (!existsSync(SYSTEMD_BINARY))
    throw new Error(`${SYSTEMD_BINARY} is missing (install systemd)`);
  // systemd --user refuses to start unless this exists (it marks "booted with systemd").
  await mkdir('/run/systemd/system', { recursive: true });
  const root = await mkdtemp(join(tmpdir(), 'servermark-um-'));
  const runtimeDir = join(root, 'run');
  const configHome = join(root, 'config');
  const stateHome = join(root, 'state');
  const dataHome = join(root, 'data');
  await mkdir(runtimeDir, { mode: 0o700 });
  // mkdir's mode is filtered by the umask; systemd and dbus insist on exactly 0700.
  await chmod(runtimeDir, 0o700);
  await mkdir(join(configHome, 'systemd', 'user'), { recursive: true });
  await mkdir(stateHome);
  await mkdir(dataHome);
  const created = createCgroupSandbox();
  const sandbox = 'sandbox' in created ? created.sandbox : undefined;
  const manager = new RunningUserManager(
    root,
    runtimeDir,
    configHome,
    stateHome,
    dataHome,
    sandbox,
  );
  await manager.launch();
  return manager;
}

/**
 * Ends the manager and starts a new one on the same dirs. `crash: true` SIGKILLs it, so its services
 * keep running unmanaged (as after a real crash); otherwise it exits cleanly and stops its units first.
 */
export async function restartUserManager(
  manager: UserManager,
  { crash = false }: { crash?: boolean } = {},
): Promise<void> {
  if (!(manager instanceof RunningUserManager)) {
    throw new Error('restartUserManager() needs a manager from startUserManager()');
  }
  await manager.endManager(crash ? 'SIGKILL' : 'SIGTERM');
  await manager.launch();
}
