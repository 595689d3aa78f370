import { describe, expect, it } from 'vitest';
import { parseStrvValue } from './strvValue';

describe('systemctl show list values', () => {
  it('splits plain words on spaces', () => {
    expect(
      parseStrvValue('/a/systemd/user.control /etc/systemd/user  /usr/lib/systemd/user'),
    ).toEqual(['/a/systemd/user.control', '/etc/systemd/user', '/usr/lib/systemd/user']);
  });

  it('keeps a quoted word with spaces and escapes whole', () => {
    expect(parseStrvValue('"/home/me/my config/systemd/user" B "x\\"y\\\\z"')).toEqual([
      '/home/me/my config/systemd/user',
      'B',
      'x"y\\z',
    ]);
    expect(parseStrvValue('')).toEqual([]);
  });
});
