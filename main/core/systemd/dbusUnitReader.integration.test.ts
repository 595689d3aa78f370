import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../../testing/laravelFixture';
import { restartUserManager, startUserManager, type UserManager } from '../../testing/userManager';
import { waitFor } from '../../testing/waitFor';
import { createServerMark } from '../serverMark';
import { UNIT_STATE_PROPERTIES } from '../workers/workerState';
import { createPreferredUnitReader } from './preferredUnitReader';
import { createSystemctl } from './systemctl';
import { systemctlUnitStateReader, type UnitSnapshot } from './unitStateReader';

// Units named like ours, each held in one state systemd can be in; enabled, so a stopped one
// stays loaded as our stopped workers do.
const UNITS: Record<string, string> = {
  running: 'ExecStart=/bin/sleep infinity',
  stopped: 'ExecStart=/bin/sleep infinity',
  failed: 'ExecStart=/bin/sh -c "exit 3"',
  killed: 'ExecStart=/bin/sh -c "kill -9 $$$$"',
  'auto-restart': 'ExecStart=/bin/sh -c "exit 12"\nRestart=always\nRestartSec=60',
  'crash-loop': 'ExecStart=/bin/false\nRestart=always\nRestartSec=0',
};
const unitName = (state: string) => `servermark-queue-${state}_ab12cd34_default@1.service`;
const PATTERN = ['servermark-queue-*'];

