import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { createSystemctl, systemctlError } from './systemctl';

describe('systemctlError', () => {
  it.each([
    ['Failed to connect to bus: No medium found', 'NO_USER_MANAGER'],
    ['Failed to connect to bus: No such file or directory', 'NO_USER_MANAGER'],
    [
      'Failed to connect to user scope bus via local transport: $DBUS_SESSION_BUS_ADDRESS and $XDG_RUNTIME_DIR not defined',
      'NO_USER_MANAGER',
    ],
    [
      "Failed to start a@1.service: Unit a@1.service has a bad unit file setting.\nSee user logs and 'systemctl --user status a@1.service' for details.",
      'UNIT_LOAD_FAILED',
    ],
    [
      'Failed to restart a@1.service: Unit a@1.service is not loaded properly: Invalid argument.',
      'UNIT_LOAD_FAILED',
    ],
    [
      'Job for a@1.service failed because the control process exited with error code.',
      'UNIT_START_FAILED',
    ],
    [
      'Job for a@1.service failed because of unavailable resources or another system error.',
      'UNIT_START_FAILED',
    ],
    [
      'Job for a@1.service failed because start of the service was attempted too often.',
      'UNIT_START_FAILED',
    ],
    ['Failed to start a@1.service: Unit a@1.service not found.', 'SYSTEMD_FAILED'],
    ['', 'SYSTEMD_FAILED'],
  ])('%j → %s', (stderr, code) => {
    const error = systemctlError(['start', 'a@1.service'], stderr, 1);
    expect(error).toBeInstanceOf(ServerMarkError);
    expect(error.code).toBe(code);
    expect(error.detail).toBe(`systemctl start a@1.service (exit 1): ${stderr.trim()}`);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("keeps systemctl's own words for unknown failures", () => {
    expect(systemctlError(['daemon-reload'], '  Access denied\n').message).toBe(
      'systemctl failed: Access denied',
    );
    expect(systemctlError(['daemon-reload'], '').message).toBe('systemctl failed: no output');
  });
});

// A stand-in systemctl: records its argv (NUL-separated) and answers from files.
describe('createSystemctl', () => {
  let dir: string;
  let fake: string;
  const env = () => ({ PATH: '/usr/bin:/bin', FAKE_DIR: dir, ONLY_THIS: 'yes' });
  const calls = async () =>
    (await readFile(join(dir, 'argv'), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\u0000').slice(0, -1));
  const answer = async (stdout: string, stderr = '', exit = 0) => {
    await writeFile(join(dir, 'stdout'), stdout);
    await writeFile(join(dir, 'stderr'), stderr);
    await writeFile(join(dir, 'exit'), String(exit));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sm-systemctl-'));
    fake = join(dir, 'fake systemctl');
    await writeFile(
      fake,
      [
        '#!/bin/sh',
        'for a in "$@"; do printf "%s\\0" "$a"; done >> "$FAKE_DIR/argv"',
        'echo >> "$FAKE_DIR/argv"',
        'env > "$FAKE_DIR/env"',
        'cat "$FAKE_DIR/stdout"',
        'cat "$FAKE_DIR/stderr" >&2',
        'exit "$(cat "$FAKE_DIR/exit")"',
      ].join('\n'),
    );
    await chmod(fake, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes argv as an array (no shell), with --user and only the given environment', async () => {
    await rm(join(dir, 'argv'), { force: true });
    await answer('');
    const systemctl = createSystemctl({ env: env(), binary: fake });
    await systemctl.daemonReload();
    await systemctl.start(['a b@1.service', '$(touch x);@2.service']);
    await systemctl.enableNow(['u@1.service']);
    await systemctl.disableNow(['u@1.service']);
    await systemctl.resetFailed(['u@1.service']);
    await systemctl.stop([]);
    await systemctl.restart([]);
    expect(await calls()).toEqual([
      ['--user', '--no-pager', 'daemon-reload'],
      ['--user', '--no-pager', 'start', 'a b@1.service', '$(touch x);@2.service'],
      ['--user', '--no-pager', 'enable', '--now', 'u@1.service'],
      ['--user', '--no-pager', 'disable', '--now', 'u@1.service'],
      ['--user', '--no-pager', 'reset-failed', 'u@1.service'],
    ]);
    const seenEnv = await readFile(join(dir, 'env'), 'utf8');
    expect(seenEnv).toContain('ONLY_THIS=yes');
    expect(seenEnv).not.toContain('HOME=');
  });

  it('asks show for Id plus the properties after "--", and parses the blocks', async () => {
    await rm(join(dir, 'argv'), { force: true });
    await answer('ActiveState=active\nId=a@1.service\n\nId=a@2.service\nActiveState=failed\n');
    const systemctl = createSystemctl({ env: env(), binary: fake });
    const units = await systemctl.show(['a@1.service', 'a@2.service'], ['ActiveState', 'MainPID']);
    expect(await calls()).toEqual([
      [
        '--user',
        '--no-pager',
        'show',
        '--timestamp=unix',
        '--property=Id,ActiveState,MainPID',
        '--',
        'a@1.service',
        'a@2.service',
      ],
    ]);
    expect(units.get('a@2.service')?.ActiveState).toBe('failed');
    expect(await systemctl.show([], ['ActiveState'])).toEqual(new Map());
    expect(await calls()).toHaveLength(1);
  });

  it('lists units from JSON', async () => {
    await rm(join(dir, 'argv'), { force: true });
    const listed = [{ unit: 'a@1.service', load: 'loaded', active: 'active', sub: 'running' }];
    await answer(JSON.stringify(listed));
    const systemctl = createSystemctl({ env: env(), binary: fake });
    expect(await systemctl.listUnits(['servermark-queue-*'])).toEqual(listed);
    expect((await calls())[0]).toEqual([
      '--user',
      '--no-pager',
      'list-units',
      '--all',
      '--plain',
      '--output=json',
      '--',
      'servermark-queue-*',
    ]);
    await answer('');
    expect(await systemctl.listUnits(['x'])).toEqual([]);
  });

  it("turns a failing call into a ServerMarkError with systemctl's words", async () => {
    await answer('', 'Failed to connect to bus: No medium found\n', 1);
    const systemctl = createSystemctl({ env: env(), binary: fake });
    const error = await systemctl.daemonReload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerMarkError);
    expect(error).toMatchObject({
      code: 'NO_USER_MANAGER',
      detail: 'systemctl daemon-reload (exit 1): Failed to connect to bus: No medium found',
    });
  });

  it('says systemctl is missing when the binary does not exist', async () => {
    const systemctl = createSystemctl({ env: env(), binary: join(dir, 'nope') });
    await expect(systemctl.daemonReload()).rejects.toMatchObject({ code: 'SYSTEMCTL_MISSING' });
  });
});
