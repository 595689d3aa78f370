import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, FakeWebContents } from '../testing/fakeElectron';
import { INVOKE_CHANNELS } from '../ipc/contract';
import type { InvokeHandlers } from '../ipc/dispatch';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

const { createMainWindow } = await import('./mainWindow');
const { lockDownContents, lockDownSession } = await import('./webSecurity');
const { registerIpcHandlers } = await import('./ipcBridge');
const { createDispatch } = await import('../ipc/dispatch');
const { isTrustedSender } = await import('../security/trustedSender');

const RENDERER_URL = 'file:///app/dist/renderer/index.html';
const files = {
  rendererFile: '/app/dist/renderer/index.html',
  preloadFile: '/app/dist/preload/index.cjs',
  rendererUrl: RENDERER_URL,
};

describe('main window', () => {
  beforeEach(() => (FakeBrowserWindow.created.length = 0));

  it('runs the page isolated, sandboxed, without Node, with our preload only', () => {
    createMainWindow(files, { show: true });
    const prefs = FakeBrowserWindow.created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: files.preloadFile,
    });
    expect(FakeBrowserWindow.created[0]!.loadedFile).toBe(files.rendererFile);
  });
});

describe('web contents lock-down', () => {
  it('blocks navigation away from the app, redirects and webviews', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as never, RENDERER_URL);
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', RENDERER_URL)).toBe(false);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only allow-listed URLs outside', () => {
    const contents = new FakeWebContents();
    lockDownContents(contents as never, RENDERER_URL);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler!({ url: 'https://laravel.com/docs/8.x/queues' })).toEqual({
      action: 'deny',
    });
    expect(fake.opened).toEqual(['https://laravel.com/docs/8.x/queues']);
  });

  it('denies every permission request and check', () => {
    const calls: Array<[string, unknown]> = [];
    const session = {
      setPermissionRequestHandler: (
        h: (c: unknown, p: string, cb: (ok: boolean) => void) => void,
      ) => h(null, 'notifications', (ok) => calls.push(['request', ok])),
      setPermissionCheckHandler: (h: () => boolean) => calls.push(['check', h()]),
    };
    lockDownSession(session as never);
    expect(calls).toEqual([
      ['request', false],
      ['check', false],
    ]);
  });
});

describe('IPC bridge', () => {
  const ran: string[] = [];
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [channel, async () => (ran.push(channel), 'done')]),
  ) as unknown as InvokeHandlers;
  registerIpcHandlers(createDispatch(handlers, (sender) => isTrustedSender(sender, RENDERER_URL)));

  const event = (url: string, top = true) => {
    const mainFrame = { url };
    return { sender: { mainFrame }, senderFrame: top ? mainFrame : { url } };
  };
  const call = (channel: string, payload: unknown, ev = event(RENDERER_URL)) =>
    (fake.handlers.get(channel)! as (e: unknown, p: unknown) => Promise<unknown>)(ev, payload);

  beforeEach(() => (ran.length = 0));

  it('registers exactly the contract channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it.each(INVOKE_CHANNELS)('%s refuses a foreign page and a sub-frame', async (channel) => {
    const payload =
      channel.startsWith('workers:') || channel === 'sites:remove' ? { siteId: 'abcd1234' } : {};
    expect(await call(channel, payload, event('https://evil.example/'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call(channel, payload, event(RENDERER_URL, false))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(ran).toEqual([]);
  });

  it.each(INVOKE_CHANNELS)('%s refuses malformed payloads', async (channel) => {
    for (const bad of [
      null,
      'x',
      42,
      [],
      { siteId: '../../etc' },
      { siteId: 'abcd1234', path: '/tmp' },
      { extra: 1 },
    ]) {
      expect(await call(channel, bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(ran).toEqual([]);
  });

  it('runs the handler for a well-formed request from our window', async () => {
    expect(await call('workers:start', { siteId: 'abcd1234' })).toEqual({
      ok: true,
      value: 'done',
    });
    expect(ran).toEqual(['workers:start']);
  });
});
