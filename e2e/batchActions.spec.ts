import { expect, test } from './support/laravelSites';

test('Start all and Stop all drive every site at once', async ({ app, laravelSites }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await expect(page.getByRole('button', { name: 'Start all', exact: true })).toBeDisabled();

  const shop = await laravelSites.add('shop');
  const blog = await laravelSites.add('blog');
  const badge = (name: string) => page.getByRole('listitem', { name }).getByTestId('state-badge');
  await expect(badge('shop')).toHaveText('Stopped');
  await expect(badge('blog')).toHaveText('Stopped');

  await page.getByRole('button', { name: 'Start all', exact: true }).click();
  await expect(badge('shop')).toHaveText('Running');
  await expect(badge('blog')).toHaveText('Running');
  await expect(page.getByRole('button', { name: 'Start all', exact: true })).toBeEnabled();
  // Both really work their queues.
  await Promise.all([
    shop.fixture.waitForProcessed(await shop.fixture.dispatch(), 30_000),
    blog.fixture.waitForProcessed(await blog.fixture.dispatch(), 30_000),
  ]);

  await page.getByRole('button', { name: 'Stop all' }).click();
  await expect(badge('shop')).toHaveText('Stopped');
  await expect(badge('blog')).toHaveText('Stopped');
  const statuses = await app.outside.status();
  expect(statuses.map((s) => s.state)).toEqual(['stopped', 'stopped']);
  await expect(page.getByRole('status').filter({ hasText: 'Stopped all 2 sites.' })).toBeAttached();
});
