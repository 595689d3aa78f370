// A ServerMark killed in the middle of an operation leaves nothing the next one cannot repair;
// the CLI and the app never interleave operations on one site. Real CLI processes, a real user
// manager and a real Laravel app; kill points vary with FAULT_SEED.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { queueWorkProcessesIn } from '../testing/queueWorkProcesses';
import { startUserManager, type UserManager } from '../testing/userManager';
import { sleep, waitFor } from '../testing/waitFor';
import { siteLockFile } from '../core/operations/siteLock';
import { createServerMark, type ServerMark } from '../core/serverMark';
import type { SiteRecord } from '../core/sites/siteRecord';
import { renderSiteUnits } from '../core/units/siteUnits';

const BIN = fileURLToPath(new URL('../cli/bin/servermark.mjs', import.meta.url));
const SEED = Number(process.env.FAULT_SEED ?? 20261204);
const ITERATIONS = 8;

/** A small deterministic generator, so a failing kill point can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

let root: string;
let manager: UserManager;
let app: LaravelFixture;
let core: ServerMark;
let site: SiteRecord;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-killed-'));
  [manager, app] = await Promise.all([
    startUserManager(),
    createLaravelFixture(join(root, 'killed app')),
  ]);
  core = createServerMark({ env: manager.env });
  site = await core.addSite({ directory: app.path });
});

afterAll(async () => {
  await core?.removeSite(site.id).catch(() => undefined);
  core?.close();
  await manager?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

function cli(...args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: manager.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function ourFiles(): Promise<string[]> {
  const names = await readdir(manager.unitDir, { recursive: true }).catch(() => []);
  // Unit files and links only: temp files of interrupted writes are leftovers, counted apart.
  return names
    .map(String)
    .filter((name) => name.includes(`_${site.id}_`) && name.endsWith('.service'));
}

/** Temp files and lock files anywhere ServerMark writes. */
async function leftovers(): Promise<string[]> {
  const found: string[] = [];
  for (const dir of [core.paths.configDir, manager.unitDir]) {
    const names = await readdir(dir, { recursive: true }).catch(() => []);
    found.push(...names.map(String).filter((n) => /\.tmp$|\.lock$|\.takeover$/.test(n)));
  }
  return found;
}

/** What a finished start or stop must leave: running with its units, or stopped without. */
async function expectConsistent(): Promise<'running' | 'stopped'> {
  const state = await waitFor(
    'a settled state',
    async () => {
      const [status] = await core.status([site.id]);
      return status?.state === 'running' || status?.state === 'stopped' ? status.state : null;
    },
    { timeoutMs: 20_000 },
  );
  const processes = queueWorkProcessesIn(app.path);
  const files = await ourFiles();
  if (state === 'running') {
    expect(processes).toHaveLength(1);
    expect(files.length).toBeGreaterThan(0);
  } else {
    expect(processes).toEqual([]);
    expect(files).toEqual([]);
  }
  return state;
}

