import { z } from 'zod';
import { FINDING_ID_PATTERN, RECONCILE_ACTIONS } from '../core/reconcile/finding';
import type { InvokeChannel, InvokeRequest } from './contract';

const siteId = z.string().regex(/^[a-z0-9]{8}$/, 'a site id is 8 lowercase letters or digits');
const empty = z.object({}).strict();
const siteRequest = z.object({ siteId }).strict();
const reconcileApply = z
  .object({
    findingId: z.string().max(260).regex(FINDING_ID_PATTERN, 'not a finding id'),
    action: z.enum(RECONCILE_ACTIONS),
  })
  .strict();

/** The only payload shapes main accepts; anything else is refused before a handler runs. */
export const REQUEST_SCHEMAS = {
  'sites:status': empty,
  'sites:add': empty,
  'sites:remove': siteRequest,
  'workers:start': siteRequest,
  'workers:stop': siteRequest,
  'workers:restart': siteRequest,
  'workers:start-all': empty,
  'workers:stop-all': empty,
  'workers:restart-all': empty,
  'preflight:run': empty,
  'reconcile:scan': empty,
  'reconcile:apply': reconcileApply,
  'registry:recover': empty,
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeRequest<C>> };
