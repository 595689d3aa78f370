import type { SiteRecord } from '../../core/sites/siteRecord';
import type { SiteStatus } from '../../core/workers/siteStatus';
import type { StopReason, WorkerStateName } from '../../core/workers/workerState';

/** A site as `sites add|list|remove --json` print it: stable fields, no internal worker options. */
export interface SiteJson {
  id: string;
  name: string;
  path: string;
  php: string;
  laravelVersion: string | null;
  addedAt: string;
  state?: WorkerStateName;
  reason?: StopReason | null;
  units?: string[];
}

export function siteJson(site: SiteRecord, status?: SiteStatus): SiteJson {
  const base: SiteJson = {
    id: site.id,
    name: site.name,
    path: site.path,
    php: site.php,
    laravelVersion: site.laravelVersion,
    addedAt: site.addedAt,
  };
  return status
    ? { ...base, state: status.state, reason: status.reason, units: status.units }
    : base;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
