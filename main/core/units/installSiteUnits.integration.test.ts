import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { startUserManager, type UserManager } from '../../testing/userManager';
import { createServerMark, type ServerMark } from '../serverMark';

describe('startAll reloads systemd only when the unit files on disk say something new', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let core: ServerMark;
  let unit: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-install-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'shop')),
    ]);
    core = createServerMark({ env: manager.env });
    await core.addSite({ directory: app.path });
    const outcome = await core.startAll();
    expect(outcome.statuses[0]?.state).toBe('running');
    unit = outcome.statuses[0]!.units[0]!;
  });

  afterAll(async () => {
    core?.close();
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  // systemd stamps every (re)load of unit files; an unchanged stamp means no daemon-reload ran.
  const lastLoad = async () =>
    (await manager.systemctl(['show', '-p', 'UnitsLoadTimestampMonotonic'])).stdout.trim();
  const stopByHand = async () => expect((await manager.systemctl(['stop', unit])).exitCode).toBe(0);

  it('starts without a reload when nothing changed since systemd loaded the units', async () => {
    await stopByHand();
    const before = await lastLoad();
    const outcome = await core.startAll();
    expect(outcome.statuses[0]?.state).toBe('running');
    expect(await lastLoad()).toBe(before);
  });

  it('reloads when a unit file was touched since systemd loaded it, even with the same text', async () => {
    await stopByHand();
    const template = unit.replace(/@\d+\.service$/, '@.service');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(manager.unitDir, template), later, later);
    expect((await manager.systemctl(['show', '-p', 'NeedDaemonReload', unit])).stdout).toContain(
      'yes',
    );
    const before = await lastLoad();
    const outcome = await core.startAll();
    expect(outcome.statuses[0]?.state).toBe('running');
    expect(await lastLoad()).not.toBe(before);
    expect((await manager.systemctl(['show', '-p', 'NeedDaemonReload', unit])).stdout).toContain(
      'no',
    );
  });

  it('reloads after stopAll, which uninstalled the units', async () => {
    await core.stopAll();
    const before = await lastLoad();
    const outcome = await core.startAll();
    expect(outcome.statuses[0]?.state).toBe('running');
    expect(await lastLoad()).not.toBe(before);
  });
});
