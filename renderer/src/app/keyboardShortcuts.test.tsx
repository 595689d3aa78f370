// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

describe('keyboard', () => {
  it('Ctrl+N adds a site, and the button says so', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.keyboard('{Control>}n{/Control}');

    expect(fake.api.addSite).toHaveBeenCalledTimes(1);
    const add = screen.getByRole('button', { name: 'Add site' });
    expect(add.getAttribute('aria-keyshortcuts')).toBe('Control+N');
    expect(add.getAttribute('title')).toContain('Ctrl+N');
  });

  it('reaches every control with Tab, and Space toggles the focused switch', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop', state: 'stopped' })]);
    renderApp(fake);
    const toggle = await screen.findByRole('switch', { name: 'Queue worker for shop' });

    const reached: string[] = [];
    for (let i = 0; i < 20 && document.activeElement !== toggle; i += 1) {
      await userEvent.tab();
      const active = document.activeElement as HTMLElement & {
        labels?: NodeListOf<HTMLLabelElement>;
      };
      // The accessible name, as far as these controls go: aria-label, a <label>, or the text.
      reached.push(
        active.getAttribute('aria-label') ??
          active.labels?.[0]?.textContent ??
          active.textContent ??
          '',
      );
    }
    expect(reached).toEqual([
      'Start all',
      'Stop all',
      'Restart all',
      'Settings',
      'Add site',
      'Filter sites by name or path',
      'Sort by',
      'Queue worker for shop',
    ]);
    await userEvent.keyboard(' ');
    expect(fake.api.startWorkers).toHaveBeenCalledWith('a');
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Details for shop' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Logs for shop' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Configure shop' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove shop' }));
  });

  it('Ctrl+, opens the settings, and shortcuts rest while a dialog is open', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    renderApp(fake);
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.keyboard('{Control>},{/Control}');

    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    await userEvent.keyboard('{Control>}n{/Control}');
    expect(fake.api.addSite).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog.isConnected).toBe(false));
  });
});
