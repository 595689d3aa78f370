import { describe, expect, it } from 'vitest';
import { siteNameFromDirectory, validateSiteName } from './siteName';

describe('the default name of a site', () => {
  it('is the folder name', () => {
    expect(siteNameFromDirectory('/srv/My "Q" app $HOME %h ü')).toBe('My "Q" app $HOME %h ü');
    expect(siteNameFromDirectory('/srv/shop/')).toBe('shop');
  });

  it('fits the name rules for any folder systemd can run in', () => {
    for (const path of [
      `/srv/${'é'.repeat(127)}x`,
      `/srv/${'x'.repeat(255)}`,
      '/srv/ leading space',
      `/srv/${' '.repeat(98)}x y`,
    ]) {
      const name = siteNameFromDirectory(path);
      expect(validateSiteName(name)).toBe(name);
    }
    expect(siteNameFromDirectory(`/srv/${'x'.repeat(255)}`)).toBe(`${'x'.repeat(99)}…`);
    expect(siteNameFromDirectory('/srv/ leading space')).toBe('leading space');
  });

  it('is "site" when the folder has no usable name', () => {
    expect(siteNameFromDirectory('/')).toBe('site');
    expect(siteNameFromDirectory('/srv/   ')).toBe('site');
  });
});
