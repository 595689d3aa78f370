import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/laravelSites';

// axe-core on every screen the window has, in both colour schemes: no serious or critical issue.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`every screen passes axe-core (${colorScheme})`, async ({ app, laravelSites }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme });

    await expect(page.getByRole('heading', { name: 'No sites yet' })).toBeVisible();
    await expectNoSeriousViolations(page, 'empty');

    const shop = await laravelSites.add('shop');
    const blog = await laravelSites.add('blog');
    await app.outside.startWorkers(shop.site.id);
    // A crash loop, for the failure callout and its one action.
    await blog.fixture.breakArtisan();
    await app.outside.startWorkers(blog.site.id);
    const blogRow = page.getByRole('listitem', { name: 'blog' });
    await expect(blogRow.getByTestId('state-badge')).toHaveText('Failed', { timeout: 60_000 });
    await expect(
      page.getByRole('listitem', { name: 'shop' }).getByTestId('state-badge'),
    ).toHaveText('Running');
    await expectNoSeriousViolations(page, 'list');

    await page.getByRole('button', { name: 'Details for shop' }).click();
    await page.getByRole('button', { name: 'Details for blog' }).click();
    await expect(page.getByRole('region', { name: 'Details for shop' })).toContainText('up ');
    await expectNoSeriousViolations(page, 'details expanded');

    await page.getByRole('searchbox', { name: 'Filter sites by name or path' }).fill('nothing');
    await expect(page.getByRole('heading', { name: /No sites match/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'no match');
    await page.getByRole('button', { name: 'Show all sites' }).click();

    await page.getByRole('button', { name: 'Remove shop' }).click();
    await expect(page.getByRole('dialog', { name: 'Remove shop?' })).toBeVisible();
    await expectNoSeriousViolations(page, 'remove dialog');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Notifications' })).toBeVisible();
    await expectNoSeriousViolations(page, 'settings dialog');
    await page.keyboard.press('Escape');

    // Main reports that live state cannot be read, as it does when the user bus goes away.
    await page.evaluate(() =>
      window.__servermarkPush('status:problem', {
        code: 'NO_USER_MANAGER',
        message: 'The systemd user manager is not reachable. Log in again, or enable lingering.',
        detail: 'Failed to connect to bus: No such file or directory',
      }),
    );
    await expect(
      page.getByRole('alert').filter({ hasText: 'Live updates are paused' }),
    ).toBeVisible();
    await expectNoSeriousViolations(page, 'error banner');
  });
}
