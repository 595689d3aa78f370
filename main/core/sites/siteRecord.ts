import { z } from 'zod';
import {
  DEFAULT_WORKER_NAME,
  DEFAULT_WORKER_OPTIONS,
  type WorkerOptions,
} from '../workers/workerOptions';

const workerOptionsSchema = z.object({
  connection: z.string().nullable(),
  queues: z.array(z.string()),
  sleep: z.number(),
  tries: z.number(),
  timeout: z.number(),
  backoff: z.number(),
  memory: z.number(),
  maxJobs: z.number(),
  maxTime: z.number(),
  rest: z.number(),
  force: z.boolean(),
  json: z.boolean(),
  processes: z.number().int().min(1),
  stopWaitSeconds: z.number().nullable(),
  env: z.record(z.string(), z.string()),
  php: z.string().nullable(),
}) satisfies z.ZodType<WorkerOptions>;

export const workerRecordSchema = z.object({
  name: z.string(),
  // Options missing from an older file take today's defaults instead of failing the load.
  options: workerOptionsSchema.partial().transform((o) => ({ ...DEFAULT_WORKER_OPTIONS, ...o })),
});

export const siteRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{8}$/),
  name: z.string().min(1),
  path: z.string().startsWith('/'),
  php: z.string().startsWith('/'),
  laravelVersion: z.string().nullable(),
  addedAt: z.string(),
  workers: z.array(workerRecordSchema).min(1),
});

export const registryFileSchema = z.object({
  version: z.literal(1),
  sites: z.array(siteRecordSchema),
});

export type WorkerRecord = z.infer<typeof workerRecordSchema>;
export type SiteRecord = z.infer<typeof siteRecordSchema>;
export type RegistryFile = z.infer<typeof registryFileSchema>;

export function defaultWorkers(): WorkerRecord[] {
  return [
    { name: DEFAULT_WORKER_NAME, options: { ...DEFAULT_WORKER_OPTIONS, queues: [], env: {} } },
  ];
}
