import { describe, expect, it, vi } from 'vitest';
import type { ServerMark } from '../core/serverMark';
import { createDispatch } from './dispatch';
import { createInvokeHandlers } from './invokeHandlers';

const REPORT = { findings: [], adopted: [], systemdProblem: null, scannedAt: 'now' };

function setUp() {
  const health = {
    preflight: vi.fn(async () => ({ checks: [], ranAt: 'now' })),
    scan: vi.fn(async () => REPORT),
    apply: vi.fn(async (findingId: string, action: string) => ({
      findingId,
      action,
      message: 'Done.',
    })),
    recoverRegistry: vi.fn(async () => ({ movedTo: '/x.corrupt-1', reason: 'bad' })),
  };
  const core = { health } as unknown as ServerMark;
  const handlers = createInvokeHandlers({ core, pickDirectory: async () => null });
  const dispatch = createDispatch(handlers, () => true);
  const sender = { url: 'file:///app/index.html', isMainFrame: true };
  return {
    health,
    call: (channel: string, payload: unknown) => dispatch(channel, payload, sender),
  };
}

describe('health channels', () => {
  it('reconcile:apply hands main the ids only, and answers with what is left', async () => {
    const { health, call } = setUp();
    expect(
      await call('reconcile:apply', { findingId: 'orphan:abcd1234', action: 'remove' }),
    ).toEqual({
      ok: true,
      value: {
        outcome: { findingId: 'orphan:abcd1234', action: 'remove', message: 'Done.' },
        report: REPORT,
      },
    });
    expect(health.apply).toHaveBeenCalledWith('orphan:abcd1234', 'remove');
  });

  it.each([
    { findingId: 'orphan:abcd1234' },
    { action: 'remove' },
    { findingId: 'orphan:abcd1234', action: 'exec' },
    { findingId: 'orphan:abcd1234', action: 'rm -rf /' },
    { findingId: 'orphan:abcd1234', action: ['remove'] },
    { findingId: '../../etc/passwd', action: 'remove' },
    { findingId: '/home/me/.config/servermark/registry.json', action: 'remove' },
    { findingId: 'legacy:x\n[Service]', action: 'migrate' },
    { findingId: 'legacy:x y', action: 'migrate' },
    { findingId: 'legacy:x\u0000', action: 'migrate' },
    { findingId: `legacy:${'a'.repeat(300)}`, action: 'migrate' },
    { findingId: 42, action: 'remove' },
    { findingId: 'orphan:abcd1234', action: 'remove', path: '/tmp' },
    { findingId: 'orphan:abcd1234', action: 'remove', unit: 'evil.service' },
  ])('reconcile:apply refuses %j before main acts', async (payload) => {
    const { health, call } = setUp();
    expect(await call('reconcile:apply', payload)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(health.apply).not.toHaveBeenCalled();
  });

  it('registry:recover takes no path: the window cannot choose what is moved', async () => {
    const { health, call } = setUp();
    for (const payload of [{ path: '/etc/passwd' }, { file: 'registry.json' }, null]) {
      expect(await call('registry:recover', payload)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_REQUEST' },
      });
    }
    expect(health.recoverRegistry).not.toHaveBeenCalled();
    expect(await call('registry:recover', {})).toEqual({
      ok: true,
      value: { movedTo: '/x.corrupt-1', reason: 'bad' },
    });
  });

  it('preflight:run and reconcile:scan answer from the core', async () => {
    const { call } = setUp();
    expect(await call('preflight:run', {})).toEqual({
      ok: true,
      value: { checks: [], ranAt: 'now' },
    });
    expect(await call('reconcile:scan', {})).toEqual({ ok: true, value: REPORT });
  });

  it('errors from the core cross as values the window can show', async () => {
    const { health, call } = setUp();
    const { ServerMarkError } = await import('../core/errors/serverMarkError');
    health.apply.mockRejectedValueOnce(
      new ServerMarkError('NOT_APPLICABLE', 'The problem is gone.'),
    );
    expect(
      await call('reconcile:apply', { findingId: 'drift:x@.service', action: 'rewrite' }),
    ).toEqual({ ok: false, error: { code: 'NOT_APPLICABLE', message: 'The problem is gone.' } });
  });
});
