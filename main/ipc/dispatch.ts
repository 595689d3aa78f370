import { toErrorView } from '../core/errors/serverMarkError';
import {
  isInvokeChannel,
  type InvokeChannel,
  type InvokeRequest,
  type InvokeResponse,
  type Result,
} from './contract';
import { REQUEST_SCHEMAS } from './requestSchemas';
import type { SenderInfo } from '../security/trustedSender';

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>>;
};

export type Dispatch = (
  channel: unknown,
  payload: unknown,
  sender: SenderInfo,
) => Promise<Result<unknown>>;

/**
 * Every IPC request passes here: unknown channel, untrusted sender or malformed payload
 * are refused as values, so the renderer can show why and main never runs the handler.
 */
export function createDispatch(
  handlers: InvokeHandlers,
  isTrustedSender: (sender: SenderInfo) => boolean,
): Dispatch {
  return async (channel, payload, sender) => {
    if (!isInvokeChannel(channel)) {
      return {
        ok: false,
        error: { code: 'INVALID_REQUEST', message: `Unknown channel ${String(channel)}.` },
      };
    }
    if (!isTrustedSender(sender)) {
      return {
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'This request did not come from the ServerMark window.',
        },
      };
    }
    const parsed = REQUEST_SCHEMAS[channel].safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      return {
        ok: false,
        error: {
          code: 'INVALID_REQUEST',
          message: `Invalid ${channel} request${where}: ${issue?.message ?? 'malformed'}.`,
        },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorView(error) };
    }
  };
}
