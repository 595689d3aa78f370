import type { ListedUnit } from '../systemd/systemctl';
import type { UnitProperties } from '../systemd/showOutput';
import type { SiteRecord } from '../sites/siteRecord';
import { parseWorkerUnitName, workerUnitNames } from '../units/unitName';
import {
  combineStates,
  unitStateFromProperties,
  type StopReason,
  type UnitState,
  type WorkerStateName,
} from './workerState';

export interface WorkerStatus {
  name: string;
  state: WorkerStateName;
  reason: StopReason | null;
  /** Configured process count. */
  processes: number;
  /** Processes systemd reports running right now. */
  running: number;
  units: UnitState[];
}

/** What the window, tray and CLI show for a site: all of it read from systemd. */
export interface SiteStatus {
  site: string;
  name: string;
  path: string;
  php: string;
  laravelVersion: string | null;
  state: WorkerStateName;
  reason: StopReason | null;
  units: string[];
  workers: WorkerStatus[];
  /** When systemd was asked, so a reader knows how fresh this is. */
  readAt: string;
}

/** Units to read for these sites: configured instances plus any loaded leftovers of theirs. */
export function unitsToRead(sites: SiteRecord[], listed: ListedUnit[]): string[] {
  const ids = new Set(sites.map((s) => s.id));
  const names = new Set<string>();
  for (const unit of listed) {
    const parsed = parseWorkerUnitName(unit.unit);
    if (parsed && ids.has(parsed.siteId) && parsed.instance) names.add(unit.unit);
  }
  return [...names];
}

export function buildSiteStatuses(
  sites: SiteRecord[],
  listed: ListedUnit[],
  properties: Map<string, UnitProperties>,
  readAt = new Date(),
): SiteStatus[] {
  const loaded = new Set(listed.map((u) => u.unit));
  // Loaded instances by unit prefix, so each worker finds its own without scanning them all.
  const instancesOf = new Map<string, string[]>();
  for (const unit of loaded) {
    const at = unit.indexOf('@');
    if (at < 0) continue;
    const prefix = unit.slice(0, at);
    const same = instancesOf.get(prefix);
    if (same) same.push(unit);
    else instancesOf.set(prefix, [unit]);
  }
  const readAtText = readAt.toISOString();
  return sites.map((site) => {
    const workers = site.workers.map((worker): WorkerStatus => {
      const names = workerUnitNames(site, worker.name, worker.options.processes);
      const configured = names.instances;
      // Leftover instances (e.g. after scaling down by hand) still count: they still run.
      const extra = (instancesOf.get(names.prefix) ?? []).filter((u) => !configured.includes(u));
      const units = [...configured, ...extra.sort()].map((unit) =>
        unitStateFromProperties(unit, loaded.has(unit) ? properties.get(unit) : undefined),
      );
      const state = combineStates(units.map((u) => u.state));
      const reason = units.find((u) => u.state === state && u.reason)?.reason ?? null;
      return {
        name: worker.name,
        state,
        reason,
        processes: worker.options.processes,
        running: units.filter((u) => u.state === 'running').length,
        units,
      };
    });
    const state = combineStates(workers.map((w) => w.state));
    return {
      site: site.id,
      name: site.name,
      path: site.path,
      php: site.php,
      laravelVersion: site.laravelVersion,
      state,
      reason: workers.find((w) => w.state === state && w.reason)?.reason ?? null,
      units: workers.flatMap((w) => w.units.map((u) => u.unit)),
      workers,
      readAt: readAtText,
    };
  });
}
