import type { SiteStatus } from '../../core/workers/siteStatus';
import type { WorkerStateName } from '../../core/workers/workerState';
import type { Style } from './style';

/** One line of `worker status --watch`: a site whose state (or process set) changed. */
export interface StatusChange {
  at: string;
  site: string;
  name: string;
  state: WorkerStateName | 'removed';
  previous: WorkerStateName | null;
  reason: string | null;
  running: number;
  processes: number;
  units: string[];
}

function pids(status: SiteStatus): string {
  return status.workers
    .flatMap((w) => w.units.map((u) => `${u.unit}:${u.pid}:${u.restarts}`))
    .join(',');
}

/** Turns successive full states into per-site changes; the first state is printed whole. */
export class StatusChanges {
  private readonly last = new Map<string, { status: SiteStatus; key: string }>();

  constructor(private readonly onlySite?: string) {}

  next(statuses: SiteStatus[]): StatusChange[] {
    const changes: StatusChange[] = [];
    const seen = new Set<string>();
    for (const status of statuses) {
      if (this.onlySite && status.site !== this.onlySite) continue;
      seen.add(status.site);
      const key = `${status.state}|${status.reason?.text ?? ''}|${pids(status)}`;
      const before = this.last.get(status.site);
      if (before?.key === key) continue;
      this.last.set(status.site, { status, key });
      changes.push({
        at: status.readAt,
        site: status.site,
        name: status.name,
        state: status.state,
        previous: before?.status.state ?? null,
        reason: status.reason?.text ?? null,
        running: status.workers.reduce((n, w) => n + w.running, 0),
        processes: status.workers.reduce((n, w) => n + w.processes, 0),
        units: status.units,
      });
    }
    for (const [site, { status }] of this.last) {
      if (seen.has(site)) continue;
      this.last.delete(site);
      changes.push({
        at: new Date().toISOString(),
        site,
        name: status.name,
        state: 'removed',
        previous: status.state,
        reason: null,
        running: 0,
        processes: 0,
        units: [],
      });
    }
    return changes;
  }
}

export function formatStatusChange(change: StatusChange, style: Style): string {
  const time = new Date(change.at).toLocaleTimeString();
  const transition = change.previous ? `${change.previous} → ${change.state}` : change.state;
  const counts = change.processes > 1 ? ` (${change.running}/${change.processes} running)` : '';
  const reason = change.reason ? ` — ${change.reason}` : '';
  return `${style.dim(time)}  ${change.name}: ${transition}${counts}${reason}\n`;
}
