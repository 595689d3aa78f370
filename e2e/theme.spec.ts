import { DEFAULT_SETTINGS } from '../main/core/settings/settings';
import { expect, test } from './support/serverMarkTest';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Settings live in the user manager's config dir, shared by the tests after this one.
test.afterEach(async ({ app }) => {
  const { quitNoticeShown: _kept, ...defaults } = DEFAULT_SETTINGS;
  await app.outside.settings.update(defaults);
});

test('the theme follows the system, and a choice in Settings overrides it and persists', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();

  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background(page);
  expect(dark).not.toBe(light);

  // The system says light; the user picks dark.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(dark);
  expect((await app.outside.settings.read()).theme).toBe('dark');

  // Saved by main: a new window comes up dark while the system stays light.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe(dark);

  // Back to following the system.
  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog.getByRole('radio', { name: 'Match system' }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(await background(page)).toBe(light);
  expect((await app.outside.settings.read()).theme).toBe('system');
});
