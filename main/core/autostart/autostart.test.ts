import { execa } from 'execa';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findExecutable } from '../../testing/findExecutable';
import { HOSTILE_DIR_NAME } from '../../testing/hostilePath';
import { waitFor } from '../../testing/waitFor';
import { autostartFile, openAutostart, renderAutostartEntry } from './autostart';

let root: string;
let env: NodeJS.ProcessEnv;
let configHome: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'servermark-autostart-'));
  configHome = join(root, 'config');
  env = { HOME: join(root, 'home'), XDG_CONFIG_HOME: configHome };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('autostart entry location', () => {
  it('is $XDG_CONFIG_HOME/autostart/servermark.desktop, or ~/.config when unset or relative', () => {
    expect(autostartFile({ HOME: '/h', XDG_CONFIG_HOME: '/c d' })).toBe(
      '/c d/autostart/servermark.desktop',
    );
    expect(autostartFile({ HOME: '/h' })).toBe('/h/.config/autostart/servermark.desktop');
    expect(autostartFile({ HOME: '/h', XDG_CONFIG_HOME: 'rel' })).toBe(
      '/h/.config/autostart/servermark.desktop',
    );
  });
});

describe('openAutostart', () => {
  const command = ['/opt/ServerMark/servermark-desktop'];

  it('enables: writes an entry that starts the app hidden, enabled for GNOME too', async () => {
    const autostart = openAutostart({ env, command });
    expect(await autostart.isEnabled()).toBe(false);
    await autostart.enable();
    expect(autostart.file).toBe(join(configHome, 'autostart', 'servermark.desktop'));
    const text = await readFile(autostart.file, 'utf8');
    expect(text).toContain('\nExec=/opt/ServerMark/servermark-desktop --hidden\n');
    expect(text).toContain('\nX-GNOME-Autostart-enabled=true\n');
    expect(text.startsWith('[Desktop Entry]\nType=Application\n')).toBe(true);
    expect((await stat(autostart.file)).mode & 0o777).toBe(0o644);
    expect(await autostart.isEnabled()).toBe(true);
    // Written atomically: no temp file left beside it.
    expect(await readdir(dirname(autostart.file))).toEqual(['servermark.desktop']);
  });

  it('disables by removing the entry, and disabling twice is fine', async () => {
    const autostart = openAutostart({ env, command });
    await autostart.enable();
    await autostart.disable();
    await autostart.disable();
    expect(await autostart.isEnabled()).toBe(false);
    expect(await readdir(dirname(autostart.file))).toEqual([]);
  });

  it('reads an entry switched off in place by the session settings as disabled', async () => {
    const autostart = openAutostart({ env, command });
    for (const off of ['X-GNOME-Autostart-enabled=false', 'Hidden=true']) {
      await autostart.enable();
      const text = await readFile(autostart.file, 'utf8');
      await writeFile(autostart.file, text.replace('X-GNOME-Autostart-enabled=true', off));
      expect(await autostart.isEnabled()).toBe(false);
    }
  });

  it('refresh points an enabled entry at this copy of the app, and creates or revives nothing', async () => {
    await openAutostart({ env, command: ['/old place/ServerMark.AppImage'] }).enable();
    const moved = openAutostart({ env, command: ['/new place/ServerMark.AppImage'] });
    await moved.refresh();
    expect(await readFile(moved.file, 'utf8')).toBe(
      renderAutostartEntry(['/new place/ServerMark.AppImage']),
    );

    const offText = (await readFile(moved.file, 'utf8')).replace(
      'X-GNOME-Autostart-enabled=true',
      'X-GNOME-Autostart-enabled=false',
    );
    await writeFile(moved.file, offText);
    await openAutostart({ env, command }).refresh();
    expect(await readFile(moved.file, 'utf8')).toBe(offText);

    await moved.disable();
    await moved.refresh();
    expect(await moved.isEnabled()).toBe(false);
    expect(await readdir(dirname(moved.file))).toEqual([]);
  });

  it('refuses a command no entry can hold before writing anything', async () => {
    await expect(openAutostart({ env, command: ['relative/app'] }).enable()).rejects.toThrow(
      /absolute path/,
    );
    await expect(
      openAutostart({ env, command: ['/home/new\nline/app'] }).enable(),
    ).rejects.toMatchObject({ code: 'INVALID_PATH' });
    await expect(readdir(join(configHome, 'autostart'))).rejects.toThrow(/ENOENT/);
  });
});

// The app's path decides the Exec line: the AppImage can live in any folder the user picked.
const HOSTILE_FOLDERS = [
  HOSTILE_DIR_NAME,
  'Apps and Tools',
  'o\'brien "quoted"',
  'back\\slash \\\\ double',
  'dollar $PATH ${HOME} $(id) `id`',
  '100% sure %f %U %%',
  'a=b;c|d&e<f>g~h*i?j#k(l)m',
  'trailing backslash\\',
];

describe('the entry as desktop tools read it', () => {
  it.each(HOSTILE_FOLDERS)('in %s: desktop-file-validate accepts it', async (folder) => {
    const autostart = openAutostart({
      env,
      command: [join(root, folder, 'ServerMark.AppImage')],
    });
    await autostart.enable();
    const result = await execa(findExecutable('desktop-file-validate'), [autostart.file], {
      reject: false,
    });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.exitCode).toBe(0);
  });

  // GLib (GNOME's autostart) parses the entry and execs it: the program must get exactly
  // its own path and --hidden.
  it.each(HOSTILE_FOLDERS)(
    'in %s: GLib starts the program with exactly its argv',
    async (folder) => {
      const program = join(root, folder, 'ServerMark.AppImage');
      const record = join(root, 'argv.bin');
      await mkdir(dirname(program), { recursive: true });
      await writeFile(program, `#!/bin/sh\nprintf '%s\\0' "$0" "$@" > "$SERVERMARK_ARGV_RECORD"\n`);
      await chmod(program, 0o755);
      const autostart = openAutostart({ env, command: [program] });
      await autostart.enable();

      const launched = await execa(findExecutable('gio'), ['launch', autostart.file], {
        env: { PATH: '/usr/bin:/bin', SERVERMARK_ARGV_RECORD: record },
        extendEnv: false,
        reject: false,
      });
      expect(launched.stderr).toBe('');
      const argv = await waitFor('the launched program to record its argv', async () => {
        const text = await readFile(record, 'utf8').catch(() => null);
        return text?.endsWith('--hidden\0') ? text.split('\0').slice(0, -1) : null;
      });
      expect(argv).toEqual([program, '--hidden']);
    },
  );
});
