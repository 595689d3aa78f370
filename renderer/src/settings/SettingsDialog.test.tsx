// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeApi, failure, siteStatus } from '../testing/fakeServerMarkApi';
import { renderApp, teardownApp } from '../testing/renderApp';

afterEach(teardownApp);

const theme = () => document.documentElement.getAttribute('data-theme');

async function openSettings() {
  await screen.findByRole('listitem', { name: 'shop' });
  await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.findByRole('dialog', { name: 'Settings' });
}

function setup() {
  const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
  renderApp(fake);
  return fake;
}

describe('Settings', () => {
  it('applies the stored theme at start', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    await fake.api.setSettings({ theme: 'dark' });
    renderApp(fake);
    await waitFor(() => expect(theme()).toBe('dark'));
  });

  it('shows what main stored, and saves only what changed', async () => {
    const fake = setup();
    const dialog = await openSettings();
    expect(document.activeElement).toBe(
      within(dialog).getByRole('button', { name: 'Close settings' }),
    );
    expect(within(dialog).getByRole('radio', { name: 'Match system' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(dialog).getByRole('switch', { name: 'Notifications' })).toHaveProperty(
      'checked',
      true,
    );
    expect(within(dialog).getByRole('switch', { name: 'Start at login' })).toHaveProperty(
      'checked',
      false,
    );
    expect(within(dialog).getByRole('switch', { name: 'Close to tray' })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      (
        within(dialog).getByRole('textbox', {
          name: 'Default PHP for new sites',
        }) as HTMLInputElement
      ).value,
    ).toBe('');
    const cap = within(dialog).getByRole('spinbutton', {
      name: 'Log size cap',
    }) as HTMLInputElement;
    expect(cap.value).toBe('10');

    await userEvent.click(within(dialog).getByRole('switch', { name: 'Start at login' }));
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Default PHP for new sites' }),
      '/usr/bin/php8.3',
    );
    await userEvent.clear(cap);
    await userEvent.type(cap, '25');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(fake.api.setSettings).toHaveBeenCalledWith({
      startAtLogin: true,
      defaultPhp: '/usr/bin/php8.3',
      logMaxBytes: 25 * 1024 * 1024,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('Settings saved.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));
  });

  it('previews a theme at once, keeps it on Save, and puts the saved one back on Cancel', async () => {
    const fake = setup();
    let dialog = await openSettings();

    await userEvent.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    expect(theme()).toBe('dark');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(theme()).toBeNull();
    expect(fake.api.setSettings).not.toHaveBeenCalled();

    dialog = await openSettings();
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Light' }));
    expect(theme()).toBe('light');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(fake.api.setSettings).toHaveBeenCalledWith({ theme: 'light' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(theme()).toBe('light');
    expect(fake.storedSettings().theme).toBe('light');
  });

  it('shows why main refused a change, and keeps the dialog open', async () => {
    const fake = setup();
    fake.api.setSettings.mockResolvedValueOnce(
      failure({ code: 'PHP_NOT_FOUND', message: '/opt/php is not a PHP binary.' }),
    );
    const dialog = await openSettings();

    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Default PHP for new sites' }),
      '/opt/php',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Settings were not saved');
    expect(alert.textContent).toContain('/opt/php is not a PHP binary.');
    expect(screen.getByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('asks for a number of MiB before sending anything', async () => {
    const fake = setup();
    const dialog = await openSettings();
    const cap = within(dialog).getByRole('spinbutton', { name: 'Log size cap' });

    await userEvent.clear(cap);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(fake.api.setSettings).not.toHaveBeenCalled();
    expect(cap.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(cap);
    expect(within(dialog).getByText('Enter the log size cap in MiB, for example 10.')).toBeTruthy();
  });

  it('says so when the settings cannot be read, with a Retry', async () => {
    const fake = createFakeApi([siteStatus({ site: 'a', name: 'shop' })]);
    const unreadable = failure({
      code: 'REGISTRY_CORRUPT',
      message: 'The settings file is not valid JSON.',
    });
    // Once at start, once more when the dialog opens; then the file is fixed.
    fake.api.getSettings.mockResolvedValueOnce(unreadable).mockResolvedValueOnce(unreadable);
    renderApp(fake);
    const dialog = await openSettings();

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'The settings file is not valid JSON.',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('switch', { name: 'Notifications' })).toBeTruthy();
  });
});
