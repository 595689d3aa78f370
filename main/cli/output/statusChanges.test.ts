import { describe, expect, it } from 'vitest';
import { createFakeCore, fakeSite, fakeStatus } from '../testKit/fakeCore';
import { runCli } from '../testKit/captureIo';
import { StatusChanges } from './statusChanges';

const shop = fakeSite({ id: 'shop0001', name: 'shop', path: '/srv/shop' });
const blog = fakeSite({ id: 'blog0001', name: 'blog', path: '/srv/blog' });

describe('StatusChanges', () => {
  it('reports every site first, then only the sites that changed, then removals', () => {
    const changes = new StatusChanges();
    expect(
      changes.next([fakeStatus(shop, 'running'), fakeStatus(blog, 'stopped')]).map((c) => c.name),
    ).toEqual(['shop', 'blog']);
    expect(changes.next([fakeStatus(shop, 'running'), fakeStatus(blog, 'stopped')])).toEqual([]);
    const [change] = changes.next([
      fakeStatus(shop, 'failed', { code: 'crash-loop', text: 'Crash loop' }),
      fakeStatus(blog, 'stopped'),
    ]);
    expect(change).toMatchObject({
      site: 'shop0001',
      state: 'failed',
      previous: 'running',
      reason: 'Crash loop',
    });
    expect(
      changes.next([fakeStatus(shop, 'failed', { code: 'crash-loop', text: 'Crash loop' })]),
    ).toMatchObject([{ site: 'blog0001', state: 'removed', previous: 'stopped' }]);
  });

  it('follows one site only when asked', () => {
    const changes = new StatusChanges('blog0001');
    expect(
      changes.next([fakeStatus(shop, 'running'), fakeStatus(blog, 'running')]).map((c) => c.site),
    ).toEqual(['blog0001']);
  });
});

describe('worker status --watch', () => {
  it('prints the current state, then one JSON line per change, until interrupted', async () => {
    const core = createFakeCore([shop]);
    let interrupt!: () => void;
    const interrupted = new Promise<void>((resolve) => (interrupt = resolve));
    const run = runCli(['worker', 'status', '--watch', '--json'], { core, interrupted });
    await new Promise((resolve) => setTimeout(resolve, 10));
    core.emit([fakeStatus(shop, 'running')]);
    core.emit([fakeStatus(shop, 'running')]);
    core.emit([fakeStatus(shop, 'stopped')]);
    interrupt();
    const result = await run;
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.state, l.previous])).toEqual([
      ['stopped', null],
      ['running', 'stopped'],
      ['stopped', 'running'],
    ]);
    expect(core.calls).toContain('startLive');
    expect(core.calls).toContain('stopLive');
  });
});
