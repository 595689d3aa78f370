import { DEFAULT_SETTINGS } from '../main/core/settings/settings';
import { expect, test } from './support/serverMarkTest';

// Settings live in the user manager's config dir, shared by the tests after this one.
test.afterEach(async ({ app }) => {
  const { quitNoticeShown: _kept, ...defaults } = DEFAULT_SETTINGS;
  await app.outside.settings.update(defaults);
});

test('Settings saves what changed through main, and shows main refusing a bad PHP path', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });

  // A path that is no PHP binary: main checks it and writes nothing.
  await dialog.getByRole('textbox', { name: 'Default PHP for new sites' }).fill('/nonexistent/php');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Settings were not saved');
  await expect(dialog.getByRole('alert')).toContainText('/nonexistent/php');
  expect((await app.outside.settings.read()).defaultPhp).toBeNull();

  await dialog.getByRole('textbox', { name: 'Default PHP for new sites' }).fill('');
  await dialog.getByRole('switch', { name: 'Notifications' }).uncheck();
  await dialog.getByRole('spinbutton', { name: 'Log size cap' }).fill('25');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  const saved = await app.outside.settings.read();
  expect(saved.notifications).toBe(false);
  expect(saved.logMaxBytes).toBe(25 * 1024 * 1024);
  expect(saved.defaultPhp).toBeNull();

  // Opened again, it shows what main stored.
  await page.keyboard.press('Control+Comma');
  await expect(dialog.getByRole('switch', { name: 'Notifications' })).not.toBeChecked();
  await expect(dialog.getByRole('spinbutton', { name: 'Log size cap' })).toHaveValue('25');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
