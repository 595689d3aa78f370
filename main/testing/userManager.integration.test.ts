import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from './processTree';
import { restartUserManager, startUserManager, type UserManager } from './userManager';
import { waitFor } from './waitFor';

const started: UserManager[] = [];

async function start(): Promise<UserManager> {
  const manager = await startUserManager();
  started.push(manager);
  return manager;
}

async function writeSleepUnit(manager: UserManager, name: string): Promise<void> {
  const unit = [
    '[Unit]',
    'Description=harness test unit',
    '',
    '[Service]',
    'ExecStart=/bin/sleep 600',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ];
  await writeFile(join(manager.unitDir, name), unit.join('\n'));
}

async function mainPid(manager: UserManager, unit: string): Promise<number> {
  const result = await manager.systemctl(['show', '-p', 'MainPID', '--value', unit]);
  return Number(result.stdout.trim());
}

async function activeState(manager: UserManager, unit: string): Promise<string> {
  return (await manager.systemctl(['is-active', unit])).stdout.trim();
}

afterEach(async () => {
  // Stop whatever a failed test left running; stop() is idempotent.
  await Promise.all(started.splice(0).map((manager) => manager.stop()));
});

describe('startUserManager', () => {
  it('runs a unit from $XDG_CONFIG_HOME and leaves no process behind', async () => {
    const manager = await start();
    expect(manager.env.XDG_RUNTIME_DIR).toBe(manager.runtimeDir);
    expect(manager.env.XDG_CONFIG_HOME).toBe(manager.configHome);
    expect(manager.env.XDG_STATE_HOME).toBe(manager.stateHome);
    expect(manager.env.XDG_DATA_HOME).toBe(manager.dataHome);
    expect(manager.env.DBUS_SESSION_BUS_ADDRESS).toBe(`unix:path=${manager.runtimeDir}/bus`);
    expect(manager.unitDir).toBe(join(manager.configHome, 'systemd', 'user'));
    expect(existsSync(join(manager.runtimeDir, 'systemd', 'private'))).toBe(true);
    expect(existsSync(join(manager.runtimeDir, 'bus'))).toBe(true);
    expect(manager.isolated).toBe(true);

    await writeSleepUnit(manager, 'harness-sleep.service');
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);
    const startResult = await manager.systemctl(['start', 'harness-sleep.service']);
    expect(startResult.stderr).toBe('');
    expect(startResult.exitCode).toBe(0);
    expect(await activeState(manager, 'harness-sleep.service')).toBe('active');

    const servicePid = await mainPid(manager, 'harness-sleep.service');
    expect(servicePid).toBeGreaterThan(0);
    const pids = manager.pids();
    expect(pids).toContain(manager.pid);
    expect(pids).toContain(servicePid);

    await manager.stop();
    await manager.stop();
    for (const pid of pids) expect(isProcessAlive(pid), `pid ${pid} still alive`).toBe(false);
    expect(manager.pids()).toEqual([]);
    expect(existsSync(manager.runtimeDir)).toBe(false);
    expect(existsSync(manager.configHome)).toBe(false);
  });

  it('keeps same-named units of two managers apart', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    for (const manager of [first, second]) {
      await writeSleepUnit(manager, 'harness-twin.service');
      await manager.systemctl(['daemon-reload']);
      expect((await manager.systemctl(['start', 'harness-twin.service'])).exitCode).toBe(0);
    }
    const secondPid = await mainPid(second, 'harness-twin.service');

    expect((await first.systemctl(['stop', 'harness-twin.service'])).exitCode).toBe(0);
    expect(await activeState(first, 'harness-twin.service')).toBe('inactive');
    expect(await activeState(second, 'harness-twin.service')).toBe('active');
    expect(isProcessAlive(secondPid)).toBe(true);
  });

  it('restartUserManager restarts cleanly or after a crash, and stop() still cleans up', async () => {
    const manager = await start();
    await writeSleepUnit(manager, 'harness-enabled.service');
    await manager.systemctl(['daemon-reload']);
    expect((await manager.systemctl(['enable', '--now', 'harness-enabled.service'])).exitCode).toBe(
      0,
    );
    const firstManager = manager.pid;
    const firstService = await mainPid(manager, 'harness-enabled.service');

    await restartUserManager(manager);
    expect(manager.pid).not.toBe(firstManager);
    expect(isProcessAlive(firstManager)).toBe(false);
    // A clean exit stops the units; the new manager starts enabled ones again.
    expect(isProcessAlive(firstService)).toBe(false);
    await waitFor(
      'the enabled unit to come back',
      async () => (await activeState(manager, 'harness-enabled.service')) === 'active',
    );
    const secondService = await mainPid(manager, 'harness-enabled.service');
    expect(secondService).not.toBe(firstService);

    await restartUserManager(manager, { crash: true });
    // After a crash the old service keeps running unmanaged, as it would for real.
    expect(isProcessAlive(secondService)).toBe(true);
    expect(manager.pids()).toContain(secondService);

    const everything = manager.pids();
    await manager.stop();
    for (const pid of everything) expect(isProcessAlive(pid), `pid ${pid} still alive`).toBe(false);
  });
});
