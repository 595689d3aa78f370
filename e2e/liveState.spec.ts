import { expect, test } from './support/serverMarkTest';

test('changes made outside the app appear in the window without a reload', async ({
  app,
  laravel,
}) => {
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Add your first site' })).toBeVisible();

  // A terminal user adds and starts the site with the CLI's core: the window follows.
  const site = await app.outside.addSite({ directory: laravel.path, name: 'shop' });
  const row = page.getByRole('listitem', { name: 'shop' });
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped');
  await app.outside.startWorkers(site.id);
  await expect(row.getByTestId('state-badge')).toHaveText('Running');

  // `systemctl --user stop` in a terminal.
  const [status] = await app.outside.status([site.id]);
  expect((await app.systemctl(['stop', status!.units[0]!])).exitCode).toBe(0);
  await expect(row.getByTestId('state-badge')).toHaveText('Stopped', { timeout: 2_000 });
  await expect(row.getByRole('switch')).toHaveAttribute('aria-checked', 'false');
});
