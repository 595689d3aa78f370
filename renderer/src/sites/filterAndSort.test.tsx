// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

const rowNames = () =>
  within(screen.getByRole('list', { name: 'Sites' }))
    .getAllByRole('listitem')
    .map((row) => row.getAttribute('aria-label'));
const filterBox = () =>
  screen.getByRole('searchbox', { name: 'Filter sites by name or path' }) as HTMLInputElement;

function threeSites() {
  return createFakeApi([
    siteStatus({ site: 'a', name: 'shop', state: 'running', path: '/srv/www/shop' }),
    siteStatus({ site: 'b', name: 'Billing', state: 'failed', path: '/home/dev/billing' }),
    siteStatus({ site: 'c', name: 'api', state: 'stopped', path: '/home/dev/api' }),
  ]);
}

describe('filter', () => {
  it('keeps the sites whose name or path matches, ignoring case', async () => {
    renderApp(threeSites());
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.type(filterBox(), 'HOME/DEV');
    expect(rowNames()).toEqual(['api', 'Billing']);
    expect(screen.getByText('Showing 2 of 3 sites.')).toBeTruthy();

    await userEvent.clear(filterBox());
    await userEvent.type(filterBox(), 'bill');
    expect(rowNames()).toEqual(['Billing']);
  });

  it('says when nothing matches, with a way back', async () => {
    renderApp(threeSites());
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.type(filterBox(), 'wordpress');

    expect(screen.queryByRole('list', { name: 'Sites' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'No sites match “wordpress”' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show all sites' }));
    expect(rowNames()).toHaveLength(3);
  });

  it('clears with its button, or Escape, and Ctrl+F comes back to it', async () => {
    renderApp(threeSites());
    await screen.findByRole('listitem', { name: 'shop' });

    await userEvent.keyboard('{Control>}f{/Control}');
    expect(document.activeElement).toBe(filterBox());
    await userEvent.keyboard('shop');
    expect(rowNames()).toEqual(['shop']);
    await userEvent.keyboard('{Escape}');
    expect(filterBox().value).toBe('');
    expect(document.activeElement).toBe(filterBox());
    expect(rowNames()).toHaveLength(3);

    await userEvent.type(filterBox(), 'api');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    expect(filterBox().value).toBe('');
    expect(document.activeElement).toBe(filterBox());

    // Escape works from anywhere in the window, not only the field.
    await userEvent.type(filterBox(), 'api');
    screen.getByRole('switch', { name: 'Queue worker for api' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(filterBox().value).toBe('');
  });
});

describe('sort', () => {
  it('orders by name by default, then by state (failed first) or path', async () => {
    renderApp(threeSites());
    await screen.findByRole('listitem', { name: 'shop' });
    expect(rowNames()).toEqual(['api', 'Billing', 'shop']);

    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    await userEvent.selectOptions(sort, 'State (failed first)');
    expect(rowNames()).toEqual(['Billing', 'shop', 'api']);

    await userEvent.selectOptions(sort, 'Path');
    expect(rowNames()).toEqual(['api', 'Billing', 'shop']);
  });
});
