import type { Page } from '@playwright/test';
import { expect, test } from './support/laravelSites';
import { screenshotPath } from './support/screenshotPath';

// The README's screenshots, taken of the real app: real sites, real systemd, a real crash loop.

/** The whole window, with no pointer hover, caret or animation caught half-way. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled', caret: 'hide' });
}

test('screenshots of the window in light and dark, with details and settings', async ({
  app,
  laravelSites,
}) => {
  test.setTimeout(180_000);
  const { page } = app;

  const shop = await laravelSites.add('shop');
  const billing = await laravelSites.add('billing-api');
  const newsletter = await laravelSites.add('newsletter');
  // Two processes for the shop, as a busier app would run.
  await app.outside.registry.update((file) => {
    const record = file.sites.find((site) => site.id === shop.site.id);
    record!.workers[0]!.options.processes = 2;
  });

  // The shop runs and processes a job; the newsletter's worker dies at every start.
  await app.outside.startWorkers(shop.site.id);
  await shop.fixture.waitForProcessed(await shop.fixture.dispatch(), 30_000);
  await newsletter.fixture.breakArtisan();
  await app.outside.startWorkers(newsletter.site.id);

  const newsletterRow = page.getByRole('listitem', { name: 'newsletter' });
  await expect(newsletterRow.getByTestId('state-badge')).toHaveText('Failed', { timeout: 60_000 });
  await expect(newsletterRow).toContainText('Crash loop');
  await expect(page.getByRole('listitem', { name: 'shop' }).getByTestId('state-badge')).toHaveText(
    'Running',
  );
  await expect(
    page.getByRole('listitem', { name: 'billing-api' }).getByTestId('state-badge'),
  ).toHaveText('Stopped');
  expect(billing.site.name).toBe('billing-api');

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await shoot(page, `window-${colorScheme}`);
  }

  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Details for shop' }).click();
  await expect(page.getByRole('region', { name: 'Details for shop' })).toContainText('up ');
  await shoot(page, 'details-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shoot(page, 'details-dark');

  await page.getByRole('button', { name: 'Details for shop' }).click();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByRole('switch', { name: 'Notifications' })).toBeVisible();
  await shoot(page, 'settings-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, 'settings-light');
});
