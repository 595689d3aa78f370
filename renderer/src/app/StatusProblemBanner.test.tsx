// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

describe('live-state problem banner', () => {
  it('shows what main reports while live state cannot be read, and clears on null', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });
    expect(fake.problemListenerCount()).toBe(1);
    expect(screen.queryByRole('alert')).toBeNull();

    act(() =>
      fake.pushProblem({
        code: 'NO_USER_MANAGER',
        message: 'The systemd user manager is not reachable.',
        detail: 'Failed to connect to bus: No medium found',
      }),
    );

    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain('Live updates are paused');
    expect(banner.textContent).toContain('The systemd user manager is not reachable.');
    expect(banner.textContent).toContain('Failed to connect to bus: No medium found');
    // Above the list, outside it: it is about the whole window.
    expect(screen.getByRole('main').contains(banner)).toBe(false);

    act(() => fake.pushProblem(null));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('subscribes once, however often the app starts', async () => {
    const fake = createFakeApi([]);
    renderApp(fake);
    renderApp(fake);
    await screen.findAllByRole('heading', { name: 'No sites yet' });
    expect(fake.api.onStatusProblem).toHaveBeenCalledTimes(1);
    expect(fake.api.onFocusSite).toHaveBeenCalledTimes(1);
  });
});
