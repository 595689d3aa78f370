import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_DIR_NAME } from '../../testing/hostilePath';
import { desktopExecValue, parseDesktopExecValue, SHELL_LAUNCHER } from './desktopExec';

const HOSTILE_PROGRAMS = [
  '/opt/ServerMark/servermark-desktop',
  `/home/me/${HOSTILE_DIR_NAME}/ServerMark.AppImage`,
  '/home/me/Apps and Tools/ServerMark-0.1.0-x86_64.AppImage',
  '/home/o\'brien/it\'s "here"/app',
  '/home/me/back\\slash\\\\double\\/app',
  '/home/me/dollar $PATH ${HOME} $(id) `id`/app',
  '/home/me/100% sure %f %U %%/app',
  '/home/me/a=b;c|d&e<f>g~h*i?j#k(l)m/app',
  '/home/me/trailing backslash\\',
];

describe('desktopExecValue', () => {
  it('leaves a plain path alone and quotes only what needs it', () => {
    expect(desktopExecValue(['/opt/ServerMark/servermark-desktop', '--hidden'])).toBe(
      '/opt/ServerMark/servermark-desktop --hidden',
    );
    expect(desktopExecValue(['/home/me/My Apps/ServerMark.AppImage', '--hidden'])).toBe(
      '"/home/me/My Apps/ServerMark.AppImage" --hidden',
    );
  });

  it('writes the spec examples: four backslashes for one, \\\\$ for a dollar, %% for a percent', () => {
    expect(desktopExecValue(['/a', 'x\\y'])).toBe('/a "x\\\\\\\\y"');
    expect(desktopExecValue(['/a', '$HOME'])).toBe('/a "\\\\$HOME"');
    expect(desktopExecValue(['/a', '50%'])).toBe('/a 50%%');
    expect(desktopExecValue(['/a', ''])).toBe('/a ""');
  });

  it.each(HOSTILE_PROGRAMS)('round-trips %s exactly', (program) => {
    const argv = [program, '--hidden'];
    const parsed = parseDesktopExecValue(desktopExecValue(argv));
    expect(program.includes('%') ? parsed.slice(SHELL_LAUNCHER.length) : parsed).toEqual(argv);
  });

  it('starts a program whose path holds % through /bin/sh, which GLib can find', () => {
    const value = desktopExecValue(['/home/me/100%/app', '--hidden']);
    expect(parseDesktopExecValue(value)).toEqual([
      '/bin/sh',
      '-c',
      'exec "$0" "$@"',
      '/home/me/100%/app',
      '--hidden',
    ]);
  });

  it('round-trips any argv without control characters', () => {
    const argument = fc
      .string({ unit: 'grapheme', maxLength: 30 })
      .filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
    fc.assert(
      fc.property(
        argument.map((s) => `/${s.replaceAll('%', '')}`),
        fc.array(argument, { maxLength: 4 }),
        (program, rest) => {
          const argv = [program, ...rest];
          expect(parseDesktopExecValue(desktopExecValue(argv))).toEqual(argv);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a relative program and control characters, which no entry can hold', () => {
    expect(() => desktopExecValue(['servermark'])).toThrow(/absolute path/);
    expect(() => desktopExecValue([])).toThrow(/absolute path/);
    expect(() => desktopExecValue(['/home/me/new\nline/app'])).toThrow(
      expect.objectContaining({ code: 'INVALID_PATH' }),
    );
    expect(() => desktopExecValue(['/a', 'tab\there'])).toThrow(/control character/);
  });
});
