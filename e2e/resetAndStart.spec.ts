import { expect, test } from './support/serverMarkTest';

test('a crash-looping worker shows Failed with why, and Reset and start brings it back once fixed', async ({
  app,
  laravel,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await app.outside.addSite({ directory: laravel.path, name: 'shop' });
  const row = page.getByRole('listitem', { name: 'shop' });
  const badge = row.getByTestId('state-badge');
  await expect(badge).toHaveText('Stopped');

  // Its artisan dies at every start: systemd restarts it until the start limit, then gives up.
  await laravel.breakArtisan();
  await row.getByRole('switch', { name: 'Queue worker for shop' }).click();
  await expect(badge).toHaveText('Failed', { timeout: 60_000 });
  await expect(row).toContainText('Crash loop');
  await row.getByRole('button', { name: 'Details for shop' }).click();
  const details = page.getByRole('region', { name: 'Details for shop' });
  await expect(details.getByTestId('unit-state')).toHaveText('Failed');
  await expect(details).toContainText('failed/failed');
  expect(Number(await details.getByTestId('unit-restarts').textContent())).toBeGreaterThan(0);

  // The one action on offer, once the cause is fixed.
  await laravel.fixArtisan();
  const reset = row.getByRole('button', { name: 'Reset and start shop' });
  await expect(page.getByRole('button', { name: /Reset and start/ })).toHaveCount(1);
  await reset.click();

  await expect(badge).toHaveText('Running', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: /Reset and start/ })).toHaveCount(0);
  await expect(details.getByTestId('unit-uptime')).toContainText('up ');
  await expect(details.getByTestId('unit-restarts')).toHaveText('0');
  // Really running queue:work again: a job gets processed.
  await laravel.waitForProcessed(await laravel.dispatch(), 30_000);
  const [status] = await app.outside.status();
  expect(status?.state).toBe('running');
});
