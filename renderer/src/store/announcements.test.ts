import { describe, expect, it } from 'vitest';
import { siteStatus } from '../testing/fakeServerMarkApi';
import { describeBatch, describeStateChanges } from './announcements';

describe('describeBatch', () => {
  const shop = siteStatus({ site: 'a', name: 'shop', state: 'running' });
  const blog = siteStatus({ site: 'b', name: 'blog', state: 'running' });

  it('says everything went through', () => {
    expect(describeBatch('start', { statuses: [shop, blog], failures: [] })).toBe(
      'Started all 2 sites.',
    );
    expect(describeBatch('stop', { statuses: [shop], failures: [] })).toBe('Stopped all 1 site.');
  });

  it('names the sites that failed', () => {
    const error = { code: 'UNIT_START_FAILED' as const, message: 'no' };
    expect(
      describeBatch('restart', {
        statuses: [shop],
        failures: [{ site: 'b', name: 'blog', error }],
      }),
    ).toBe('Restarted 1 of 2 sites. Could not restart blog.');
  });
});

describe('describeStateChanges', () => {
  it('announces sites whose state changed, except quiet ones and new ones', () => {
    const before = [
      siteStatus({ site: 'a', name: 'shop', state: 'running' }),
      siteStatus({ site: 'b', name: 'blog', state: 'running' }),
      siteStatus({ site: 'c', name: 'api', state: 'stopped' }),
    ];
    const after = [
      siteStatus({ site: 'a', name: 'shop', state: 'failed' }),
      siteStatus({ site: 'b', name: 'blog', state: 'stopped' }),
      siteStatus({ site: 'c', name: 'api', state: 'stopped' }),
      siteStatus({ site: 'd', name: 'new', state: 'running' }),
    ];
    expect(describeStateChanges(before, after, new Set(['b']))).toBe(
      'Queue worker for shop has failed.',
    );
  });
});
