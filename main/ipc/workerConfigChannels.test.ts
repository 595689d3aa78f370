import { describe, expect, it } from 'vitest';
import { createDispatch, type InvokeHandlers } from './dispatch';
import { INVOKE_CHANNELS, type InvokeChannel } from './contract';
import { createInvokeHandlers } from './invokeHandlers';
import type { ServerMark } from '../core/serverMark';

// The real handlers over a core that records what reached it: the channel's schema is the only gate.
function setup() {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return { recorded: name };
    };
  const core = {
    workerConfig: record('workerConfig'),
    configureWorker: record('configureWorker'),
    addWorker: record('addWorker'),
    removeWorker: record('removeWorker'),
  } as unknown as ServerMark;
  const handlers: InvokeHandlers = createInvokeHandlers({ core, pickDirectory: async () => null });
  const dispatch = createDispatch(handlers, () => true);
  const call = (channel: InvokeChannel, payload: unknown) =>
    dispatch(channel, payload, { url: 'file:///app/index.html', isMainFrame: true });
  return { calls, call };
}

describe('worker configuration channels', () => {
  it('are in the contract', () => {
    for (const channel of [
      'workers:config:get',
      'workers:config:set',
      'workers:add',
      'workers:remove',
    ] as const) {
      expect(INVOKE_CHANNELS).toContain(channel);
    }
  });

  it('pass well-formed requests to the core', async () => {
    const { calls, call } = setup();
    await call('workers:config:get', { siteId: 'abcd1234' });
    await call('workers:config:set', {
      siteId: 'abcd1234',
      worker: 'default',
      patch: { queues: ['emails'], processes: 3, php: '/usr/bin/php8.3' },
    });
    await call('workers:add', { siteId: 'abcd1234', worker: 'emails' });
    await call('workers:remove', { siteId: 'abcd1234', worker: 'emails' });
    expect(calls).toEqual([
      ['workerConfig', 'abcd1234'],
      [
        'configureWorker',
        'abcd1234',
        'default',
        { queues: ['emails'], processes: 3, php: '/usr/bin/php8.3' },
      ],
      ['addWorker', 'abcd1234', 'emails'],
      ['removeWorker', 'abcd1234', 'emails'],
    ]);
  });

  it('let bad option values through to the core, which answers per field', async () => {
    const { calls, call } = setup();
    const result = await call('workers:config:set', {
      siteId: 'abcd1234',
      worker: 'default',
      patch: { sleep: -1, queues: 'not a list', timeout: Number.NaN },
    });
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('refuse unknown option names, extra fields, bad worker names and missing parts', async () => {
    const { calls, call } = setup();
    const bad: Array<[InvokeChannel, unknown]> = [
      ['workers:config:set', { siteId: 'abcd1234', worker: 'default', patch: { command: 'rm' } }],
      [
        'workers:config:set',
        { siteId: 'abcd1234', worker: 'default', patch: { sleep: 1 }, path: '/' },
      ],
      ['workers:config:set', { siteId: 'abcd1234', worker: '../x', patch: {} }],
      ['workers:config:set', { siteId: 'abcd1234', worker: 'default' }],
      ['workers:config:set', { siteId: 'abcd1234', worker: 'default', patch: [] }],
      ['workers:config:set', { siteId: 'abcd1234', worker: 'default', patch: null }],
      ['workers:config:get', { siteId: 'abcd1234', worker: 'default' }],
      ['workers:remove', { siteId: 'abcd1234', worker: 'Default' }],
      ['workers:remove', { siteId: 'abcd1234' }],
      ['workers:add', { siteId: 'abcd1234', worker: 'x'.repeat(65) }],
      ['workers:add', { siteId: 'abcd1234', worker: 3 }],
    ];
    for (const [channel, payload] of bad) {
      expect(await call(channel, payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('hand a badly named new worker to the core, so the form can show why under the field', async () => {
    const { calls, call } = setup();
    await call('workers:add', { siteId: 'abcd1234', worker: 'Bad Name' });
    expect(calls).toEqual([['addWorker', 'abcd1234', 'Bad Name']]);
  });
});
