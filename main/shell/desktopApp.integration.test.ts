// The whole desktop app (tray, window, notifications, quit) wired to the real core, a real
// systemd user manager and a real Laravel app; only the `electron` module is a stand-in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServerMark, type ServerMark } from '../core/serverMark';
import {
  createFakeElectron,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
} from '../testing/fakeElectron';
import { createLaravelFixture, type LaravelFixture } from '../testing/laravelFixture';
import { startUserManager, type UserManager } from '../testing/userManager';
import { waitFor } from '../testing/waitFor';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);
const { startDesktopApp } = await import('./desktopApp');

describe('the desktop app over a real user manager', () => {
  let root: string;
  let manager: UserManager;
  let app: LaravelFixture;
  let terminal: ServerMark;
  const tray = () => FakeTray.created.at(-1)!;
  const item = (label: RegExp) => tray().menu.find((entry) => label.test(entry.label ?? ''));

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'servermark-desktop-'));
    [manager, app] = await Promise.all([
      startUserManager(),
      createLaravelFixture(join(root, 'shop')),
    ]);
    // The app reads the environment as a desktop session would hand it over.
    Object.assign(process.env, manager.env);
    terminal = createServerMark({ env: manager.env });
    await startDesktopApp({ distDir: join(root, 'dist'), hidden: false });
  });

  afterAll(async () => {
    for (const site of await terminal.listSites()) await terminal.removeSite(site.id);
    await manager?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('opens the window and a tray that says, before any site exists, that there is none', async () => {
    expect(FakeBrowserWindow.created).toHaveLength(1);
    await waitFor('the empty tray', () => item(/No sites yet/));
    expect(tray().tooltip).toBe('ServerMark — no sites yet');
  });

  it('shows a site added from a terminal, and its tray checkbox starts the worker', async () => {
    await terminal.addSite({ directory: app.path });
    const siteItem = await waitFor('the site in the tray', () => item(/^shop — stopped$/));
    expect(siteItem.checked).toBe(false);
    siteItem.click!();
    await waitFor('running in the tray', () => item(/^shop — running$/)?.checked === true, {
      timeoutMs: 15_000,
    });
    expect(tray().tooltip).toBe('ServerMark — 1 of 1 worker running');
    expect(tray().image).toEqual({ path: expect.stringMatching(/running\.png$/) });
    const window = FakeBrowserWindow.created[0]!;
    const pushed = window.webContents.sent.filter((m) => m.channel === 'status:changed').at(-1);
    expect(pushed?.payload).toMatchObject([{ name: 'shop', state: 'running' }]);
  });

  it('notifies once when the worker starts crash-looping; the click opens the window on it', async () => {
    await app.breakArtisan();
    try {
      await terminal.restartWorkers('shop');
      const [notice] = await waitFor(
        'a notification',
        () => (FakeNotification.shown.length ? FakeNotification.shown : null),
        { timeoutMs: 30_000 },
      );
      expect(notice!.options.title).toBe('shop: worker is crash-looping');
      await waitFor('the problem icon', () =>
        /problem\.png$/.test((tray().image as { path: string }).path),
      );
      expect(FakeNotification.shown).toHaveLength(1);
      notice!.click();
      const window = FakeBrowserWindow.created.at(-1)!;
      expect(window.webContents.sent.at(-1)).toEqual({
        channel: 'ui:focus-site',
        payload: { siteId: expect.any(String) },
      });
    } finally {
      await app.fixArtisan();
    }
  });

  it('closing the window hides it to the tray; Quit says once that the workers keep running', async () => {
    await terminal.startWorkers('shop');
    await waitFor('running again', () => item(/^shop — running$/));
    const window = FakeBrowserWindow.created.at(-1)!;
    expect(window.close()).toBe(true);
    expect(window.destroyed).toBe(false);

    item(/^Quit ServerMark$/)!.click!();
    await waitFor('the app to quit', () => fake.app.quitCalls === 1);
    expect(fake.messageBoxes).toHaveLength(1);
    expect(fake.messageBoxes[0]!.message).toContain('keep running');
    expect((await terminal.settings.read()).quitNoticeShown).toBe(true);
    // Quitting the app is not stopping the workers: they are systemd services.
    expect((await terminal.status())[0]?.state).toBe('running');
  });
});