describe('an operation killed midway', () => {
  it(`SIGKILLed CLI starts and stops at ${ITERATIONS} points: the next start and stop work and leave nothing behind (seed ${SEED})`, async () => {
    const next = random(SEED);
    const lock = siteLockFile(core.paths.configDir, site.id);
    let killedHoldingLock = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const verb = i % 2 === 0 ? 'start' : 'stop';
      const child = cli('worker', verb, site.id);
      // Wait until it is inside the operation (holds the site lock), then kill it at a random
      // moment of it: before the unit write, between write and daemon-reload, during systemctl…
      const inside = await waitFor(
        'the CLI to take the site lock',
        () => existsSync(lock) || child.exitCode !== null,
        { timeoutMs: 20_000, intervalMs: 5 },
      ).then(() => existsSync(lock));
      // An operation takes ~100–300 ms once it holds the lock; stay well inside that window, so the
      // kill lands mid-operation on a fast idle machine (CI) as well as a loaded one.
      await sleep(Math.floor(next() * 80));
      if (inside && child.exitCode === null) killedHoldingLock++;
      child.kill('SIGKILL');
      await exited(child);

      // The next operation, by another process (the app), must just work: no BUSY, no error.
      const after = await core[verb === 'start' ? 'startWorkers' : 'stopWorkers'](site.id);
      expect(['running', 'starting', 'stopped']).toContain(after.state);
      expect(await expectConsistent()).toBe(verb === 'start' ? 'running' : 'stopped');
    }
    // Most kills must land inside an operation, or this test proves little.
    expect(killedHoldingLock).toBeGreaterThanOrEqual(ITERATIONS / 2);

    await core.startWorkers(site.id);
    expect(await expectConsistent()).toBe('running');
    const job = await app.dispatch();
    await app.waitForProcessed(job, 30_000);
    await core.stopWorkers(site.id);
    expect(await expectConsistent()).toBe('stopped');

    // What the kills left (temp files of interrupted writes) reconcile cleans; then nothing is left.
    const leftover = (await core.health.scan()).findings.find((f) => f.kind === 'leftover');
    if (leftover) await core.health.apply(leftover.id, 'clean');
    expect(await leftovers()).toEqual([]);
    expect((await core.health.scan()).findings).toEqual([]);
  }, 240_000);

  it('killed between writing the unit and daemon-reload, with a stale lock and a half-written temp file', async () => {
    // Exactly what such a kill leaves: the template and its enablement link on disk but never
    // loaded, the dead process's lock, and the temp file of a write it had begun.
    const { names, text } = renderSiteUnits(site, core.paths.logDir)[0]!;
    await writeFile(
      join(manager.unitDir, names.template),
      text.replace('RestartSec=1', 'RestartSec=9'),
    );
    const lock = siteLockFile(core.paths.configDir, site.id);
    await mkdir(join(core.paths.configDir, 'locks'), { recursive: true });
    const dead = spawn(process.execPath, ['-e', '']);
    await exited(dead);
    await writeFile(lock, String(dead.pid));
    await writeFile(join(manager.unitDir, `.${names.template}.0123456789ab.tmp`), '[Unit]\nDescr');

    // The app's reconcile at start sees all of it.
    const kinds = (await core.health.scan()).findings.map((f) => f.kind).sort();
    expect(kinds).toEqual(['drift', 'leftover']);

    // A plain start repairs it: takes over the lock, rewrites the unit, reloads, starts.
    await core.startWorkers(site.id);
    expect(await expectConsistent()).toBe('running');
    const shown = await manager.systemctl(['show', '-p', 'RestartUSec', names.instances[0]!]);
    expect(shown.stdout.trim()).toBe('RestartUSec=1s');
    await core.stopWorkers(site.id);
    expect(await expectConsistent()).toBe('stopped');
    const leftover = (await core.health.scan()).findings.find((f) => f.kind === 'leftover');
    expect(leftover).toBeDefined();
    await core.health.apply(leftover!.id, 'clean');
    expect(await leftovers()).toEqual([]);
  });

  it('the CLI and the app never interleave a start and a stop of one site', async () => {
    const { names } = renderSiteUnits(site, core.paths.logDir)[0]!;
    const template = join(manager.unitDir, names.template);
    for (let round = 0; round < 4; round++) {
      expect(await expectConsistent()).toBe('stopped');
      const child = cli('worker', 'start', site.id);
      // The app's stop arrives while the CLI's start is half done (its unit just written).
      await waitFor(
        'the CLI to write the unit',
        () => existsSync(template) || child.exitCode !== null,
        {
          timeoutMs: 20_000,
          intervalMs: 2,
        },
      );
      const [stopped, code] = await Promise.all([core.stopWorkers(site.id), exited(child)]);
      expect(code).toBe(0);
      // The stop waited for the whole start, then undid all of it: never a worker left running
      // without its unit files, or files without a worker.
      expect(stopped.state).toBe('stopped');
      expect(await expectConsistent()).toBe('stopped');
    }
  }, 120_000);
});
