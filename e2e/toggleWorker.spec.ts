import { readdir } from 'node:fs/promises';
import { HOSTILE_DIR_NAME } from '../main/testing/hostilePath';
import { expect, test } from './support/serverMarkTest';

test('add a Laravel site, toggle its worker on, a queued job runs, toggle it off', async ({
  app,
  laravel,
}, testInfo) => {
  const { page } = app;
  await app.chooseDirectory(laravel.path);
  await page
    .getByRole('button', { name: /^Add (your first )?site$/ })
    .first()
    .click();

  const row = page.getByRole('listitem', { name: HOSTILE_DIR_NAME });
  const badge = row.getByTestId('state-badge');
  const toggle = row.getByRole('switch', { name: `Queue worker for ${HOSTILE_DIR_NAME}` });
  await expect(badge).toHaveText('Stopped');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');

  await toggle.click();
  await expect(badge).toHaveText('Running');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  // The worker really runs queue:work for this site: a dispatched job gets processed.
  const job = await laravel.dispatch();
  await laravel.waitForProcessed(job, 30_000);
  await page.screenshot({ path: testInfo.outputPath('running.png') });

  await toggle.click();
  await expect(badge).toHaveText('Stopped');
  const [status] = await app.outside.status();
  expect(status?.state).toBe('stopped');
  const unitFiles = await readdir(app.outside.paths.unitDir).catch(() => []);
  expect(unitFiles.filter((name) => name.startsWith('servermark-queue-'))).toEqual([]);
});

test('a worker that cannot start shows why, in its row', async ({ app, laravel }) => {
  const { page } = app;
  await app.chooseDirectory(laravel.path);
  await page
    .getByRole('button', { name: /^Add (your first )?site$/ })
    .first()
    .click();
  const row = page.getByRole('listitem', { name: HOSTILE_DIR_NAME });
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped');

  // The site's PHP binary disappears: starting must fail with a message, not pretend to run.
  const [site] = await app.outside.listSites();
  await app.outside.registry.update((file) => {
    file.sites[0]!.php = '/nonexistent/php8.2';
  });
  expect(site).toBeDefined();
  await row.getByRole('switch').click();
  await expect(row.getByRole('alert')).toContainText('/nonexistent/php8.2');
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped');
});
