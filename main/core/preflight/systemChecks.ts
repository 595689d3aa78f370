import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parseStrvValue } from '../systemd/strvValue';
import type { PreflightCheck } from './preflightCheck';
import { shellQuote } from './shellQuote';

export interface SystemCheckOptions {
  env: NodeJS.ProcessEnv;
  /** Where ServerMark writes its units ($XDG_CONFIG_HOME/systemd/user). */
  unitDir: string;
  systemctlBinary?: string;
  loginctlBinary?: string;
  timeoutMs?: number;
}

interface Ran {
  missing: boolean;
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

async function run(
  binary: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Ran> {
  const result = await execa(binary, args, {
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: timeoutMs,
  });
  return {
    missing: result.code === 'ENOENT',
    exitCode: result.exitCode,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '').trim(),
    timedOut: result.timedOut,
  };
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? 'no output'
  );
}

export function currentUser(env: NodeJS.ProcessEnv): string {
  if (env.USER) return env.USER;
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? 'USER');
  }
}

async function sameDirectory(a: string, b: string): Promise<boolean> {
  if (a.replace(/\/+$/, '') === b.replace(/\/+$/, '')) return true;
  const [ra, rb] = await Promise.all([
    realpath(a).catch(() => null),
    realpath(b).catch(() => null),
  ]);
  return ra !== null && ra === rb;
}

function noManagerFix(env: NodeJS.ProcessEnv): PreflightCheck['fix'] {
  const uid = process.getuid?.();
  const usual = uid === undefined ? null : `/run/user/${uid}`;
  if (usual && existsSync(join(usual, 'systemd', 'private'))) {
    return { kind: 'command', command: `export XDG_RUNTIME_DIR=${usual}` };
  }
  // Lingering makes logind start the user's manager at boot, with or without a session.
  return { kind: 'command', command: `loginctl enable-linger ${shellQuote(currentUser(env))}` };
}

/** systemctl present, a user manager reachable, and that manager reading the units we write. */
async function checkUserManager(options: SystemCheckOptions): Promise<PreflightCheck[]> {
  const { env, unitDir } = options;
  const systemctl = options.systemctlBinary ?? 'systemctl';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const shown = await run(
    systemctl,
    ['--user', '--no-pager', 'show', '-p', 'UnitPath', '--value'],
    env,
    timeoutMs,
  );
  if (shown.missing) {
    return [
      {
        id: 'systemctl-missing',
        severity: 'error',
        scope: 'system',
        message: `systemctl was not found (PATH=${env.PATH ?? ''}). ServerMark runs workers as systemd user services: install systemd, or start ServerMark with systemctl on its PATH. Sites can still be added and listed.`,
      },
    ];
  }
  // Judged by whether systemctl got through (DBUS_SESSION_BUS_ADDRESS alone can be enough).
  if (shown.exitCode !== 0 || shown.timedOut) {
    return [
      {
        id: 'no-user-manager',
        severity: 'error',
        scope: 'system',
        message: env.XDG_RUNTIME_DIR
          ? `No systemd user manager answers at ${env.XDG_RUNTIME_DIR} (${shown.timedOut ? 'systemctl timed out' : `systemctl: ${firstLine(shown.stderr)}`}). Workers cannot start or be read. Check \`systemctl --user status\`, log in again, or enable lingering so a manager runs from boot.`
          : 'No systemd user manager: XDG_RUNTIME_DIR is not set, so `systemctl --user` has no manager to talk to and workers cannot start. Log in through a session that starts one (a desktop login, or ssh with pam_systemd), or enable lingering so one runs from boot.',
        fix: noManagerFix(env),
      },
    ];
  }
  const searched = parseStrvValue(shown.stdout.trim());
  for (const dir of searched) if (await sameDirectory(dir, unitDir)) return [];
  // The first entry is always <manager's XDG_CONFIG_HOME>/systemd/user.control.
  const managerConfig = /^(.*)\/systemd\/user\.control$/.exec(searched[0] ?? '')?.[1];
  const ours = env.XDG_CONFIG_HOME
    ? `XDG_CONFIG_HOME=${env.XDG_CONFIG_HOME}`
    : 'XDG_CONFIG_HOME unset';
  return [
    {
      id: 'unit-path-mismatch',
      severity: 'error',
      scope: 'system',
      message: managerConfig
        ? `ServerMark writes worker units to ${unitDir} (${ours}), but the systemd user manager reads them from ${managerConfig}/systemd/user (its XDG_CONFIG_HOME is ${managerConfig}), so it would never see them. Start ServerMark with the same XDG_CONFIG_HOME as the manager.`
        : `ServerMark writes worker units to ${unitDir} (${ours}), but the systemd user manager does not read that folder (it reads: ${searched.join(', ')}). Start ServerMark with the same XDG_CONFIG_HOME as the manager.`,
      ...(managerConfig
        ? {
            fix: {
              kind: 'command',
              command: `export XDG_CONFIG_HOME=${shellQuote(managerConfig)}`,
            },
          }
        : {}),
    },
  ];
}

/** Lingering keeps the user manager (and every worker) running after the last logout. */
async function checkLinger(options: SystemCheckOptions): Promise<PreflightCheck[]> {
  const user = currentUser(options.env);
  const command = `loginctl enable-linger ${shellQuote(user)}`;
  const fix = { kind: 'command' as const, command };
  const shown = await run(
    options.loginctlBinary ?? 'loginctl',
    ['--no-pager', 'show-user', user, '-p', 'Linger'],
    options.env,
    options.timeoutMs ?? 10_000,
  );
  const linger = /^Linger=(yes|no)$/m.exec(shown.stdout)?.[1];
  if (linger === 'yes') return [];
  if (linger === 'no') {
    return [
      {
        id: 'linger-off',
        severity: 'warning',
        scope: 'system',
        message: `Lingering is off for ${user}: when your last session ends, the systemd user manager stops, and every worker with it. Run \`${command}\` to keep workers running after you log out.`,
        fix,
      },
    ];
  }
  // Not an error: many machines (containers, no logind) cannot answer, and workers still run.
  const why = shown.missing
    ? 'loginctl is not installed'
    : shown.timedOut
      ? 'loginctl timed out'
      : `loginctl: ${firstLine(shown.stderr || shown.stdout)}`;
  return [
    {
      id: 'linger-unknown',
      severity: 'info',
      scope: 'system',
      message: `Whether lingering is on for ${user} is unknown (${why}). Without lingering, workers stop when you log out; \`${command}\` keeps them running.`,
      fix,
    },
  ];
}

/** Machine-wide checks: what every site's workers need from systemd. */
export async function checkSystem(options: SystemCheckOptions): Promise<PreflightCheck[]> {
  const [manager, linger] = await Promise.all([checkUserManager(options), checkLinger(options)]);
  return [...manager, ...linger];
}
