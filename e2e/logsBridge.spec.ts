// The log channels through the real preload API in the page, against a real worker: what the
// log view is built on. The page follows, a job runs, its Processed line is pushed in.
import { expect, test } from './support/serverMarkTest';

type Collected = Array<{ followId: string; lines: Array<{ text: string; kind: string }> }>;
type PageWithLines = typeof window & { __logLines?: Collected };

test('the window can read, follow and open a worker log over IPC', async ({ app, laravel }) => {
  const site = await app.outside.addSite({ directory: laravel.path });
  await app.outside.startWorkers(site.id);
  const { page } = app;

  const started = await page.evaluate(async (siteId) => {
    const w: PageWithLines = window;
    const collected: Collected = (w.__logLines = []);
    w.servermark.onLogLines((message) => collected.push(message));
    return w.servermark.followLog(siteId, 'default', 10);
  }, site.id);
  expect(started.ok).toBe(true);
  const followId = started.ok ? started.value.followId : '';

  const job = await laravel.dispatch();
  await laravel.waitForProcessed(job, 30_000);
  const pushed = () =>
    page.evaluate(() =>
      ((window as PageWithLines).__logLines ?? []).flatMap((m) =>
        m.lines.map((l) => `${m.followId} ${l.kind} ${l.text}`),
      ),
    );
  await expect
    .poll(pushed, { timeout: 30_000 })
    .toContainEqual(expect.stringMatching(new RegExp(`^${followId} processed .*FixtureJob$`)));

  const read = await page.evaluate(
    (siteId) => window.servermark.readLog(siteId, 'default', 50),
    site.id,
  );
  expect(read.ok && read.value.lines.some((l) => l.kind === 'servermark')).toBe(true);
  // The browser harness records the open; the Electron window would launch a real editor.
  if (test.info().project.name === 'browser') {
    const opened = await page.evaluate(
      (siteId) => window.servermark.openLog(siteId, 'default'),
      site.id,
    );
    expect(opened).toEqual({ ok: true, value: { opened: read.ok ? read.value.files[0] : '' } });
  }
  const stopped = await page.evaluate((id) => window.servermark.unfollowLog(id), followId);
  expect(stopped).toEqual({ ok: true, value: true });
});
