import { HOSTILE_DIR_NAME } from '../main/testing/hostilePath';
import { expect, test } from './support/serverMarkTest';

test('keyboard only: Ctrl+N adds a site, Tab reaches its switch with a visible focus ring, Space toggles it', async ({
  app,
  laravel,
}) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();

  await app.chooseDirectory(laravel.path);
  await page.keyboard.press('Control+n');
  const row = page.getByRole('listitem', { name: HOSTILE_DIR_NAME });
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped');

  const toggle = row.getByRole('switch', { name: `Queue worker for ${HOSTILE_DIR_NAME}` });
  await page.locator('body').focus();
  for (
    let i = 0;
    i < 15 && !(await toggle.evaluate((el) => el === document.activeElement));
    i += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(toggle).toBeFocused();
  const outline = await toggle.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: style.outlineWidth };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBe('2px');

  await page.keyboard.press('Space');
  await expect(row.getByTestId('state-badge')).toHaveText('Running');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped');

  // The details open from the keyboard too.
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: `Details for ${HOSTILE_DIR_NAME}` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Details for ${HOSTILE_DIR_NAME}` })).toBeVisible();
});
