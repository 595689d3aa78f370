import { _electron, chromium, test as base, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServerMark, type ServerMark } from '../../main/core/serverMark';
import { createDispatch } from '../../main/ipc/dispatch';
import { createInvokeHandlers } from '../../main/ipc/invokeHandlers';
import { createLogFollows, type LogLinesMessage } from '../../main/ipc/logFollows';
import { isTrustedSender } from '../../main/security/trustedSender';
import { createLaravelFixture, type LaravelFixture } from '../../main/testing/laravelFixture';
import { HOSTILE_DIR_NAME } from '../../main/testing/hostilePath';
import { startUserManager, type UserManager } from '../../main/testing/userManager';
import { findElectronBinary } from './electronBinary';
import { serveDirectory } from './staticServer';

export type WindowKind = 'browser' | 'electron';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The app window under test, whichever shell hosts it. */
export interface ServerMarkWindow {
  page: Page;
  /** The folder the next "Add site" picks, as a user would in the native dialog. */
  chooseDirectory(path: string): Promise<void>;
  /** A core on the same registry and user manager, as a terminal user (CLI) would have. */
  outside: ServerMark;
  /** `systemctl --user …` typed in a terminal, outside the app. */
  systemctl(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }>;
}

async function browserPreloadScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'e2e/support/browserPreload.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export const test = base.extend<
  { windowKind: WindowKind; app: ServerMarkWindow; laravel: LaravelFixture },
  { userManager: UserManager }
>({
  windowKind: ['browser', { option: true }],

  userManager: [
    async ({}, use) => {
      const manager = await startUserManager();
      await use(manager);
      await manager.stop();
    },
    { scope: 'worker' },
  ],

  laravel: async ({ userManager }, use) => {
    const parent = await mkdtemp(join(tmpdir(), 'servermark-e2e-'));
    const fixture = await createLaravelFixture(join(parent, HOSTILE_DIR_NAME));
    await use(fixture);
    // Leave no worker behind for the next test, whatever the test did.
    const core = createServerMark({ env: userManager.env });
    for (const site of await core.listSites()) await core.removeSite(site.id);
    await rm(parent, { recursive: true, force: true });
  },

  app: async ({ windowKind, userManager }, use, testInfo) => {
    const outside = createServerMark({ env: userManager.env });
    const systemctl = (args: string[]) => userManager.systemctl(args);
    if (windowKind === 'electron') {
      const electron = findElectronBinary(ROOT);
      if ('missing' in electron) {
        testInfo.skip(true, electron.missing);
        return;
      }
      const app = await _electron.launch({
        executablePath: electron.path,
        args: [ROOT, '--no-sandbox'],
        env: { ...userManager.env } as Record<string, string>,
      });
      const page = await app.firstWindow();
      await use({
        page,
        outside,
        systemctl,
        async chooseDirectory(path) {
          await app.evaluate(({ dialog }, chosen) => {
            dialog.showOpenDialog = (async () => ({
              canceled: false,
              filePaths: [chosen],
            })) as never;
          }, path);
        },
      });
      await app.close();
      return;
    }

    const core = createServerMark({ env: userManager.env });
    const picks: string[] = [];
    const server = await serveDirectory(join(ROOT, 'dist', 'renderer'));
    // Log follows push to the page as the shell pushes to the window; "open" is only recorded.
    let toPage: (message: LogLinesMessage) => void = () => undefined;
    const logFollows = createLogFollows(core.logs, (message) => toPage(message));
    const dispatch = createDispatch(
      createInvokeHandlers({
        core,
        pickDirectory: async () => picks.shift() ?? null,
        logFollows,
        openPath: async () => '',
      }),
      (sender) => isTrustedSender(sender, server.url),
    );
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    await page.exposeBinding(
      '__servermarkInvoke',
      ({ frame }, channel: unknown, payload: unknown) =>
        dispatch(channel, payload, { url: frame.url(), isMainFrame: frame === page.mainFrame() }),
    );
    await page.addInitScript({ content: await browserPreloadScript() });
    toPage = (message) =>
      void page
        .evaluate(([channel, payload]) => window.__servermarkPush(channel, payload), [
          'logs:lines',
          message,
        ] as const)
        .catch(() => undefined);
    const unsubscribe = core.onStatus((statuses) => {
      void page
        .evaluate(([channel, payload]) => window.__servermarkPush(channel, payload), [
          'status:changed',
          statuses,
        ] as const)
        .catch(() => undefined);
    });
    // Live state as the desktop app runs it: D-Bus signals, re-read, pushed to the window.
    const live = await core.startLive();
    await page.goto(server.url);
    await use({ page, outside, systemctl, chooseDirectory: async (path) => void picks.push(path) });
    live.stop();
    await logFollows.stopAll();
    core.close();
    unsubscribe();
    await browser.close();
    await server.close();
  },
});

export { expect } from '@playwright/test';
