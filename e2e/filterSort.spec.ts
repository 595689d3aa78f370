import { expect, test } from './support/laravelSites';

test('filter by name or path and sort by name, state or path', async ({ app, laravelSites }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await laravelSites.add('shop');
  await laravelSites.add('billing-api');
  const newsletter = await laravelSites.add('newsletter');
  await app.outside.startWorkers(newsletter.site.id);

  const list = page.getByRole('list', { name: 'Sites' });
  const rows = list.getByRole('listitem');
  const names = () => rows.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
  await expect(
    page.getByRole('listitem', { name: 'newsletter' }).getByTestId('state-badge'),
  ).toHaveText('Running');
  await expect.poll(names).toEqual(['billing-api', 'newsletter', 'shop']);

  // Ctrl+F jumps to the filter; it matches names and paths, whatever the case.
  await page.keyboard.press('Control+f');
  const filter = page.getByRole('searchbox', { name: 'Filter sites by name or path' });
  await expect(filter).toBeFocused();
  await page.keyboard.type('SHOP');
  await expect.poll(names).toEqual(['shop']);
  await filter.fill('/code/b');
  await expect.poll(names).toEqual(['billing-api']);
  await filter.fill('laravel-9');
  await expect(page.getByRole('heading', { name: 'No sites match “laravel-9”' })).toBeVisible();
  await expect(list).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect.poll(names).toEqual(['billing-api', 'newsletter', 'shop']);

  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await sort.selectOption({ label: 'State (failed first)' });
  await expect.poll(names).toEqual(['newsletter', 'billing-api', 'shop']);
  await sort.selectOption({ label: 'Path' });
  await expect.poll(names).toEqual(['billing-api', 'newsletter', 'shop']);
  await sort.selectOption({ label: 'Name' });

  // A change from outside re-sorts the list: the failed one comes first.
  await newsletter.fixture.breakArtisan();
  await app.outside.restartWorkers(newsletter.site.id);
  await sort.selectOption({ label: 'State (failed first)' });
  await expect(
    page.getByRole('listitem', { name: 'newsletter' }).getByTestId('state-badge'),
  ).toHaveText('Failed', { timeout: 60_000 });
  await expect.poll(names).toEqual(['newsletter', 'billing-api', 'shop']);
});
