import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPhpBinary, findPhpBinaries, inspectPhpBinary } from './phpBinaries';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sm php "q" $HOME '));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Answers like PHP only when called as `php -n -r 'echo PHP_VERSION;'`.
async function fakePhp(path: string, version: string, mode = 0o755): Promise<string> {
  await writeFile(
    path,
    `#!/bin/sh\n[ "$1" = -n ] && [ "$2" = -r ] && [ "$3" = 'echo PHP_VERSION;' ] && printf '${version}' && exit 0\nexit 1\n`,
  );
  await chmod(path, mode);
  return path;
}

describe('inspectPhpBinary', () => {
  it('accepts an executable PHP and resolves symlinks to the real file', async () => {
    const real = await fakePhp(join(dir, 'php8.3'), '8.3.4');
    await symlink(real, join(dir, 'php'));
    expect(await inspectPhpBinary(join(dir, 'php'))).toEqual({ path: real, version: '8.3.4' });
  });

  it.each([
    ['php', 'must be an absolute path'],
    ['./php', 'must be an absolute path'],
  ])('refuses the relative path %j', async (candidate, message) => {
    await expect(inspectPhpBinary(candidate)).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
    await expect(inspectPhpBinary(candidate)).rejects.toThrow(message);
  });

  it('refuses a missing file, a directory and a file that is not executable', async () => {
    await mkdir(join(dir, 'php-dir'));
    const plain = await fakePhp(join(dir, 'php-plain'), '8.2.0', 0o644);
    for (const candidate of [join(dir, 'nope'), join(dir, 'php-dir'), plain]) {
      await expect(inspectPhpBinary(candidate)).rejects.toThrow(
        'does not exist or is not executable',
      );
    }
  });

  it('refuses a program that does not answer like PHP', async () => {
    const liar = join(dir, 'php');
    await writeFile(liar, '#!/bin/sh\necho hello\n');
    await chmod(liar, 0o755);
    await expect(inspectPhpBinary(liar)).rejects.toThrow('did not run as PHP');
    const failing = await fakePhp(join(dir, 'php2'), 'x');
    await writeFile(failing, '#!/bin/sh\nprintf 8.2.0\nexit 3\n');
    await expect(inspectPhpBinary(failing)).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
  });
});

describe('findPhpBinaries', () => {
  it('lists the PATH php first, then phpX.Y, skipping non-PHP names and duplicates', async () => {
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await fakePhp(join(bin, 'php8.1'), '8.1.27');
    await fakePhp(join(bin, 'php8.3'), '8.3.4');
    await symlink(join(bin, 'php8.3'), join(bin, 'php'));
    await fakePhp(join(bin, 'phpize'), '0.0');
    await fakePhp(join(bin, 'php-fpm8.3'), '8.3.4');
    await fakePhp(join(bin, 'php7'), '7.4.0', 0o644);
    const found = await findPhpBinaries({ PATH: `relative/bin:${bin}` });
    const ours = found.filter((p) => p.path.startsWith(bin));
    expect(ours).toEqual([
      { path: join(bin, 'php8.3'), version: '8.3.4' },
      { path: join(bin, 'php8.1'), version: '8.1.27' },
    ]);
    // Every directory's plain `php` comes before versioned names, the PATH's first of all.
    expect(found[0]).toEqual(ours[0]);
    expect(new Set(found.map((p) => p.path)).size).toBe(found.length);
    expect(await defaultPhpBinary({ PATH: bin })).toEqual({
      path: join(bin, 'php8.3'),
      version: '8.3.4',
    });
  });

  it('says PHP_NOT_FOUND with a way out when there is none', async () => {
    const found = await findPhpBinaries({ PATH: dir });
    if (found.length > 0) return; // This machine has a system PHP in /usr/bin or similar.
    await expect(defaultPhpBinary({ PATH: dir })).rejects.toMatchObject({ code: 'PHP_NOT_FOUND' });
  });
});