function comparable(snapshot: UnitSnapshot) {
  return {
    listed: snapshot.listed
      .map(({ unit, load, active, sub }) => ({ unit, load, active, sub }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    properties: Object.fromEntries([...snapshot.properties].sort(([a], [b]) => a.localeCompare(b))),
  };
}

describe('reading unit state over D-Bus gives what systemctl gives', () => {
  let manager: UserManager;
  let root: string;

  beforeAll(async () => {
    manager = await startUserManager();
    root = await mkdtemp(join(tmpdir(), 'servermark-dbus-reader-'));
    const wants = join(manager.unitDir, 'default.target.wants');
    await mkdir(wants, { recursive: true });
    for (const [state, exec] of Object.entries(UNITS)) {
      const template = unitName(state).replace('@1', '@');
      await writeFile(
        join(manager.unitDir, template),
        `[Unit]\nStartLimitIntervalSec=30\nStartLimitBurst=3\n[Service]\nType=exec\n${exec}\n[Install]\nWantedBy=default.target\n`,
      );
      await symlink(join(manager.unitDir, template), join(wants, unitName(state)));
    }
    await manager.systemctl(['daemon-reload']);
    await manager.systemctl(['start', ...Object.keys(UNITS).map(unitName)]);
    await manager.systemctl(['stop', unitName('stopped')]);
    const expected: Record<string, string> = {
      running: 'active/running',
      stopped: 'inactive/dead',
      failed: 'failed/failed',
      killed: 'failed/failed',
      'auto-restart': 'activating/auto-restart',
      'crash-loop': 'failed/failed',
    };
    await waitFor('every test unit in its state', async () => {
      const { stdout } = await manager.systemctl([
        'show',
        '-p',
        'Id,ActiveState,SubState',
        ...Object.keys(UNITS).map(unitName),
      ]);
      return Object.entries(expected).every(([state, want]) => {
        const block = stdout.split('\n\n').find((b) => b.includes(`Id=${unitName(state)}`));
        return block?.includes(`ActiveState=${want.split('/')[0]}\nSubState=${want.split('/')[1]}`);
      });
    });
  });

  afterAll(async () => {
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  const pickAll = (listed: { unit: string }[]) => listed.map((u) => u.unit);

  it('the same listing and the same properties, state for state', async () => {
    const slow = systemctlUnitStateReader(createSystemctl({ env: manager.env }));
    const fast = createPreferredUnitReader({
      env: manager.env,
      systemctl: createSystemctl({ env: manager.env }),
    });
    try {
      const viaDbus = await fast.read(PATTERN, pickAll, UNIT_STATE_PROPERTIES);
      expect(fast.source).toBe('dbus');
      const viaSystemctl = await slow.read(PATTERN, pickAll, UNIT_STATE_PROPERTIES);
      expect(comparable(viaDbus)).toEqual(comparable(viaSystemctl));
      // The comparison is only worth something if the states really differ.
      const props = (state: string) => viaDbus.properties.get(unitName(state))!;
      expect(props('running')).toMatchObject({ ActiveState: 'active', SubState: 'running' });
      expect(props('running').MainPID).not.toBe('0');
      expect(props('running').ActiveEnterTimestamp).toMatch(/^@\d+$/);
      expect(props('stopped')).toMatchObject({ ActiveState: 'inactive', MainPID: '0' });
      expect(props('failed')).toMatchObject({ Result: 'exit-code', ExecMainStatus: '3' });
      expect(props('killed')).toMatchObject({ Result: 'signal', ExecMainCode: '2' });
      expect(props('auto-restart')).toMatchObject({
        SubState: 'auto-restart',
        ExecMainStatus: '12',
      });
      // systemd 252 keeps Result=exit-code when it gives up; the restarts tell the crash loop.
      expect(props('crash-loop')).toMatchObject({ ActiveState: 'failed', Result: 'exit-code' });
      expect(Number(props('crash-loop').NRestarts)).toBeGreaterThanOrEqual(2);
    } finally {
      fast.close();
    }
  });

  it('reads units that are not loaded the way systemctl does', async () => {
    const missing = unitName('never-written');
    const slow = systemctlUnitStateReader(createSystemctl({ env: manager.env }));
    const fast = createPreferredUnitReader({
      env: manager.env,
      systemctl: createSystemctl({ env: manager.env }),
    });
    try {
      const viaDbus = await fast.read(PATTERN, () => [missing], UNIT_STATE_PROPERTIES);
      const viaSystemctl = await slow.read(PATTERN, () => [missing], UNIT_STATE_PROPERTIES);
      expect(fast.source).toBe('dbus');
      expect(viaDbus.properties.get(missing)).toEqual(viaSystemctl.properties.get(missing));
      expect(viaDbus.properties.get(missing)).toMatchObject({
        LoadState: 'not-found',
        ActiveEnterTimestamp: '',
      });
    } finally {
      fast.close();
    }
  });

  it('answers through systemctl when D-Bus cannot be reached, and tries D-Bus again later', async () => {
    let attempts = 0;
    const reader = createPreferredUnitReader({
      env: manager.env,
      systemctl: createSystemctl({ env: manager.env }),
      retryMs: 0,
      connect: async () => {
        attempts++;
        throw new Error('no bus here');
      },
    });
    const snapshot = await reader.read(PATTERN, pickAll, UNIT_STATE_PROPERTIES);
    expect(reader.source).toBe('systemctl');
    expect(snapshot.properties.get(unitName('running'))?.ActiveState).toBe('active');
    await reader.listUnits(PATTERN);
    expect(attempts).toBe(2);
    reader.close();
  });

  it('reconnects after the user manager restarts', async () => {
    const reader = createPreferredUnitReader({
      env: manager.env,
      systemctl: createSystemctl({ env: manager.env }),
      retryMs: 0,
    });
    try {
      await reader.listUnits(PATTERN);
      expect(reader.source).toBe('dbus');
      await restartUserManager(manager);
      await waitFor('a D-Bus read from the new manager', async () => {
        const listed = await reader.listUnits(PATTERN);
        return reader.source === 'dbus' && listed.some((u) => u.unit === unitName('running'));
      });
    } finally {
      reader.close();
    }
  });

  describe('through the core, with a real Laravel worker', () => {
    let app: LaravelFixture;
    let broken: LaravelFixture;

    beforeAll(async () => {
      [app, broken] = await Promise.all([
        createLaravelFixture(join(root, 'shop')),
        createLaravelFixture(join(root, 'broken')),
      ]);
    });

    it('status() is the same whichever way it reads', async () => {
      const env = manager.env;
      const core = createServerMark({ env });
      const viaSystemctl = createServerMark({
        env,
        unitReader: systemctlUnitStateReader(createSystemctl({ env })),
      });
      try {
        await core.addSite({ directory: app.path });
        await core.addSite({ directory: broken.path });
        await broken.breakArtisan();
        await core.startWorkers('shop');
        await core.startWorkers('broken').catch(() => undefined);
        await waitFor(
          'shop running and broken in a crash loop',
          async () => {
            const statuses = await core.status();
            const shop = statuses.find((s) => s.name === 'shop');
            const crashed = statuses.find((s) => s.name === 'broken');
            return shop?.state === 'running' && crashed?.reason?.code === 'crash-loop';
          },
          { timeoutMs: 30_000, intervalMs: 200 },
        );
        const withoutReadAt = (statuses: unknown) =>
          JSON.parse(JSON.stringify(statuses, (k, v: unknown) => (k === 'readAt' ? undefined : v)));
        const [fast, slow] = [await core.status(), await viaSystemctl.status()];
        expect(withoutReadAt(fast)).toEqual(withoutReadAt(slow));
        expect(fast.find((s) => s.name === 'shop')?.workers[0]?.units[0]?.pid).toBeGreaterThan(0);
      } finally {
        for (const site of await core.listSites()) await core.removeSite(site.id);
        core.close();
        viaSystemctl.close();
      }
    });
  });
});
