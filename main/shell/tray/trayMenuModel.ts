// The tray as plain data: a pure function of state, so it is tested without Electron.
import type { SiteStatus } from '../../core/workers/siteStatus';

export type TrayIconState = 'idle' | 'running' | 'problem';

export type TrayAction =
  | { kind: 'open' }
  | { kind: 'open-site'; siteId: string }
  | { kind: 'toggle'; siteId: string }
  | { kind: 'start-all' }
  | { kind: 'stop-all' }
  | { kind: 'restart-all' }
  | { kind: 'quit' };

export interface TrayItem {
  label: string;
  type: 'normal' | 'checkbox' | 'separator';
  checked?: boolean;
  enabled?: boolean;
  action?: TrayAction;
}

export interface TrayModel {
  icon: TrayIconState;
  tooltip: string;
  items: TrayItem[];
}

export interface TrayInput {
  /** Null until systemd has been read once: the tray never shows a state it has not read. */
  statuses: SiteStatus[] | null;
  /** Sites with an operation under way, so their item cannot be clicked twice. */
  busy: ReadonlySet<string>;
  /** Why state cannot be read (no user manager…), shown instead of a guess. */
  error?: string | null;
}

// Menus longer than this are unusable; the rest are one click away in the window.
export const MAX_SITE_ITEMS = 15;

const STATE_WORDS: Record<SiteStatus['state'], string> = {
  running: 'running',
  starting: 'starting…',
  stopping: 'stopping…',
  stopped: 'stopped',
  failed: 'failed',
};

function siteLabel(site: SiteStatus, busy: boolean): string {
  const processes = site.workers.reduce((n, w) => n + w.processes, 0);
  const running = site.workers.reduce((n, w) => n + w.running, 0);
  let state = STATE_WORDS[site.state];
  if (site.state === 'failed' && site.reason?.code === 'crash-loop') state = 'failed: crash loop';
  if (site.state === 'running' && processes > 1) state = `${running} of ${processes} running`;
  return `${site.name} — ${busy ? 'working…' : state}`;
}

function workerCounts(statuses: SiteStatus[]) {
  const workers = statuses.flatMap((s) => s.workers);
  return {
    total: workers.length,
    running: workers.filter((w) => w.state === 'running').length,
    failed: workers.filter((w) => w.state === 'failed').length,
  };
}

export function trayIconState(statuses: SiteStatus[] | null, error?: string | null): TrayIconState {
  if (error) return 'problem';
  if (!statuses) return 'idle';
  if (statuses.some((s) => s.state === 'failed')) return 'problem';
  return statuses.some((s) => s.state === 'running' || s.state === 'starting') ? 'running' : 'idle';
}

export function trayTooltip(statuses: SiteStatus[] | null, error?: string | null): string {
  if (error) return `ServerMark — ${error}`;
  if (!statuses) return 'ServerMark — reading worker state…';
  if (statuses.length === 0) return 'ServerMark — no sites yet';
  const { total, running, failed } = workerCounts(statuses);
  const noun = total === 1 ? 'worker' : 'workers';
  return `ServerMark — ${running} of ${total} ${noun} running${failed ? `, ${failed} failed` : ''}`;
}

export function buildTrayModel({ statuses, busy, error }: TrayInput): TrayModel {
  const separator: TrayItem = { label: '', type: 'separator' };
  // "Open" comes first: a click on the tray icon itself is unreliable on Linux desktops.
  const items: TrayItem[] = [
    { label: 'Open ServerMark', type: 'normal', action: { kind: 'open' } },
  ];
  const sites = statuses ?? [];
  if (error) {
    items.push(separator, { label: error, type: 'normal', enabled: false });
  } else if (!statuses) {
    items.push(separator, { label: 'Reading worker state…', type: 'normal', enabled: false });
  } else if (sites.length === 0) {
    items.push(separator, {
      label: 'No sites yet — add one in the window',
      type: 'normal',
      enabled: false,
    });
  } else {
    items.push(separator);
    for (const site of sites.slice(0, MAX_SITE_ITEMS)) {
      const isBusy = busy.has(site.site);
      items.push({
        label: siteLabel(site, isBusy),
        type: 'checkbox',
        checked: site.state === 'running' || site.state === 'starting',
        enabled: !isBusy && site.state !== 'stopping',
        action: { kind: 'toggle', siteId: site.site },
      });
    }
    if (sites.length > MAX_SITE_ITEMS) {
      items.push({
        label: `${sites.length - MAX_SITE_ITEMS} more sites in the window…`,
        type: 'normal',
        action: { kind: 'open' },
      });
    }
  }
  const anySites = sites.length > 0 && !error;
  items.push(
    separator,
    { label: 'Start all', type: 'normal', enabled: anySites, action: { kind: 'start-all' } },
    { label: 'Stop all', type: 'normal', enabled: anySites, action: { kind: 'stop-all' } },
    { label: 'Restart all', type: 'normal', enabled: anySites, action: { kind: 'restart-all' } },
    separator,
    { label: 'Quit ServerMark', type: 'normal', action: { kind: 'quit' } },
  );
  return { icon: trayIconState(statuses, error), tooltip: trayTooltip(statuses, error), items };
}
