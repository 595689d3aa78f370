// Registry entries for sites that need no Laravel app: only their state is ever read.
import { defaultWorkers, type SiteRecord } from '../core/sites/siteRecord';
import { workerUnitNames } from '../core/units/unitName';

export function benchSiteRecords(count: number): SiteRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `bench${String(i).padStart(3, '0')}`,
    name: `bench-${i}`,
    path: `/srv/servermark-bench/site-${i}`,
    php: '/usr/bin/php',
    laravelVersion: '8.83.26',
    addedAt: '2026-12-04T10:00:00.000Z',
    workers: defaultWorkers(),
  }));
}

/** Each site's worker template and instance, for units that stand in for its worker. */
export function benchUnits(sites: SiteRecord[]): Array<{ template: string; instance: string }> {
  return sites.map((site) => {
    const names = workerUnitNames(site, 'default', 1);
    return { template: names.template, instance: names.instances[0]! };
  });
}

/** The stand-in: reading a unit's state does not depend on what its process is. */
export const SLEEPING_UNIT = '[Service]\nType=exec\nExecStart=/bin/sleep infinity\n';
