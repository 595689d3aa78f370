import type { SiteRecord } from '../../core/sites/siteRecord';
import type { SiteStatus } from '../../core/workers/siteStatus';
import type { Style } from './style';
import { renderTable } from './table';
import { printable } from './terminalText';

export const NO_SITES_TEXT = 'No sites yet. Add one with: servermark sites add <dir>\n';

function fields(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${printable(value)}\n`).join('');
}

export function formatAddedSite(site: SiteRecord, style: Style): string {
  return (
    `Added ${style.bold(printable(site.name))} (${site.id})\n` +
    fields([
      ['path', site.path],
      ['php', site.php],
      ['laravel', site.laravelVersion ?? 'unknown'],
    ]) +
    // The id needs no shell quoting, whatever the name holds.
    `Start its workers with: servermark worker start ${site.id}\n`
  );
}

export function formatRemovedSite(site: SiteRecord): string {
  return `Removed ${printable(site.name)} (${site.id}); its workers are stopped and their units deleted.\n`;
}

export function formatSiteList(
  sites: { site: SiteRecord; status: SiteStatus }[],
  style: Style,
): string {
  if (sites.length === 0) return NO_SITES_TEXT;
  return renderTable(
    ['ID', 'NAME', 'STATE', 'PATH'],
    sites.map(({ site, status }) => [
      site.id,
      site.name,
      { text: status.state, paint: (t) => style.state(status.state, t) },
      site.path,
    ]),
    style.bold,
  );
}

/** One line after start/stop/restart, e.g. `shop: running (servermark-queue-…@1.service)`. */
export function formatActionResult(status: SiteStatus, style: Style): string {
  const units = status.units.length > 0 ? ` (${status.units.join(', ')})` : '';
  const reason = status.reason ? `  ${printable(status.reason.text)}\n` : '';
  return `${printable(status.name)}: ${style.state(status.state)}${units}\n${reason}`;
}

function processCount(status: SiteStatus): string {
  const running = status.workers.reduce((sum, w) => sum + w.running, 0);
  const configured = status.workers.reduce((sum, w) => sum + w.processes, 0);
  return `${running}/${configured}`;
}

export function formatStatusTable(statuses: SiteStatus[], style: Style): string {
  if (statuses.length === 0) return NO_SITES_TEXT;
  return renderTable(
    ['ID', 'NAME', 'STATE', 'PROCS', 'REASON'],
    statuses.map((status) => [
      status.site,
      status.name,
      { text: status.state, paint: (t) => style.state(status.state, t) },
      processCount(status),
      status.reason?.text ?? '',
    ]),
    style.bold,
  );
}

/** `worker status <site>`: the site, then one row per systemd unit. */
export function formatStatusDetail(status: SiteStatus, style: Style): string {
  const head =
    `${style.bold(printable(status.name))} (${status.site}): ${style.state(status.state)}\n` +
    fields([
      ['path', status.path],
      ['php', status.php],
      ['laravel', status.laravelVersion ?? 'unknown'],
      ...(status.reason ? ([['reason', status.reason.text]] as [string, string][]) : []),
    ]);
  const units = status.workers.flatMap((worker) => worker.units.map((unit) => ({ worker, unit })));
  const table = renderTable(
    ['UNIT', 'WORKER', 'STATE', 'PID', 'RESTARTS', 'SINCE'],
    units.map(({ worker, unit }) => [
      unit.unit,
      worker.name,
      { text: unit.state, paint: (t) => style.state(unit.state, t) },
      unit.pid === null ? '-' : String(unit.pid),
      String(unit.restarts),
      unit.since ?? '-',
    ]),
    style.bold,
  );
  return `${head}\n${table}`;
}
