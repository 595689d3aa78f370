import { execa } from 'execa';
import { ServerMarkError } from '../errors/serverMarkError';
import { parseShowOutput, type UnitProperties } from './showOutput';

export interface Systemctl {
  daemonReload(): Promise<void>;
  enableNow(units: string[]): Promise<void>;
  disableNow(units: string[]): Promise<void>;
  start(units: string[]): Promise<void>;
  stop(units: string[]): Promise<void>;
  restart(units: string[]): Promise<void>;
  resetFailed(units: string[]): Promise<void>;
  /** Loaded units (any state) whose names match the glob patterns, in one cheap call. */
  listUnits(patterns: string[]): Promise<ListedUnit[]>;
  /** Properties of many units in one call, keyed by unit name. */
  show(units: string[], properties: readonly string[]): Promise<Map<string, UnitProperties>>;
}

export interface ListedUnit {
  unit: string;
  load: string;
  active: string;
  sub: string;
}

export interface SystemctlOptions {
  env?: NodeJS.ProcessEnv;
  /** The systemctl binary; tests may point elsewhere. */
  binary?: string;
}

// Turns systemctl's stderr into a sentence the user can act on.
export function systemctlError(args: string[], stderr: string, exitCode?: number): ServerMarkError {
  const text = stderr.trim();
  const detail = `systemctl ${args.join(' ')} (exit ${exitCode ?? '?'}): ${text}`;
  if (/Failed to connect to bus|Failed to connect to user scope bus|No medium found/i.test(text)) {
    return new ServerMarkError(
      'NO_USER_MANAGER',
      'No systemd user manager is reachable. Log in to a graphical or systemd session (so XDG_RUNTIME_DIR is set), or check `systemctl --user status`.',
      detail,
    );
  }
  if (
    /bad-setting|failed to load|Unit .* has a bad unit file setting|is not loaded properly/i.test(
      text,
    )
  ) {
    return new ServerMarkError(
      'UNIT_LOAD_FAILED',
      'systemd could not load the worker unit. Check the site path and PHP binary, then try again.',
      detail,
    );
  }
  if (/Job for .* failed|control process exited|start request repeated too quickly/i.test(text)) {
    return new ServerMarkError(
      'UNIT_START_FAILED',
      'The worker failed to start. Open its log to see what PHP or Laravel printed.',
      detail,
    );
  }
  return new ServerMarkError('SYSTEMD_FAILED', `systemctl failed: ${text || 'no output'}`, detail);
}

export function createSystemctl(options: SystemctlOptions = {}): Systemctl {
  const env = options.env ?? process.env;
  const binary = options.binary ?? 'systemctl';

  async function run(args: string[]): Promise<string> {
    const fullArgs = ['--user', '--no-pager', ...args];
    try {
      const result = await execa(binary, fullArgs, {
        env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        timeout: 120_000,
      });
      if (result.failed) {
        if (result.code === 'ENOENT') {
          throw new ServerMarkError(
            'SYSTEMCTL_MISSING',
            'systemctl was not found. ServerMark needs systemd: install it or add systemctl to PATH.',
          );
        }
        throw systemctlError(args, result.stderr ?? '', result.exitCode);
      }
      return result.stdout ?? '';
    } catch (error) {
      if (error instanceof ServerMarkError) throw error;
      throw new ServerMarkError('SYSTEMD_FAILED', `Could not run systemctl: ${String(error)}`);
    }
  }

  const batch = (verb: string[]) => async (units: string[]) => {
    if (units.length > 0) await run([...verb, ...units]);
  };

  return {
    daemonReload: async () => void (await run(['daemon-reload'])),
    enableNow: batch(['enable', '--now']),
    disableNow: batch(['disable', '--now']),
    start: batch(['start']),
    stop: batch(['stop']),
    restart: batch(['restart']),
    resetFailed: batch(['reset-failed']),
    async listUnits(patterns) {
      const out = await run(['list-units', '--all', '--plain', '--output=json', '--', ...patterns]);
      const parsed: unknown = JSON.parse(out || '[]');
      return Array.isArray(parsed) ? (parsed as ListedUnit[]) : [];
    },
    async show(units, properties) {
      if (units.length === 0) return new Map();
      const out = await run([
        'show',
        '--timestamp=unix',
        `--property=${['Id', ...properties].join(',')}`,
        '--',
        ...units,
      ]);
      return parseShowOutput(out);
    },
  };
}
