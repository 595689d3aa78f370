// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchOutcome, Result } from '../../../main/ipc/contract';
import { createFakeApi, deferred, failure, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const badgeOf = (name: string) =>
  within(screen.getByRole('listitem', { name })).getByTestId('state-badge').textContent;

describe('Start all, Stop all, Restart all', () => {
  it('are disabled while there are no sites', async () => {
    renderApp(createFakeApi([]));
    await screen.findByRole('heading', { name: 'No sites yet' });
    for (const name of ['Start all', 'Stop all', 'Restart all']) {
      expect(button(name).disabled).toBe(true);
    }
  });

  it('start every site in one call, busy until main answers', async () => {
    const fake = createFakeApi([
      siteStatus({ site: 'a', name: 'shop', state: 'stopped' }),
      siteStatus({ site: 'b', name: 'blog', state: 'stopped' }),
    ]);
    const reply = deferred<Result<BatchOutcome>>();
    fake.api.startAll.mockReturnValueOnce(reply.promise);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.click(button('Start all'));
    await userEvent.click(button('Start all'));

    expect(fake.api.startAll).toHaveBeenCalledTimes(1);
    expect(button('Start all').getAttribute('aria-busy')).toBe('true');
    expect(button('Stop all').disabled).toBe(true);
    expect(button('Restart all').disabled).toBe(true);
    const shop = screen.getByRole('listitem', { name: 'shop' });
    expect(within(shop).getByTestId('busy-label').textContent).toBe('Starting…');
    expect(
      (within(shop).getByRole('switch', { name: 'Queue worker for shop' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);

    const statuses = [
      siteStatus({ site: 'a', name: 'shop', state: 'running' }),
      siteStatus({ site: 'b', name: 'blog', state: 'running' }),
    ];
    fake.setSites(statuses);
    await act(async () => reply.resolve(ok({ statuses, failures: [] })));

    await waitFor(() => expect(button('Start all').disabled).toBe(false));
    expect(badgeOf('shop')).toBe('Running');
    expect(badgeOf('blog')).toBe('Running');
    expect(within(shop).queryByTestId('busy-label')).toBeNull();
    expect(screen.getByText('Started all 2 sites.')).toBeTruthy();
  });

  it('show a failure in the row of the site that failed', async () => {
    const fake = createFakeApi([
      siteStatus({ site: 'a', name: 'shop', state: 'running' }),
      siteStatus({ site: 'b', name: 'blog', state: 'running' }),
    ]);
    fake.api.restartAll.mockImplementationOnce(async () => {
      const shop = siteStatus({ site: 'a', name: 'shop', state: 'running' });
      return ok({
        statuses: [shop],
        failures: [
          {
            site: 'b',
            name: 'blog',
            error: { code: 'UNIT_START_FAILED', message: 'systemd could not restart blog.' },
          },
        ],
      });
    });
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.click(button('Restart all'));

    const blog = screen.getByRole('listitem', { name: 'blog' });
    const alert = await within(blog).findByRole('alert');
    expect(alert.textContent).toContain('Could not restart the queue worker');
    expect(alert.textContent).toContain('systemd could not restart blog.');
    expect(within(screen.getByRole('listitem', { name: 'shop' })).queryByRole('alert')).toBeNull();
    expect(screen.getByText('Restarted 1 of 2 sites. Could not restart blog.')).toBeTruthy();
  });

  it('show a notice when the whole call fails', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    fake.api.stopAll.mockResolvedValueOnce(
      failure({ code: 'NO_USER_MANAGER', message: 'The systemd user manager is not reachable.' }),
    );
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.click(button('Stop all'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not stop all sites');
    expect(alert.textContent).toContain('The systemd user manager is not reachable.');
    await waitFor(() => expect(button('Stop all').disabled).toBe(false));
    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
