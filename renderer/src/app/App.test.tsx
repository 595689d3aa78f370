// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, deferred, failure, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';
import type { Result, SiteStatus } from '../../../main/ipc/contract';

afterEach(teardownApp);

describe('App', () => {
  it('shows a loading state, then one list item per site', async () => {
    const fake = createFakeApi([]);
    const reply = deferred<Result<SiteStatus[]>>();
    fake.api.getStatus.mockReturnValueOnce(reply.promise);
    renderApp(fake);

    expect(screen.getByText('Loading sites…')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'ServerMark' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();

    const sites = [
      siteStatus({ site: 'a', name: 'shop', state: 'running' }),
      siteStatus({
        site: 'b',
        name: 'billing',
        state: 'failed',
        reason: { code: 'crash-loop', text: 'Crash loop: systemd gave up.' },
      }),
    ];
    await act(async () => reply.resolve(ok(sites)));

    const list = screen.getByRole('list', { name: 'Sites' });
    const items = within(list).getAllByRole('listitem');
    // Sorted by name unless the user picks another order.
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['billing', 'shop']);
    const shop = screen.getByRole('listitem', { name: 'shop' });
    expect(within(shop).getByTestId('state-badge').textContent).toBe('Running');
    expect(
      within(shop)
        .getByRole('switch', { name: 'Queue worker for shop' })
        .getAttribute('aria-checked'),
    ).toBe('true');
    expect(within(shop).getByTitle('/home/dev/code/shop').textContent).toBe('/home/dev/code/shop');
    const billing = screen.getByRole('listitem', { name: 'billing' });
    expect(within(billing).getByTestId('state-badge').textContent).toBe('Failed');
    expect(within(billing).getByText('Crash loop: systemd gave up.')).toBeTruthy();
    expect(screen.queryByText('Loading sites…')).toBeNull();
  });

  it('shows how many processes run when a site has more than one', async () => {
    const site = siteStatus({ site: 'a', name: 'shop', state: 'running' });
    site.workers = [
      { name: 'default', state: 'running', reason: null, processes: 3, running: 2, units: [] },
    ];
    renderApp(createFakeApi([site]));
    expect(await screen.findByText('2 of 3')).toBeTruthy();
  });

  it('shows the empty state with its own add button', async () => {
    const fake = createFakeApi([]);
    renderApp(fake);

    expect(await screen.findByRole('heading', { name: 'No sites yet' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Add your first site' }));
    expect(fake.api.addSite).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Add site' })).toBeTruthy();
  });

  it('adds the site main returns, then re-reads the state', async () => {
    const fake = createFakeApi([]);
    const added = siteStatus({ site: 'n', name: 'new-site' });
    fake.api.addSite.mockImplementationOnce(async () => {
      fake.setSites([added]);
      return ok({ added });
    });
    renderApp(fake);
    await screen.findByRole('heading', { name: 'No sites yet' });

    await userEvent.click(screen.getByRole('button', { name: 'Add site' }));

    expect(await screen.findByRole('listitem', { name: 'new-site' })).toBeTruthy();
    await waitFor(() => expect(fake.api.getStatus).toHaveBeenCalledTimes(2));
  });

  it('shows an add-site error instead of swallowing it', async () => {
    const fake = createFakeApi([]);
    fake.api.addSite.mockResolvedValueOnce(
      failure({ code: 'NOT_LARAVEL', message: 'This folder is not a Laravel application.' }),
    );
    renderApp(fake);
    await screen.findByRole('heading', { name: 'No sites yet' });

    await userEvent.click(screen.getByRole('button', { name: 'Add site' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This folder is not a Laravel application.');
  });

  it('replaces the list with what main pushes', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]);
    renderApp(fake);
    const shop = await screen.findByRole('listitem', { name: 'shop' });
    expect(within(shop).getByTestId('state-badge').textContent).toBe('Stopped');
    expect(fake.listenerCount()).toBe(1);

    act(() => fake.push([siteStatus({ site: 'a', name: 'shop', state: 'running' })]));

    expect(
      within(screen.getByRole('listitem', { name: 'shop' })).getByTestId('state-badge').textContent,
    ).toBe('Running');
  });

  it('re-reads the state when the window regains focus', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });
    fake.setSites([siteStatus({ site: 'a', name: 'shop', state: 'failed' })]);

    act(() => {
      window.dispatchEvent(new Event('focus'));
    });

    await waitFor(() =>
      expect(
        within(screen.getByRole('listitem', { name: 'shop' })).getByTestId('state-badge')
          .textContent,
      ).toBe('Failed'),
    );
  });

  it('shows a load error with a Retry that loads again', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    fake.api.getStatus.mockResolvedValueOnce(
      failure({
        code: 'NO_USER_MANAGER',
        message: 'The systemd user manager is not reachable.',
        detail: 'Failed to connect to bus',
      }),
    );
    renderApp(fake);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The systemd user manager is not reachable.');
    expect(within(alert).getByText('Failed to connect to bus')).toBeTruthy();

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('listitem', { name: 'shop' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without systemd, names the registered sites without guessing their state', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    fake.api.getStatus.mockResolvedValueOnce(
      failure({ code: 'NO_USER_MANAGER', message: 'No systemd user manager is reachable.' }),
    );
    renderApp(fake);

    const alert = await screen.findByRole('alert');
    const list = await within(alert).findByRole('region', { name: /Your sites \(1\)/ });
    expect(list.textContent).toContain('shop');
    expect(list.textContent).toContain('state unknown');
    expect(within(alert).queryByTestId('state-badge')).toBeNull();
  });

  it('does not list sites when the registry itself is the problem', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    fake.api.getStatus.mockResolvedValueOnce(
      failure({ code: 'REGISTRY_CORRUPT', message: 'The site registry is not valid JSON.' }),
    );
    renderApp(fake);
    await screen.findByRole('alert');
    expect(fake.api.listSites).not.toHaveBeenCalled();
  });

  it('shows a load error when the bridge itself rejects', async () => {
    const fake = createFakeApi([]);
    fake.api.getStatus.mockRejectedValueOnce(new Error('IPC channel closed'));
    renderApp(fake);
    expect((await screen.findByRole('alert')).textContent).toContain('IPC channel closed');
  });
});
