import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRegistry } from './registry';
import { moveCorruptRegistryAside } from './registryRecovery';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm-recover-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const AT = new Date('2026-12-04T20:15:00.123Z');

describe('moving a corrupt registry aside', () => {
  it('renames it, bytes intact, next to where it was, and ServerMark starts empty', async () => {
    const registry = openRegistry(dir);
    await writeFile(registry.file, '{"version":1,"sites":[{');
    const recovered = await moveCorruptRegistryAside(registry, AT);
    expect(recovered).toEqual({
      movedTo: join(dir, 'registry.json.corrupt-20261204T201500123Z'),
      reason: expect.stringContaining('is not valid JSON'),
    });
    expect(await readFile(recovered.movedTo, 'utf8')).toBe('{"version":1,"sites":[{');
    expect(await registry.read()).toEqual({ version: 1, sites: [] });
    expect((await readdir(dir)).sort()).toEqual(['registry.json.corrupt-20261204T201500123Z']);
  });

  it('also takes a file that is JSON but not a registry', async () => {
    const registry = openRegistry(dir);
    await writeFile(registry.file, '{"version":2}');
    expect((await moveCorruptRegistryAside(registry, AT)).reason).toContain('invalid entry');
  });

  it('refuses when the registry reads fine, or is absent: nothing to recover', async () => {
    const registry = openRegistry(dir);
    await expect(moveCorruptRegistryAside(registry)).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
    await registry.update(() => undefined);
    const text = await readFile(registry.file, 'utf8');
    await expect(moveCorruptRegistryAside(registry)).rejects.toMatchObject({
      code: 'NOT_APPLICABLE',
    });
    expect(await readFile(registry.file, 'utf8')).toBe(text);
  });

  it('two recoveries at once move it once', async () => {
    const registry = openRegistry(dir);
    await writeFile(registry.file, 'garbage');
    const results = await Promise.allSettled([
      moveCorruptRegistryAside(registry, AT),
      moveCorruptRegistryAside(registry, new Date(AT.getTime() + 1)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'NOT_APPLICABLE' },
    });
  });
});
