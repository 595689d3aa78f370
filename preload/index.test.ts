import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, PUSH_CHANNELS, type PushChannel } from '../main/ipc/contract';

// The real preload, with Electron replaced by recorders: what crosses the bridge is what the
// page gets, so this is the page's whole reach into main.
const exposed = new Map<string, unknown>();
const ipcListeners = new Map<string, Set<(...args: unknown[]) => void>>();
const invoked: Array<{ channel: string; args: unknown[] }> = [];
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = ipcListeners.get(channel) ?? new Set();
      ipcListeners.set(channel, set);
      set.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      ipcListeners.get(channel)?.delete(listener),
    send: () => {
      throw new Error('the preload must not use ipcRenderer.send');
    },
    sendSync: () => {
      throw new Error('the preload must not use ipcRenderer.sendSync');
    },
  },
}));

await import('./index');
const api = exposed.get('servermark') as Record<string, unknown>;

/** Main pushing `payload` on `channel`, with the event object Electron passes first. */
function pushFromMain(channel: PushChannel, payload: unknown) {
  const event = { sender: { send: () => undefined }, ports: [], senderFrame: {} };
  for (const listener of ipcListeners.get(channel) ?? []) listener(event, payload);
}

describe('the preload bridge', () => {
  it('exposes one object, window.servermark, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['servermark']);
  });

  it('exposes only functions: no ipcRenderer, no channel-taking send, no data', () => {
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
    }
    const names = Object.keys(api);
    for (const raw of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'emit']) {
      expect(names).not.toContain(raw);
    }
  });

  it('calls only contract channels, with the payload shapes main validates', async () => {
    const calls: Array<[string, unknown[]]> = [
      ['getStatus', []],
      ['removeSite', ['abcd1234']],
      ['startWorkers', ['abcd1234']],
      ['runPreflight', []],
      ['scanReconcile', []],
      ['applyReconcile', ['orphan:abcd1234', 'remove']],
      ['recoverRegistry', []],
    ];
    for (const [name, args] of calls) await (api[name] as (...a: unknown[]) => unknown)(...args);
    expect(invoked.map((i) => i.channel)).toEqual([
      'sites:status',
      'sites:remove',
      'workers:start',
      'preflight:run',
      'reconcile:scan',
      'reconcile:apply',
      'registry:recover',
    ]);
    for (const { channel } of invoked) expect(INVOKE_CHANNELS).toContain(channel);
    expect(invoked.at(-2)!.args).toEqual([{ findingId: 'orphan:abcd1234', action: 'remove' }]);
  });

  it.each(PUSH_CHANNELS)(
    'passes %s listeners the payload only, never the event object',
    (channel) => {
      const received: unknown[][] = [];
      const unsubscribers = Object.entries(api)
        .filter(([name]) => /^on[A-Z]/.test(name))
        .map(([, subscribe]) =>
          (subscribe as (l: (...args: unknown[]) => void) => () => void)((...args) =>
            received.push(args),
          ),
        );
      const payload = { marker: channel };
      pushFromMain(channel, payload);
      expect(received).toEqual([[payload]]);
      for (const unsubscribe of unsubscribers) unsubscribe();
      pushFromMain(channel, payload);
      expect(received).toHaveLength(1);
    },
  );

  it('has a subscription for every push channel', () => {
    const subscribed = new Set<string>();
    const subscriptions = Object.entries(api).filter(([name]) => /^on[A-Z]/.test(name));
    for (const [, subscribe] of subscriptions) {
      const before = new Set([...ipcListeners].flatMap(([c, l]) => (l.size ? [c] : [])));
      const stop = (subscribe as (l: () => void) => () => void)(() => undefined);
      for (const [channel, listeners] of ipcListeners)
        if (listeners.size && !before.has(channel)) subscribed.add(channel);
      stop();
    }
    expect([...subscribed].sort()).toEqual([...PUSH_CHANNELS].sort());
  });
});
