import { describe, expect, it } from 'vitest';
import { formatError } from './errorText';
import { createStyle, colourWanted } from './style';
import { renderTable } from './table';
import { displayWidth, printable } from './terminalText';

describe('renderTable', () => {
  it('aligns columns two spaces apart with no trailing spaces', () => {
    const text = renderTable(
      ['ID', 'NAME', 'NOTE'],
      [
        ['a', 'longer name', ''],
        ['bbbb', 'x', 'note'],
      ],
    );
    expect(text).toBe(
      ['ID    NAME         NOTE', 'a     longer name', 'bbbb  x            note', ''].join('\n'),
    );
  });

  it('aligns by terminal columns: combining marks take none, CJK two', () => {
    const text = renderTable(
      ['NAME', 'STATE'],
      [
        ['u\u0308nï', 'running'],
        ['店', 'stopped'],
        ['ab', 'failed'],
      ],
    );
    expect(text.split('\n')).toEqual([
      'NAME  STATE',
      'u\u0308nï   running',
      '店    stopped',
      'ab    failed',
      '',
    ]);
  });

  it('pads before painting, so colour codes never shift the columns', () => {
    const style = createStyle(true);
    const text = renderTable(
      ['STATE', 'PATH'],
      [[{ text: 'running', paint: (t) => style.state('running', t) }, '/srv/a']],
    );
    expect(text.split('\n')[1]).toBe('\u001b[32mrunning\u001b[0m  /srv/a');
  });

  it('escapes control characters so a path cannot drive the terminal', () => {
    expect(printable('a\u001b[31mb\nc')).toBe('a\\x1b[31mb\\x0ac');
    expect(renderTable(['P'], [['x\u001by']])).toBe('P\nx\\x1by\n');
  });
});

describe('displayWidth', () => {
  it('counts terminal columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('u\u0308nï')).toBe(3);
    expect(displayWidth('店名')).toBe(4);
    expect(displayWidth('a\u200bb')).toBe(2);
  });
});

describe('colour', () => {
  it('is used only on a TTY with NO_COLOR unset and a capable terminal', () => {
    expect(colourWanted({ stdout: { write: () => 0, isTTY: true }, env: {} })).toBe(true);
    expect(colourWanted({ stdout: { write: () => 0, isTTY: false }, env: {} })).toBe(false);
    expect(colourWanted({ stdout: { write: () => 0 }, env: {} })).toBe(false);
    expect(colourWanted({ stdout: { write: () => 0, isTTY: true }, env: { NO_COLOR: '1' } })).toBe(
      false,
    );
    expect(colourWanted({ stdout: { write: () => 0, isTTY: true }, env: { NO_COLOR: '' } })).toBe(
      false,
    );
    expect(colourWanted({ stdout: { write: () => 0, isTTY: true }, env: { TERM: 'dumb' } })).toBe(
      false,
    );
  });

  it('leaves text alone when disabled', () => {
    const style = createStyle(false);
    expect(style.state('failed')).toBe('failed');
    expect(style.bold('x')).toBe('x');
  });
});

describe('formatError', () => {
  it('prints the message, then the detail on its own line', () => {
    expect(formatError({ code: 'NOT_LARAVEL', message: 'Not Laravel.' }, false)).toBe(
      'servermark: Not Laravel.\n',
    );
    expect(
      formatError(
        { code: 'SYSTEMD_FAILED', message: 'It failed.', detail: 'systemctl x\n' },
        false,
      ),
    ).toBe('servermark: It failed.\nsystemctl x\n');
  });

  it('prints one line of JSON with --json', () => {
    const text = formatError({ code: 'SITE_NOT_FOUND', message: 'No site.', detail: 'd' }, true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd()).not.toContain('\n');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'SITE_NOT_FOUND', message: 'No site.', detail: 'd' },
    });
  });
});
