// Preflight against a real user manager: what it says on a healthy machine, when ServerMark and
// the manager disagree on XDG_CONFIG_HOME, without a manager, and with a corrupt registry.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { startUserManager, type UserManager } from '../../testing/userManager';
import { createServerMark } from '../serverMark';

describe('preflight against a real user manager', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-preflight-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'shop')),
    ]);
  });

  afterAll(async () => {
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('finds no error on a working machine with a working site', async () => {
    const core = createServerMark({ env: manager.env });
    const site = await core.addSite({ directory: app.path });
    try {
      const { checks } = await core.health.preflight();
      // Lingering cannot be read here (no logind): that is a note, never an error.
      expect(checks.filter((c) => c.severity !== 'info')).toEqual([]);
      expect(checks.map((c) => c.id)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^linger-(unknown|off)$/)]),
      );
      expect(checks.filter((c) => c.scope === site.id)).toEqual([]);
    } finally {
      await core.removeSite(site.id);
    }
  });

  it('says when the manager reads units from another folder than ServerMark writes to', async () => {
    const otherConfig = await mkdtemp(join(root, 'other config '));
    const core = createServerMark({ env: { ...manager.env, XDG_CONFIG_HOME: otherConfig } });
    const { checks } = await core.health.preflight();
    const mismatch = checks.find((c) => c.id === 'unit-path-mismatch');
    expect(mismatch).toMatchObject({
      severity: 'error',
      scope: 'system',
      fix: { kind: 'command', command: `export XDG_CONFIG_HOME=${manager.configHome}` },
    });
    expect(mismatch!.message).toContain(join(otherConfig, 'systemd', 'user'));
    expect(mismatch!.message).toContain(`its XDG_CONFIG_HOME is ${manager.configHome}`);
    // With the same XDG_CONFIG_HOME as the manager, no mismatch.
    const same = await createServerMark({ env: manager.env }).health.preflight();
    expect(same.checks.map((c) => c.id)).not.toContain('unit-path-mismatch');
  });

  it('without a user manager: says so, and sites can still be added and listed', async () => {
    const env = { ...manager.env, XDG_RUNTIME_DIR: undefined, DBUS_SESSION_BUS_ADDRESS: undefined };
    const core = createServerMark({ env });
    const { checks } = await core.health.preflight();
    expect(checks[0]).toMatchObject({ id: 'no-user-manager', severity: 'error' });
    const site = await core.addSite({ directory: app.path });
    expect((await core.listSites()).map((s) => s.id)).toEqual([site.id]);
    // What needs systemd fails with a sentence, not a stack.
    await expect(core.startWorkers(site.id)).rejects.toMatchObject({ code: 'NO_USER_MANAGER' });
    await createServerMark({ env: manager.env }).removeSite(site.id);
  });

  it('finds a manager reachable through DBUS_SESSION_BUS_ADDRESS alone', async () => {
    const env = { ...manager.env, XDG_RUNTIME_DIR: undefined };
    const { checks } = await createServerMark({ env }).health.preflight();
    expect(checks.map((c) => c.id)).not.toContain('no-user-manager');
  });

  it('reports a corrupt registry with the action that recovers it, and still checks the machine', async () => {
    const core = createServerMark({ env: manager.env });
    await writeFile(core.registry.file, '{"version": 1, "sites": [');
    try {
      const { checks } = await core.health.preflight();
      expect(checks[0]).toEqual({
        id: 'registry-corrupt',
        severity: 'error',
        scope: 'system',
        message: expect.stringContaining(`${core.registry.file} is not valid JSON`),
        fix: { kind: 'action', action: 'registry:recover', label: 'Move aside and start empty' },
      });
      expect(checks.map((c) => c.id)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^linger-/)]),
      );
    } finally {
      await rm(core.registry.file);
    }
  });
});
