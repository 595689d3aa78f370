import { describe, expect, it } from 'vitest';
import { siteStatus } from '../testing/fakeServerMarkApi';
import { matchesQuery, visibleSites } from './visibleSites';

const shop = siteStatus({ site: 'a', name: 'Shop', state: 'running', path: '/srv/www/shop' });
const blog = siteStatus({ site: 'b', name: 'blog', state: 'failed', path: '/home/dev/blog' });
const api = siteStatus({ site: 'c', name: 'api', state: 'stopped', path: '/opt/api' });
const admin = siteStatus({ site: 'd', name: 'admin', state: 'starting', path: '/srv/admin' });
const all = [shop, blog, api, admin];

const names = (sites: { name: string }[]) => sites.map((s) => s.name);

describe('visibleSites', () => {
  it('filters by name or path, ignoring case and surrounding spaces', () => {
    expect(names(visibleSites(all, '  SHOP ', 'name'))).toEqual(['Shop']);
    expect(names(visibleSites(all, '/srv/', 'name'))).toEqual(['admin', 'Shop']);
    expect(names(visibleSites(all, 'nothing-like-this', 'name'))).toEqual([]);
    expect(matchesQuery(blog, '')).toBe(true);
  });

  it('sorts by name without regard to case', () => {
    expect(names(visibleSites(all, '', 'name'))).toEqual(['admin', 'api', 'blog', 'Shop']);
  });

  it('sorts by state with failures first, then by name', () => {
    const second = siteStatus({ site: 'e', name: 'aaa', state: 'failed', path: '/x' });
    expect(names(visibleSites([...all, second], '', 'state'))).toEqual([
      'aaa',
      'blog',
      'admin',
      'Shop',
      'api',
    ]);
  });

  it('sorts by path', () => {
    expect(names(visibleSites(all, '', 'path'))).toEqual(['blog', 'api', 'admin', 'Shop']);
  });

  it('leaves the store order alone', () => {
    visibleSites(all, '', 'name');
    expect(names(all)).toEqual(['Shop', 'blog', 'api', 'admin']);
  });
});
