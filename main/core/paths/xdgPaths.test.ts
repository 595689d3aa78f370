import { describe, expect, it } from 'vitest';
import { xdgPaths } from './xdgPaths';

describe('xdgPaths', () => {
  it('uses the XDG variables when they are absolute', () => {
    expect(
      xdgPaths({
        HOME: '/home/me',
        XDG_CONFIG_HOME: '/cfg dir',
        XDG_STATE_HOME: '/st%h',
        XDG_DATA_HOME: '/data',
      }),
    ).toEqual({
      configDir: '/cfg dir/servermark',
      unitDir: '/cfg dir/systemd/user',
      logDir: '/st%h/servermark/logs',
      electronDataDir: '/data/servermark/electron',
    });
  });

  it('falls back to HOME for missing, empty or relative values (the spec says ignore them)', () => {
    const expected = {
      configDir: '/home/me/.config/servermark',
      unitDir: '/home/me/.config/systemd/user',
      logDir: '/home/me/.local/state/servermark/logs',
      electronDataDir: '/home/me/.local/share/servermark/electron',
    };
    expect(xdgPaths({ HOME: '/home/me' })).toEqual(expected);
    expect(xdgPaths({ HOME: '/home/me', XDG_CONFIG_HOME: '', XDG_STATE_HOME: '' })).toEqual(
      expected,
    );
    expect(
      xdgPaths({ HOME: '/home/me', XDG_CONFIG_HOME: 'cfg', XDG_STATE_HOME: './state' }),
    ).toEqual(expected);
  });

  it('normalizes a trailing slash', () => {
    expect(xdgPaths({ HOME: '/h', XDG_CONFIG_HOME: '/c/' }).unitDir).toBe('/c/systemd/user');
  });
});
