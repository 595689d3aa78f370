import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/laravelSites';
import { screenshotPath } from './support/screenshotPath';

async function openLogs(page: Page, site: string) {
  await page
    .getByRole('listitem', { name: site })
    .getByRole('button', { name: `Logs for ${site}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Logs · ${site}` });
  await expect(dialog).toBeVisible();
  return { dialog, lines: dialog.getByRole('list') };
}

test('a worker’s log follows live: a dispatched job shows up as Processed', async ({
  app,
  laravelSites,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  const shop = await laravelSites.add('shop');
  await app.outside.startWorkers(shop.site.id);
  await expect(page.getByRole('listitem', { name: 'shop' }).getByTestId('state-badge')).toHaveText(
    'Running',
  );

  const { dialog, lines } = await openLogs(page, 'shop');
  // ServerMark's own line for the start is already in the file.
  await expect(lines.getByRole('listitem').filter({ hasText: 'process 1 starting' })).toHaveCount(
    1,
    { timeout: 30_000 },
  );
  await expect(dialog.getByText('Following')).toBeVisible();

  const job = await shop.fixture.dispatch();
  const processed = lines.getByRole('listitem').filter({ hasText: 'Processed:' });
  await expect(processed).toHaveCount(1, { timeout: 30_000 });
  await expect(processed.locator('.log-line__kind')).toHaveText('Processed');
  await expect(processed).toHaveClass(/log-line--processed/);
  await shop.fixture.waitForProcessed(job, 5000);

  // Only Processed lines, and new ones keep arriving through the filter.
  await dialog.getByRole('button', { name: 'Processed', exact: true }).click();
  await expect(lines.getByRole('listitem')).toHaveCount(1);
  await shop.fixture.dispatch();
  await expect(lines.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });

  // Paused, lines still arrive and are counted; Follow shows them.
  await dialog.getByRole('button', { name: 'Pause' }).click();
  await shop.fixture.dispatch();
  await dialog.getByRole('button', { name: '1 new line' }).click({ timeout: 30_000 });
  await expect(lines.getByRole('listitem')).toHaveCount(3);
  await expect(dialog.getByRole('button', { name: 'Pause' })).toBeVisible();

  // "Open file" hands main the site and worker; main picks the file.
  await dialog.getByRole('button', { name: 'Open file' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Opened .*servermark-queue-shop_.*@1\.log/);

  await dialog.getByRole('button', { name: 'Close logs' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Logs for shop' })).toBeFocused();
});

test('screenshots of the log view, light and dark', async ({ app, laravelSites }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const shop = await laravelSites.add('shop');
  await app.outside.configureWorker(shop.site.id, 'default', { processes: 2 });
  await app.outside.startWorkers(shop.site.id);
  const jobs = [];
  for (let i = 0; i < 6; i++) jobs.push(await shop.fixture.dispatch({ fail: i === 3 }));
  for (const job of jobs) await shop.fixture.waitForProcessed(job, 30_000);

  const { dialog, lines } = await openLogs(page, 'shop');
  await expect(lines.getByRole('listitem').filter({ hasText: 'Failed:' }).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(dialog.getByText('Following')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.mouse.move(0, 0);
    await expectNoSeriousViolations(page, `log view (${colorScheme})`);
    await page.screenshot({
      path: screenshotPath(`logs-${colorScheme}`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
});
