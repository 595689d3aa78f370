import { z } from 'zod';
import { FINDING_ID_PATTERN, RECONCILE_ACTIONS } from '../core/reconcile/finding';
import { MAX_LOG_LINES } from '../core/logs/workerLogs';
import { WORKER_NAME_PATTERN } from '../core/units/unitName';
import { settingsPatchSchema } from '../core/settings/settingsPatch';
import type { InvokeChannel, InvokeRequest } from './contract';

const siteId = z.string().regex(/^[a-z0-9]{8}$/, 'a site id is 8 lowercase letters or digits');
const empty = z.object({}).strict();
const siteRequest = z.object({ siteId }).strict();
const workerName = z
  .string()
  .regex(
    WORKER_NAME_PATTERN,
    'a worker name is 1 to 32 lowercase letters, digits and inner dashes',
  );
const workerRequest = z.object({ siteId, worker: workerName }).strict();
// Only the option names are checked here; the core checks each value and answers per field.
const anyValue = z.unknown().optional();
const workerPatch = z
  .object({
    connection: anyValue,
    queues: anyValue,
    sleep: anyValue,
    tries: anyValue,
    timeout: anyValue,
    backoff: anyValue,
    memory: anyValue,
    maxJobs: anyValue,
    maxTime: anyValue,
    rest: anyValue,
    force: anyValue,
    json: anyValue,
    processes: anyValue,
    stopWaitSeconds: anyValue,
    env: anyValue,
    php: anyValue,
  })
  .strict();
const logLines = z.number().int().min(0).max(MAX_LOG_LINES).optional();
const logRequest = z.object({ siteId, worker: workerName, lines: logLines }).strict();
const reconcileApply = z
  .object({
    findingId: z.string().max(260).regex(FINDING_ID_PATTERN, 'not a finding id'),
    action: z.enum(RECONCILE_ACTIONS),
  })
  .strict();

/** The only payload shapes main accepts; anything else is refused before a handler runs. */
export const REQUEST_SCHEMAS = {
  'sites:status': empty,
  'sites:list': empty,
  'sites:add': empty,
  'sites:scan': empty,
  'sites:remove': siteRequest,
  'workers:start': siteRequest,
  'workers:stop': siteRequest,
  'workers:restart': siteRequest,
  'workers:start-all': empty,
  'workers:stop-all': empty,
  'workers:restart-all': empty,
  'workers:config:get': siteRequest,
  'workers:config:set': z.object({ siteId, worker: workerName, patch: workerPatch }).strict(),
  // A new name is checked by the core, so a bad one comes back as a message under the field.
  'workers:add': z.object({ siteId, worker: z.string().max(64) }).strict(),
  'workers:remove': workerRequest,
  'preflight:run': empty,
  'reconcile:scan': empty,
  'reconcile:apply': reconcileApply,
  'registry:recover': empty,
  'settings:get': empty,
  'settings:set': z.object({ patch: settingsPatchSchema }).strict(),
  'logs:read': logRequest,
  'logs:follow': logRequest,
  'logs:unfollow': z.object({ followId: z.uuid() }).strict(),
  'logs:open': workerRequest,
} satisfies { [C in InvokeChannel]: z.ZodType<InvokeRequest<C>> };
