import { readFileSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from './hostilePath';
import { createLaravelFixture, type LaravelFixture } from './laravelFixture';
import { isProcessAlive } from './processTree';
import { escapeUnitPath, quoteExecArgument } from '../core/units/systemdSyntax';
import { startUserManager, type UserManager } from './userManager';
import { waitFor } from './waitFor';

describe('a real queue:work unit for a site in a hostile path', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-worker-test-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'sites', HOSTILE_DIR_NAME)),
    ]);
  });

  afterAll(async () => {
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  // Writes a worker unit the way docs/systemd.md says: quoted ExecStart, raw %-escaped paths.
  async function writeWorkerUnit(unit: string): Promise<{ argv: string[]; logFile: string }> {
    const logDir = join(manager.stateHome, 'logs', HOSTILE_DIR_NAME);
    const logFile = join(logDir, `${unit}.log`);
    await mkdir(logDir, { recursive: true });
    const argv = [app.php, join(app.path, 'artisan'), 'queue:work', '--sleep=1', '--tries=1'];
    await writeFile(
      join(manager.unitDir, unit),
      [
        '[Unit]',
        'Description=ServerMark harness fixture worker',
        'StartLimitIntervalSec=10s',
        'StartLimitBurst=5',
        '',
        '[Service]',
        'Type=exec',
        `WorkingDirectory=${escapeUnitPath(app.path, 'The app directory')}`,
        `ExecStart=${argv.map(quoteExecArgument).join(' ')}`,
        `StandardOutput=append:${escapeUnitPath(logFile, 'The log file')}`,
        `StandardError=append:${escapeUnitPath(logFile, 'The log file')}`,
        'Restart=always',
        '',
      ].join('\n'),
    );
    expect((await manager.systemctl(['daemon-reload'])).exitCode).toBe(0);
    return { argv, logFile };
  }

  it('processes a dispatched job and stops cleanly', async () => {
    const unit = 'harness-fixture-worker.service';
    const { argv, logFile } = await writeWorkerUnit(unit);
    const started = await manager.systemctl(['start', unit]);
    expect(started.stderr).toBe('');
    expect(started.exitCode).toBe(0);
    expect((await manager.systemctl(['is-active', unit])).stdout.trim()).toBe('active');

    // The worker got exactly our argv and directory: no quoting, $ or % mangled them.
    const pid = Number(
      (await manager.systemctl(['show', '-p', 'MainPID', '--value', unit])).stdout.trim(),
    );
    expect(pid).toBeGreaterThan(0);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1)).toEqual(argv);
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(app.path);

    const id = await app.dispatch();
    await app.waitForProcessed(id, 15_000).catch((error: Error) => {
      throw new Error(`${error.message}\nworker log:\n${readFileSync(logFile, 'utf8')}`);
    });
    await waitFor('the job to leave the queue', async () => (await app.pendingCount()) === 0);
    expect(await app.failedCount()).toBe(0);
    expect(readFileSync(logFile, 'utf8')).toContain('Processed:  App\\Jobs\\FixtureJob');

    expect((await manager.systemctl(['stop', unit])).exitCode).toBe(0);
    expect((await manager.systemctl(['is-active', unit])).stdout.trim()).toBe('inactive');
    expect(isProcessAlive(pid)).toBe(false);
  });

  it('a broken artisan crash-loops until the start limit, then recovers when fixed', async () => {
    const unit = 'harness-broken-worker.service';
    await writeWorkerUnit(unit);
    await app.breakArtisan();
    await manager.systemctl(['start', unit]);
    const show = async (): Promise<string> =>
      (await manager.systemctl(['show', '-p', 'ActiveState,Result,NRestarts', unit])).stdout;
    // systemd 252 keeps Result=exit-code here (start-limit-hit does not overwrite an earlier failure).
    await waitFor('the crash-looping worker to give up', async () =>
      (await show()).includes('ActiveState=failed'),
    );
    expect(await show()).toContain('NRestarts=5');

    await app.fixArtisan();
    expect((await manager.systemctl(['reset-failed', unit])).exitCode).toBe(0);
    expect((await manager.systemctl(['start', unit])).exitCode).toBe(0);
    const id = await app.dispatch();
    await app.waitForProcessed(id, 15_000);
    expect((await manager.systemctl(['is-active', unit])).stdout.trim()).toBe('active');
  });

  it('stop() leaves no process of the manager behind', async () => {
    const everything = manager.pids();
    expect(everything.length).toBeGreaterThan(1);
    await manager.stop();
    for (const leftover of everything) expect(isProcessAlive(leftover)).toBe(false);
    expect(manager.pids()).toEqual([]);
  });
});
