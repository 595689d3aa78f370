import { describe, expect, it } from 'vitest';
import { ServerMarkError } from '../../core/errors/serverMarkError';
import type { Finding } from '../../core/reconcile/finding';
import { runCli } from '../testKit/captureIo';
import { createFakeCore, fakeSite } from '../testKit/fakeCore';

const shop = fakeSite();

const orphan: Finding = {
  id: 'orphan:abcd1234',
  kind: 'orphan',
  severity: 'warning',
  siteId: 'abcd1234',
  title: 'Worker units of a site that is no longer registered (abcd1234)',
  message: '2 unit file(s) belong to site id abcd1234; 1 of them running. Remove stops them.',
  units: ['servermark-queue-x_abcd1234_default@1.service'],
  actions: ['remove'],
};
const legacy: Finding = {
  id: 'legacy:servermark-queue-srv-shop.service',
  kind: 'legacy',
  severity: 'warning',
  siteId: shop.id,
  title: 'Worker of shop made by the original ServerMark',
  message: 'It was written by the original ServerMark.',
  units: ['servermark-queue-srv-shop.service'],
  actions: ['migrate', 'remove'],
};

function coreWith(setup: (core: ReturnType<typeof createFakeCore>) => void = () => undefined) {
  const core = createFakeCore([shop]);
  setup(core);
  return core;
}

describe('servermark doctor', () => {
  it('reports all clear with exit 0', async () => {
    const result = await runCli(['doctor'], { core: coreWith() });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('System\n  ok\nUnits and imports\n  ok\nNo problems found.\n');
  });

  it('lists each problem with its fix, per site by name, and exits 1 on an error', async () => {
    const core = coreWith((c) => {
      c.health.checks = [
        {
          id: 'linger-off',
          severity: 'warning',
          scope: 'system',
          message: 'Lingering is off for dev.',
          fix: { kind: 'command', command: 'loginctl enable-linger dev' },
        },
        {
          id: `php-missing:${shop.id}`,
          severity: 'error',
          scope: shop.id,
          message: 'The PHP binary /usr/bin/php8.2 of shop no longer exists.',
        },
      ];
      c.health.findings = [orphan, legacy];
    });
    const result = await runCli(['doctor'], { core });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  warn   Lingering is off for dev.\n         fix: loginctl enable-linger dev\n',
    );
    expect(result.stdout).toContain(
      `Site shop (${shop.id})\n  error  The PHP binary /usr/bin/php8.2`,
    );
    expect(result.stdout).toContain(`fix: servermark doctor --fix ${orphan.id}   (remove)`);
    expect(result.stdout).toContain(`fix: servermark doctor --fix ${legacy.id}   (migrate)`);
    expect(result.stdout).toContain(`or:  servermark doctor --fix ${legacy.id} --action remove`);
    expect(result.stdout).toMatch(
      /1 error\(s\), 3 warning\(s\)\. Fix all findings with: servermark doctor --fix-all\n$/,
    );
  });

  it('offers the registry recovery and still checks the machine when the registry is corrupt', async () => {
    const core = coreWith((c) => {
      c.health.checks = [
        {
          id: 'registry-corrupt',
          severity: 'error',
          scope: 'system',
          message: 'The site registry /cfg/registry.json is not valid JSON.',
          fix: { kind: 'action', action: 'registry:recover', label: 'Move aside and start empty' },
        },
      ];
      c.health.scanError = new ServerMarkError(
        'REGISTRY_CORRUPT',
        'The site registry is not valid JSON.',
      );
      c.failWith = new ServerMarkError('REGISTRY_CORRUPT', 'The site registry is not valid JSON.');
    });
    const result = await runCli(['doctor'], { core });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'fix: servermark doctor --fix registry   (Move aside and start empty)',
    );
    expect(result.stdout).toContain(
      'Units and imports\n  error  The site registry is not valid JSON.',
    );
  });

  it('prints JSON with --json', async () => {
    const core = coreWith((c) => (c.health.findings = [orphan]));
    const result = await runCli(['doctor', '--json'], { core });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      checks: [],
      ranAt: '2026-12-04T12:00:00.000Z',
      reconcile: expect.objectContaining({ findings: [orphan] }),
    });
  });

  it('--fix applies the recommended action, or the one asked for', async () => {
    const core = coreWith((c) => (c.health.findings = [orphan, legacy]));
    const first = await runCli(['doctor', '--fix', legacy.id], { core });
    expect(first).toMatchObject({ code: 0, stdout: `Did migrate on ${legacy.id}.\n`, stderr: '' });
    core.health.findings = [legacy];
    const second = await runCli(['doctor', '--fix', legacy.id, '--action', 'remove', '--json'], {
      core,
    });
    expect(JSON.parse(second.stdout)).toEqual({
      fixed: { findingId: legacy.id, action: 'remove', message: `Did remove on ${legacy.id}.` },
    });
  });

  it('--fix of a finding that is gone fails with exit 1 and says so', async () => {
    const result = await runCli(['doctor', '--fix', 'orphan:zzzz9999'], { core: coreWith() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing to fix for orphan:zzzz9999');
  });

  it('--fix registry moves the registry aside only on that explicit request', async () => {
    const core = coreWith();
    const result = await runCli(['doctor', '--fix', 'registry'], { core });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Moved the unreadable site registry aside to /cfg/registry.json.corrupt-',
    );
    expect(core.health.calls).toEqual(['recoverRegistry']);
    await runCli(['doctor'], { core });
    await runCli(['doctor', '--fix-all'], { core });
    expect(core.health.calls.filter((c) => c === 'recoverRegistry')).toHaveLength(1);
  });

  it('--fix-all applies every recommended fix and exits 1 if one failed', async () => {
    const core = coreWith(
      (c) => (c.health.findings = [orphan, { ...legacy, actions: [] as never }]),
    );
    const result = await runCli(['doctor', '--fix-all'], { core });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`Did remove on ${orphan.id}.\n`);
    expect(result.stderr).toContain(`${legacy.id}: `);
  });

  it.each([
    [['doctor', '--fix', 'x', '--fix-all'], 'use either --fix ID or --fix-all'],
    [['doctor', '--action', 'remove'], '--action goes with --fix ID'],
    [['doctor', '--fix', 'x', '--action', 'explode'], 'unknown action "explode"'],
    [['doctor', '--fix='], '--fix needs a finding id'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await runCli(argv, { core: coreWith() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`servermark: ${message}`);
    expect(result.stderr).toContain('Usage: servermark doctor');
  });

  it('is a one-word command: extra words are refused, help works', async () => {
    const extra = await runCli(['doctor', 'now'], { core: coreWith() });
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "now"');
    const help = await runCli(['doctor', '--help']);
    expect(help.stdout).toMatch(/^Usage: servermark doctor \[--fix ID/);
    expect((await runCli(['help', 'doctor'])).stdout).toBe(help.stdout);
    expect((await runCli(['--help'])).stdout).toContain('  doctor [--fix ID');
  });
});
