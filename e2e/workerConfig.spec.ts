import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { queueWorkProcessesIn } from '../main/testing/queueWorkProcesses';
import { waitFor } from '../main/testing/waitFor';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/laravelSites';
import { screenshotPath } from './support/screenshotPath';

/** The unit files of every ServerMark worker, with their text: what systemd would run. */
async function unitFiles(unitDir: string): Promise<Record<string, string>> {
  const names = (await readdir(unitDir).catch(() => [] as string[])).filter((name) =>
    name.startsWith('servermark-queue-'),
  );
  const files: Record<string, string> = {};
  for (const name of names.sort()) {
    files[name] = await readFile(join(unitDir, name), 'utf8').catch(() => '(a directory or link)');
  }
  return files;
}

async function openWorkerSettings(page: Page, site: string) {
  await page
    .getByRole('listitem', { name: site })
    .getByRole('button', { name: `Configure ${site}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Worker settings · ${site}` });
  await expect(dialog.getByRole('form', { name: 'Settings of worker default' })).toBeVisible();
  return dialog;
}

test('edit a running worker in the window: queue emails, 2 processes; it restarts with them', async ({
  app,
  laravelSites,
}) => {
  test.setTimeout(150_000);
  const { page } = app;
  const shop = await laravelSites.add('shop');
  await app.outside.startWorkers(shop.site.id);
  const row = page.getByRole('listitem', { name: 'shop' });
  await expect(row.getByTestId('state-badge')).toHaveText('Running');

  const dialog = await openWorkerSettings(page, 'shop');
  // The site runs Laravel 8.83: --json (11.27+) is offered but off, and says why.
  const json = dialog.getByRole('switch', { name: 'JSON output' });
  await expect(json).toBeDisabled();
  await expect(dialog.getByText('Needs Laravel 11.27+ (this site runs 8.83.26).')).toBeVisible();
  // retry_after comes from the app's own config/queue.php.
  await expect(dialog.getByText(/retry_after 90 s/)).toBeVisible();

  const newQueue = dialog.getByRole('textbox', { name: 'New queue name' });
  await newQueue.fill('emails');
  await newQueue.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Queues' })).toContainText('emails');
  await dialog.getByRole('spinbutton', { name: 'Processes' }).fill('2');
  await dialog.getByRole('button', { name: 'Save and restart' }).click();

  await expect(dialog.getByRole('status')).toHaveText(
    'Saved. Restarted 2 processes with the new settings.',
  );
  await expect(dialog.getByTestId('worker-command')).toContainText('--queue=emails');
  await expect(dialog.getByTestId('worker-live-state')).toHaveText(/2 of 2 processes running/, {
    timeout: 30_000,
  });
  await expect(row).toContainText('2 of 2 running');

  // systemd runs two instances, each a real queue:work on "emails" in the site's folder.
  const [status] = await app.outside.status();
  expect(status?.workers[0]?.units).toHaveLength(2);
  expect(status?.workers[0]?.running).toBe(2);
  await waitFor(
    'two queue:work --queue=emails processes',
    () => {
      const processes = queueWorkProcessesIn(shop.fixture.path);
      return processes.length === 2 && processes.every((p) => p.argv.includes('--queue=emails'));
    },
    { timeoutMs: 30_000 },
  );
  const job = await shop.fixture.dispatch({ queue: 'emails' });
  await shop.fixture.waitForProcessed(job, 30_000);
  // A job on "default" is not this worker's any more: it waits.
  await shop.fixture.dispatch({ queue: 'default' });
  await page.waitForTimeout(5000);
  expect(await shop.fixture.pendingCount('default')).toBe(1);
});

test('an invalid value shows main’s message under its field, and nothing changes', async ({
  app,
  laravelSites,
}) => {
  const { page } = app;
  const shop = await laravelSites.add('shop');
  await app.outside.startWorkers(shop.site.id);
  await expect(page.getByRole('listitem', { name: 'shop' }).getByTestId('state-badge')).toHaveText(
    'Running',
  );
  const unitsBefore = await unitFiles(app.outside.paths.unitDir);
  const pidsBefore = queueWorkProcessesIn(shop.fixture.path).map((p) => p.pid);
  expect(pidsBefore).toHaveLength(1);

  const dialog = await openWorkerSettings(page, 'shop');
  const memory = dialog.getByRole('spinbutton', { name: 'Memory limit' });
  const php = dialog.getByRole('textbox', { name: 'PHP binary' });
  await memory.fill('8');
  await php.fill('/nonexistent/php8.2');
  await dialog.getByRole('button', { name: 'Save and restart' }).click();

  await expect(memory).toHaveAttribute('aria-invalid', 'true');
  await expect(memory).toHaveAccessibleDescription(/Must be a whole number from 16 to 65536\./);
  await expect(php).toHaveAttribute('aria-invalid', 'true');
  await expect(php).toHaveAccessibleDescription(/\/nonexistent\/php8\.2/);
  await expect(dialog.getByRole('alert')).toContainText('Nothing was saved: 2 values need fixing.');
  await expect(memory).toBeFocused();
  await expectNoSeriousViolations(page, 'worker settings with field errors');

  // Nothing was written and nothing restarted.
  const config = await app.outside.workerConfig(shop.site.id);
  expect(config.workers[0]?.options.memory).toBe(128);
  expect(config.workers[0]?.options.php).toBeNull();
  expect(await unitFiles(app.outside.paths.unitDir)).toEqual(unitsBefore);
  expect(queueWorkProcessesIn(shop.fixture.path).map((p) => p.pid)).toEqual(pidsBefore);
});

test('screenshots of the worker settings, light and dark', async ({ app, laravelSites }) => {
  const { page } = app;
  const shop = await laravelSites.add('shop');
  // A worker with real traps, so its warnings show beside their fields.
  await app.outside.configureWorker(shop.site.id, 'default', {
    queues: ['high', 'default'],
    timeout: 95,
    processes: 2,
  });
  await app.outside.addWorker(shop.site.id, 'emails', { queues: ['emails'] });
  await app.outside.startWorkers(shop.site.id);
  await expect(page.getByRole('listitem', { name: 'shop' }).getByTestId('state-badge')).toHaveText(
    'Running',
  );

  const dialog = await openWorkerSettings(page, 'shop');
  await expect(dialog.getByTestId('worker-live-state')).toHaveText(/2 of 2 processes running/, {
    timeout: 30_000,
  });
  await expect(dialog.getByText(/is not below retry_after/)).toBeVisible();
  const jobs = dialog.getByRole('heading', { name: 'Jobs' });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.mouse.move(0, 0);
    await dialog.locator('.worker-form__body').evaluate((body) => body.scrollTo(0, 0));
    await expectNoSeriousViolations(page, `worker settings (${colorScheme})`);
    await page.screenshot({
      path: screenshotPath(`worker-config-${colorScheme}`),
      animations: 'disabled',
      caret: 'hide',
    });
    // The Jobs section, with main's warning beside the timeout.
    await jobs.evaluate((heading) =>
      heading.closest('section')?.scrollIntoView({ block: 'start' }),
    );
    await page.screenshot({
      path: screenshotPath(`worker-config-jobs-${colorScheme}`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
});
