// `servermark doctor`, spawned as users run it, against a real user manager and Laravel app.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';

const BIN = fileURLToPath(new URL('./bin/servermark.mjs', import.meta.url));

describe('servermark doctor against a real user manager', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-doctor-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'shop')),
    ]);
  });

  afterAll(async () => {
    await cli('sites', 'remove', 'shop');
    await manager?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  async function cli(...args: string[]) {
    const result = await execa(process.execPath, [BIN, ...args], {
      env: manager.env,
      reject: false,
      stdin: 'ignore',
      timeout: 60_000,
    });
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }

  it('exits 0 on a healthy machine, noting only what it cannot know', async () => {
    const result = await cli('doctor', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout);
    expect(report.checks.filter((c: { severity: string }) => c.severity === 'error')).toEqual([]);
    expect(report.reconcile.findings).toEqual([]);
  });

  it('finds a worker of the original ServerMark and migrates it with --fix-all', async () => {
    expect((await cli('sites', 'add', app.path)).code).toBe(0);
    const legacy = `servermark-queue-${app.path.slice(1).replace(/[/.]/g, '-')}.service`;
    await writeFile(
      join(manager.unitDir, legacy),
      `[Unit]\nDescription=Laravel Queue Worker - shop\n\n[Service]\nExecStart=/usr/bin/php8.2 ${app.path}/artisan queue:work --sleep=3 --tries=3 --max-time=3600\nWorkingDirectory=${app.path}\nRestart=always\n\n[Install]\nWantedBy=default.target\n`,
    );
    const found = await cli('doctor');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`[legacy:${legacy}]`);
    expect(found.stdout).toContain(`fix: servermark doctor --fix legacy:${legacy}   (migrate)`);

    const fixed = await cli('doctor', '--fix-all');
    expect(fixed).toMatchObject({ code: 0, stderr: '' });
    expect(fixed.stdout).toContain(`Replaced ${legacy} with ServerMark's units for shop`);
    expect(existsSync(join(manager.unitDir, legacy))).toBe(false);
    await waitFor('our worker', () => queueWorkProcessesIn(app.path).length === 1);
    expect((await cli('doctor', '--fix-all')).stdout).toBe('Nothing to fix.');
  });

  it('says the registry is corrupt (exit 1) and moves it aside only with --fix registry', async () => {
    const registry = join(manager.configHome, 'servermark', 'registry.json');
    const before = await readFile(registry, 'utf8');
    const broken = before.slice(0, before.length / 2);
    await writeFile(registry, broken);

    const report = await cli('doctor');
    expect(report.code).toBe(1);
    expect(report.stdout).toContain(`${registry} is not valid JSON`);
    expect(report.stdout).toContain('fix: servermark doctor --fix registry');
    expect((await cli('doctor', '--fix-all')).code).toBe(1);
    expect(await readFile(registry, 'utf8')).toBe(broken);

    const fixed = await cli('doctor', '--fix', 'registry', '--json');
    expect(fixed.code).toBe(0);
    const { recovered } = JSON.parse(fixed.stdout);
    expect(await readFile(recovered.movedTo, 'utf8')).toBe(broken);
    // Put the readable registry back for the cleanup, as a user would after repairing it.
    await writeFile(registry, before);
    expect((await cli('doctor')).code).toBe(0);
  });
});
