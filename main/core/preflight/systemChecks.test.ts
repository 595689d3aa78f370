import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSystem } from './systemChecks';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sm-systemchecks-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A stand-in loginctl: lingering is a logind fact these machines have no logind to ask. */
async function loginctl(script: string): Promise<string> {
  const file = join(root, `loginctl-${Math.random().toString(36).slice(2)}`);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

const base = { unitDir: '/nonexistent/systemd/user' };
const env = (extra: NodeJS.ProcessEnv) => ({ PATH: process.env.PATH, USER: 'dev', ...extra });

describe('machine-wide preflight', () => {
  it('says systemctl is missing when it is not on PATH', async () => {
    const checks = await checkSystem({ ...base, env: env({ PATH: root }) });
    expect(checks.map((c) => c.id)).toEqual(['systemctl-missing', 'linger-unknown']);
    expect(checks[0]).toMatchObject({ severity: 'error', scope: 'system' });
    expect(checks[0]!.message).toContain('Sites can still be added and listed');
    expect(checks[1]!.message).toContain('loginctl is not installed');
  });

  it('says there is no user manager without XDG_RUNTIME_DIR, with a fix', async () => {
    const checks = await checkSystem({
      ...base,
      env: env({}),
      loginctlBinary: await loginctl('echo Linger=yes'),
    });
    expect(checks).toEqual([
      expect.objectContaining({
        id: 'no-user-manager',
        severity: 'error',
        message: expect.stringContaining('XDG_RUNTIME_DIR is not set'),
        fix: {
          kind: 'command',
          command: expect.stringMatching(/^(export XDG_RUNTIME_DIR=|loginctl enable-linger dev$)/),
        },
      }),
    ]);
  });

  it("quotes systemctl's own words when no manager answers", async () => {
    const empty = await mkdtemp(join(root, 'run-'));
    const checks = await checkSystem({
      ...base,
      env: env({ XDG_RUNTIME_DIR: empty }),
      loginctlBinary: await loginctl('echo Linger=yes'),
    });
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ id: 'no-user-manager', severity: 'error' });
    expect(checks[0]!.message).toMatch(
      /No systemd user manager answers at .*\(systemctl: Failed to connect to bus/,
    );
  });

  it('warns that lingering is off, with the exact command', async () => {
    const checks = await checkSystem({
      ...base,
      env: env({ PATH: root }),
      loginctlBinary: await loginctl('echo Linger=no'),
    });
    expect(checks[1]).toEqual({
      id: 'linger-off',
      severity: 'warning',
      scope: 'system',
      message: expect.stringContaining('Run `loginctl enable-linger dev` to keep workers running'),
      fix: { kind: 'command', command: 'loginctl enable-linger dev' },
    });
  });

  it('reports lingering as unknown, not as an error, when loginctl cannot answer', async () => {
    const checks = await checkSystem({
      ...base,
      env: env({ PATH: root }),
      loginctlBinary: await loginctl(
        'echo "Failed to connect to bus: No such file or directory" >&2; exit 1',
      ),
    });
    expect(checks[1]).toMatchObject({
      id: 'linger-unknown',
      severity: 'info',
      message: expect.stringContaining(
        '(loginctl: Failed to connect to bus: No such file or directory)',
      ),
      fix: { kind: 'command', command: 'loginctl enable-linger dev' },
    });
  });

  it('quotes a user name the shell would misread in the suggested command', async () => {
    const checks = await checkSystem({
      ...base,
      env: env({ PATH: root, USER: "o'brien x" }),
      loginctlBinary: await loginctl('echo Linger=no'),
    });
    expect(checks[1]!.fix).toEqual({
      kind: 'command',
      command: `loginctl enable-linger 'o'\\''brien x'`,
    });
  });
});
