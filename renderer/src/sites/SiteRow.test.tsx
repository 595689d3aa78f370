// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, SiteStatus } from '../../../main/ipc/contract';
import { createFakeApi, deferred, failure, ok, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

const badgeOf = (name: string) =>
  within(screen.getByRole('listitem', { name })).getByTestId('state-badge').textContent;

describe('SiteRow toggle', () => {
  it('starts a stopped worker, showing only what main returned', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]);
    const reply = deferred<Result<SiteStatus>>();
    fake.api.startWorkers.mockReturnValueOnce(reply.promise);
    renderApp(fake);
    const toggle = await screen.findByRole('switch', { name: 'Queue worker for shop' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');

    await userEvent.click(toggle);
    await userEvent.click(toggle);
    await userEvent.dblClick(toggle);

    expect(fake.api.startWorkers).toHaveBeenCalledTimes(1);
    expect(fake.api.startWorkers).toHaveBeenCalledWith('a');
    expect(fake.api.stopWorkers).not.toHaveBeenCalled();
    const row = screen.getByRole('listitem', { name: 'shop' });
    expect(badgeOf('shop')).toBe('Stopped');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect((toggle as HTMLButtonElement).disabled).toBe(true);
    expect(row.getAttribute('aria-busy')).toBe('true');
    expect(within(row).getByTestId('busy-label').textContent).toBe('Starting…');

    const running = siteStatus({ site: 'a', name: 'shop', state: 'running' });
    fake.setSites([running]);
    await act(async () => reply.resolve(ok(running)));

    await waitFor(() => expect(row.getAttribute('aria-busy')).toBeNull());
    expect(badgeOf('shop')).toBe('Running');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect((toggle as HTMLButtonElement).disabled).toBe(false);
    expect(within(row).queryByTestId('busy-label')).toBeNull();
    // Re-read after the action: once at load, once after the start.
    expect(fake.api.getStatus).toHaveBeenCalledTimes(2);
  });

  it('stops a running worker with the keyboard', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'running' })]);
    renderApp(fake);
    const toggle = await screen.findByRole('switch', { name: 'Queue worker for shop' });

    toggle.focus();
    await userEvent.keyboard(' ');

    expect(fake.api.stopWorkers).toHaveBeenCalledWith('a');
    await waitFor(() => expect(badgeOf('shop')).toBe('Stopped'));
  });

  it('starts a failed worker', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'failed' })]);
    renderApp(fake);
    await userEvent.click(await screen.findByRole('switch', { name: 'Queue worker for shop' }));
    expect(fake.api.startWorkers).toHaveBeenCalledWith('a');
  });

  it('shows an error result in the row, with its detail, until dismissed', async () => {
    const fake = createFakeApi([
      siteStatus({ site: 'a', name: 'shop', state: 'stopped' }),
      siteStatus({ site: 'b', name: 'blog', state: 'stopped' }),
    ]);
    fake.api.startWorkers.mockResolvedValueOnce(
      failure({
        code: 'UNIT_START_FAILED',
        message: 'systemd could not start the worker for shop.',
        detail: 'Job for servermark-worker failed.',
      }),
    );
    renderApp(fake);
    await userEvent.click(await screen.findByRole('switch', { name: 'Queue worker for shop' }));

    const row = screen.getByRole('listitem', { name: 'shop' });
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toContain('systemd could not start the worker for shop.');
    expect(alert.querySelector('details')?.textContent).toContain(
      'Job for servermark-worker failed.',
    );
    expect(within(screen.getByRole('listitem', { name: 'blog' })).queryByRole('alert')).toBeNull();
    await waitFor(() => expect(row.getAttribute('aria-busy')).toBeNull());
    expect(badgeOf('shop')).toBe('Stopped');

    await userEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(within(row).queryByRole('alert')).toBeNull();
  });
});

describe('SiteRow remove', () => {
  it('asks first; Escape cancels and returns focus to the Remove button', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    renderApp(fake);
    const remove = await screen.findByRole('button', { name: 'Remove shop' });

    await userEvent.click(remove);
    const dialog = screen.getByRole('dialog', { name: 'Remove shop?' });
    expect(dialog.textContent).toContain('will be stopped and its systemd unit removed');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await userEvent.tab();
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Remove site' }),
    );
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(remove);
    expect(fake.api.removeSite).not.toHaveBeenCalled();
  });

  it('removes the site after confirmation', async () => {
    const fake = createFakeApi([
      siteStatus({ site: 'a', name: 'shop' }),
      siteStatus({ site: 'b', name: 'blog' }),
    ]);
    const reply = deferred<Result<null>>();
    fake.api.removeSite.mockReturnValueOnce(reply.promise);
    renderApp(fake);

    await userEvent.click(await screen.findByRole('button', { name: 'Remove shop' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove site' }));

    expect(fake.api.removeSite).toHaveBeenCalledWith('a');
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = screen.getByRole('listitem', { name: 'shop' });
    expect(within(row).getByTestId('busy-label').textContent).toBe('Removing…');

    fake.setSites([siteStatus({ site: 'b', name: 'blog' })]);
    await act(async () => reply.resolve(ok(null)));

    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'shop' })).toBeNull());
    expect(screen.getByRole('listitem', { name: 'blog' })).toBeTruthy();
  });

  it('keeps the site and shows why when removal fails', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    fake.api.removeSite.mockResolvedValueOnce(
      failure({ code: 'SYSTEMD_FAILED', message: 'systemctl stop failed.' }),
    );
    renderApp(fake);

    await userEvent.click(await screen.findByRole('button', { name: 'Remove shop' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove site' }));

    const row = screen.getByRole('listitem', { name: 'shop' });
    expect((await within(row).findByRole('alert')).textContent).toContain('systemctl stop failed.');
  });
});
