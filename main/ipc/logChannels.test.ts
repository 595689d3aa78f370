import { describe, expect, it, vi } from 'vitest';
import { ServerMarkError } from '../core/errors/serverMarkError';
import type { LogLine } from '../core/logs/logLine';
import type { WorkerLogs } from '../core/logs/workerLogs';
import type { ServerMark } from '../core/serverMark';
import { createDispatch } from './dispatch';
import { createInvokeHandlers, type HandlerDependencies } from './invokeHandlers';
import { createLogFollows, MAX_FOLLOWS, type LogLinesMessage } from './logFollows';

const FILE = '/home/me/.local/state/servermark/logs/servermark-queue-shop_k3j9x2ab_default@1.log';
const READ = { lines: [], files: [FILE], source: 'files' as const, more: false };
const LINE: LogLine = { text: 'Processed', instance: '1', kind: 'processed' };

function setUp(extra: Partial<HandlerDependencies> = {}) {
  const deliveries: Array<(lines: LogLine[]) => void> = [];
  const stopped: number[] = [];
  const logs = {
    read: vi.fn(async () => READ),
    follow: vi.fn(async (_site: string, _request: unknown, onLines: (l: LogLine[]) => void) => {
      const index = deliveries.push(onLines) - 1;
      return {
        initial: READ,
        check: async () => undefined,
        stop: async () => void stopped.push(index),
      };
    }),
    fileToOpen: vi.fn(async () => FILE),
  };
  const core = { logs: logs as unknown as WorkerLogs } as unknown as ServerMark;
  const pushed: LogLinesMessage[] = [];
  const logFollows = createLogFollows(core.logs, (message) => pushed.push(message));
  const openPath = vi.fn(async (_path: string) => '');
  const handlers = createInvokeHandlers({
    core,
    pickDirectory: async () => null,
    openPath,
    logFollows,
    ...extra,
  });
  const dispatch = createDispatch(handlers, () => true);
  const sender = { url: 'file:///app/index.html', isMainFrame: true };
  return {
    logs,
    logFollows,
    openPath,
    pushed,
    deliveries,
    stopped,
    call: (channel: string, payload: unknown) => dispatch(channel, payload, sender),
  };
}

describe('log channels', () => {
  it('logs:read asks the core for one worker, with an optional line count', async () => {
    const { logs, call } = setUp();
    expect(await call('logs:read', { siteId: 'k3j9x2ab', worker: 'default', lines: 500 })).toEqual({
      ok: true,
      value: READ,
    });
    expect(logs.read).toHaveBeenCalledWith('k3j9x2ab', { worker: 'default', lines: 500 });
    await call('logs:read', { siteId: 'k3j9x2ab', worker: 'emails' });
    expect(logs.read).toHaveBeenLastCalledWith('k3j9x2ab', { worker: 'emails', lines: undefined });
  });

  it.each([
    ['logs:read', { siteId: 'k3j9x2ab', worker: 'default', lines: 100_001 }],
    ['logs:read', { siteId: 'k3j9x2ab', worker: 'default', lines: -1 }],
    ['logs:read', { siteId: 'k3j9x2ab', worker: 'default', lines: 1.5 }],
    ['logs:read', { siteId: 'k3j9x2ab', worker: '../../etc' }],
    ['logs:read', { siteId: 'k3j9x2ab' }],
    ['logs:follow', { siteId: 'k3j9x2ab', worker: 'Default' }],
    ['logs:open', { siteId: 'k3j9x2ab', worker: 'default', path: '/etc/passwd' }],
    ['logs:open', { siteId: 'k3j9x2ab', worker: 'default', file: FILE }],
    ['logs:unfollow', { followId: 'not-a-uuid' }],
    ['logs:unfollow', { followId: '../x' }],
  ])('%s refuses %j before the core sees it', async (channel, payload) => {
    const { logs, openPath, call } = setUp();
    expect(await call(channel, payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(logs.read).not.toHaveBeenCalled();
    expect(logs.follow).not.toHaveBeenCalled();
    expect(openPath).not.toHaveBeenCalled();
  });

  it('logs:open opens the file main picked, and says where it is when that fails', async () => {
    const { logs, openPath, call } = setUp();
    expect(await call('logs:open', { siteId: 'k3j9x2ab', worker: 'default' })).toEqual({
      ok: true,
      value: { opened: FILE },
    });
    expect(logs.fileToOpen).toHaveBeenCalledWith('k3j9x2ab', 'default');
    expect(openPath).toHaveBeenCalledWith(FILE);

    openPath.mockResolvedValueOnce('No application is registered as handling this file');
    expect(await call('logs:open', { siteId: 'k3j9x2ab', worker: 'default' })).toEqual({
      ok: false,
      error: {
        code: 'OPEN_FAILED',
        message: `The log could not be opened (No application is registered as handling this file). It is ${FILE}.`,
      },
    });
  });

  it('logs:open passes on "no log yet" from the core, and is refused without an opener', async () => {
    const { logs, openPath, call } = setUp();
    logs.fileToOpen.mockRejectedValueOnce(new ServerMarkError('LOG_NOT_FOUND', 'No log yet.'));
    expect(await call('logs:open', { siteId: 'k3j9x2ab', worker: 'default' })).toMatchObject({
      ok: false,
      error: { code: 'LOG_NOT_FOUND' },
    });
    expect(openPath).not.toHaveBeenCalled();
    const bare = setUp({ openPath: undefined });
    expect(await bare.call('logs:open', { siteId: 'k3j9x2ab', worker: 'default' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('logs:follow answers with an id and the first lines, then pushes batches under that id', async () => {
    const { logs, pushed, deliveries, stopped, call } = setUp();
    const started = await call('logs:follow', { siteId: 'k3j9x2ab', worker: 'default', lines: 50 });
    expect(started).toEqual({
      ok: true,
      value: { ...READ, followId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(logs.follow).toHaveBeenCalledWith(
      'k3j9x2ab',
      { worker: 'default', lines: 50 },
      expect.any(Function),
    );
    const followId = (started as { value: { followId: string } }).value.followId;
    deliveries[0]!([LINE]);
    expect(pushed).toEqual([{ followId, lines: [LINE] }]);

    expect(await call('logs:unfollow', { followId })).toEqual({ ok: true, value: true });
    expect(stopped).toEqual([0]);
    deliveries[0]!([LINE]); // A batch already on its way is dropped once unfollowed.
    expect(pushed).toHaveLength(1);
    expect(await call('logs:unfollow', { followId })).toEqual({ ok: true, value: false });
  });

  it('stopAll() ends every follow (the window went away)', async () => {
    const { logFollows, stopped, call } = setUp();
    await call('logs:follow', { siteId: 'k3j9x2ab', worker: 'default' });
    await call('logs:follow', { siteId: 'k3j9x2ab', worker: 'emails' });
    expect(logFollows.size).toBe(2);
    await logFollows.stopAll();
    expect(logFollows.size).toBe(0);
    expect(stopped.sort()).toEqual([0, 1]);
  });

  it(`refuses a follow beyond ${MAX_FOLLOWS} at once instead of leaking them`, async () => {
    const { logFollows, call } = setUp();
    for (let i = 0; i < MAX_FOLLOWS; i++) {
      expect((await call('logs:follow', { siteId: 'k3j9x2ab', worker: 'default' })).ok).toBe(true);
    }
    expect(await call('logs:follow', { siteId: 'k3j9x2ab', worker: 'default' })).toMatchObject({
      ok: false,
      error: { code: 'BUSY' },
    });
    expect(logFollows.size).toBe(MAX_FOLLOWS);
  });
});
