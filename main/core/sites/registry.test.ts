import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServerMarkError } from '../errors/serverMarkError';
import { xdgPaths } from '../paths/xdgPaths';
import { openRegistry } from './registry';
import { defaultWorkers, type SiteRecord } from './siteRecord';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const REGISTRY_MODULE = fileURLToPath(new URL('./registry.ts', import.meta.url));

function site(id: string, name = id): SiteRecord {
  return {
    id,
    name,
    path: `/srv/${name}`,
    php: '/usr/bin/php',
    laravelVersion: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    workers: defaultWorkers(),
  };
}

// Each child adds `count` sites through update(), as a second ServerMark process (CLI vs app) would.
const CHILD_SCRIPT = `
import { openRegistry } from ${JSON.stringify(REGISTRY_MODULE)};
const [dir, tag, count] = process.argv.slice(2);
const registry = openRegistry(dir);
for (let i = 0; i < Number(count); i++) {
  await registry.update((file) => {
    file.sites.push({ id: tag + String(i).padStart(7, '0'), name: tag + i, path: '/srv/' + tag + i,
      php: '/usr/bin/php', laravelVersion: null, addedAt: new Date().toISOString(),
      workers: [{ name: 'default', options: {} }] });
  });
}
`;

function runChild(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`)),
    );
  });
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

let xdg: string;
let configDir: string;

beforeEach(async () => {
  xdg = await mkdtemp(join(tmpdir(), 'sm registry $HOME %h '));
  configDir = xdgPaths({ XDG_CONFIG_HOME: xdg, HOME: '/nonexistent' }).configDir;
});
afterEach(async () => {
  await rm(xdg, { recursive: true, force: true });
});

describe('registry', () => {
  it('starts empty, then round-trips added and updated sites through the file', async () => {
    const registry = openRegistry(configDir);
    expect(registry.file).toBe(join(xdg, 'servermark', 'registry.json'));
    expect(await registry.read()).toEqual({ version: 1, sites: [] });
    const returned = await registry.update((file) => {
      file.sites.push(site('aaaaaaaa', 'shop'));
      return 'added';
    });
    expect(returned).toBe('added');
    await registry.update((file) => {
      file.sites[0]!.name = 'Shop "Ünïcødé" $HOME';
      file.sites[0]!.workers[0]!.options.timeout = 120;
    });
    const reopened = openRegistry(configDir);
    const read = await reopened.read();
    expect(read.sites).toHaveLength(1);
    expect(read.sites[0]).toMatchObject({ id: 'aaaaaaaa', name: 'Shop "Ünïcødé" $HOME' });
    expect(read.sites[0]!.workers[0]!.options.timeout).toBe(120);
    expect(JSON.parse(await readFile(registry.file, 'utf8'))).toEqual(read);
    expect((await stat(registry.file)).mode & 0o777).toBe(0o600);
    // No lock or temp file is left behind.
    expect(await readdir(configDir)).toEqual(['registry.json']);
  });

  it('fills options missing from an older file with defaults', async () => {
    const registry = openRegistry(configDir);
    await registry.update((file) => void file.sites.push(site('aaaaaaaa')));
    const json = JSON.parse(await readFile(registry.file, 'utf8'));
    json.sites[0].workers[0].options = { timeout: 5 };
    await writeFile(registry.file, JSON.stringify(json));
    const options = (await registry.read()).sites[0]!.workers[0]!.options;
    expect(options.timeout).toBe(5);
    expect(options.sleep).toBe(3);
    expect(options.maxTime).toBe(3600);
  });

  it.each([
    ['not JSON', '{"version":1,"sites":['],
    ['empty', ''],
    ['wrong version', '{"version":2,"sites":[]}'],
    [
      'a bad site id',
      '{"version":1,"sites":[{"id":"NOPE","name":"x","path":"/x","php":"/p","laravelVersion":null,"addedAt":"","workers":[]}]}',
    ],
    ['an array', '[]'],
    ['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x7b, 0x00])],
  ])(
    'refuses a corrupt file (%s) with REGISTRY_CORRUPT and never rewrites it',
    async (_label, content) => {
      const registry = openRegistry(configDir);
      await registry.update(() => undefined);
      await writeFile(registry.file, content);
      const before = await readFile(registry.file);
      const beforeStat = await stat(registry.file);
      await expect(registry.read()).rejects.toMatchObject({ code: 'REGISTRY_CORRUPT' });
      let changed = false;
      const error = await registry
        .update((file) => {
          changed = true;
          file.sites = [];
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerMarkError);
      expect((error as ServerMarkError).code).toBe('REGISTRY_CORRUPT');
      expect((error as ServerMarkError).message).toContain(registry.file);
      expect(changed).toBe(false);
      expect(Buffer.compare(await readFile(registry.file), before)).toBe(0);
      expect((await stat(registry.file)).mtimeMs).toBe(beforeStat.mtimeMs);
      expect(await readdir(configDir)).toEqual(['registry.json']);
    },
  );

  it('writes nothing and releases the lock when the change throws', async () => {
    const registry = openRegistry(configDir);
    await registry.update((file) => void file.sites.push(site('aaaaaaaa')));
    const before = await readFile(registry.file, 'utf8');
    await expect(
      registry.update((file) => {
        file.sites = [];
        throw new ServerMarkError('SITE_EXISTS', 'no');
      }),
    ).rejects.toMatchObject({ code: 'SITE_EXISTS' });
    expect(await readFile(registry.file, 'utf8')).toBe(before);
    // A change that would write an invalid file is refused too.
    await expect(
      registry.update((file) => {
        file.sites[0]!.id = 'NOT AN ID';
      }),
    ).rejects.toThrow();
    expect(await readFile(registry.file, 'utf8')).toBe(before);
    await registry.update((file) => void file.sites.push(site('bbbbbbbb')));
    expect((await registry.read()).sites.map((s) => s.id)).toEqual(['aaaaaaaa', 'bbbbbbbb']);
  });

  // The lock is a polled file, so in-process waiters hand over at up to 100 ms each.
  it('loses no update when many promises update at once', async () => {
    const registry = openRegistry(configDir);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        registry.update(async (file) => {
          const seen = file.sites.length;
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          file.sites.push(site(`p${String(i).padStart(7, '0')}`));
          return seen;
        }),
      ),
    );
    const ids = (await registry.read()).sites.map((s) => s.id);
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
  }, 30_000);

  it('loses no update when two processes and this one update at once', async () => {
    const scriptDir = await mkdtemp(join(tmpdir(), 'sm-registry-child-'));
    try {
      const script = join(scriptDir, 'child.mts');
      await writeFile(script, CHILD_SCRIPT);
      const registry = openRegistry(configDir);
      await Promise.all([
        runChild(script, [configDir, 'a', '30']),
        runChild(script, [configDir, 'b', '30']),
        ...Array.from({ length: 10 }, (_, i) =>
          registry.update((file) => void file.sites.push(site(`c${String(i).padStart(7, '0')}`))),
        ),
      ]);
      const ids = (await registry.read()).sites.map((s) => s.id);
      expect(ids).toHaveLength(70);
      expect(new Set(ids).size).toBe(70);
      for (const tag of ['a', 'b']) {
        const mine = ids.filter((id) => id.startsWith(tag));
        // Each process's sequential updates land in the order it made them.
        expect(mine).toEqual([...mine].sort());
      }
      expect(await readdir(configDir)).toEqual(['registry.json']);
    } finally {
      await rm(scriptDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('recovers a lock left behind by a process that no longer exists', async () => {
    const registry = openRegistry(configDir);
    await registry.update(() => undefined);
    await writeFile(`${registry.file}.lock`, String(await deadPid()));
    const started = Date.now();
    await registry.update((file) => void file.sites.push(site('aaaaaaaa')));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await registry.read()).sites).toHaveLength(1);
    expect(await readdir(configDir)).toEqual(['registry.json']);
  });

  it('loses no update when many writers race to recover the same stale lock', async () => {
    const registry = openRegistry(configDir);
    await registry.update(() => undefined);
    for (let round = 0; round < 3; round++) {
      await writeFile(`${registry.file}.lock`, String(await deadPid()));
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          registry.update(async (file) => {
            const before = file.sites.length;
            await new Promise((r) => setTimeout(r, 5));
            file.sites.push(site(`r${round}${String(i).padStart(6, '0')}`));
            return before;
          }),
        ),
      );
      expect((await registry.read()).sites).toHaveLength(12 * (round + 1));
    }
  }, 30_000);
});
