import { ServerMarkError } from '../errors/serverMarkError';

export const UNIT_PREFIX = 'servermark-queue-';
const MAX_UNIT_NAME = 255;
const SLUG_MAX = 40;
export const WORKER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/;

/** A readable, unit-name-safe hint of the site; uniqueness comes from the site id, not this. */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return ascii || 'site';
}

export interface WorkerUnitNames {
  /** e.g. servermark-queue-shop_k3j9x2ab_default */
  prefix: string;
  /** e.g. servermark-queue-shop_k3j9x2ab_default@.service */
  template: string;
  /** e.g. servermark-queue-shop_k3j9x2ab_default@1.service … @N.service */
  instances: string[];
}

// `_` never appears in a slug, id or worker name, so the three parts can always be told apart.
export function workerUnitNames(
  site: { id: string; path: string },
  workerName: string,
  processes: number,
): WorkerUnitNames {
  if (!/^[a-z0-9]{8}$/.test(site.id)) {
    throw new ServerMarkError('INTERNAL', `Site id "${site.id}" is not in the expected format.`);
  }
  if (!WORKER_NAME_PATTERN.test(workerName)) {
    throw new ServerMarkError(
      'INVALID_NAME',
      `Worker name "${workerName}" is invalid: use 1 to 32 lowercase letters, digits and inner dashes.`,
    );
  }
  const base = site.path.split('/').filter(Boolean).pop() ?? '';
  const prefix = `${UNIT_PREFIX}${slugify(base)}_${site.id}_${workerName}`;
  const instances = Array.from({ length: processes }, (_, i) => `${prefix}@${i + 1}.service`);
  const longest = instances.at(-1) ?? `${prefix}@.service`;
  if (longest.length > MAX_UNIT_NAME) {
    throw new ServerMarkError('INTERNAL', `Unit name "${longest}" is over 255 characters.`);
  }
  return { prefix, template: `${prefix}@.service`, instances };
}

/** Parses our own unit names back into their parts; null for anything else. */
export function parseWorkerUnitName(
  unit: string,
): { siteId: string; worker: string; instance: string | null } | null {
  const match = /^servermark-queue-[a-z0-9-]*_([a-z0-9]{8})_([a-z0-9-]+)@([^.]*)\.service$/.exec(
    unit,
  );
  if (!match) return null;
  return { siteId: match[1]!, worker: match[2]!, instance: match[3] || null };
}
