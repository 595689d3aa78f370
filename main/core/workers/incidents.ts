import type { SiteStatus } from './siteStatus';

/** Something worth a desktop notification: a worker failed, or is crash-looping. */
export interface Incident {
  siteId: string;
  siteName: string;
  kind: 'failed' | 'crash-loop';
  title: string;
  body: string;
}

// A site that flaps (fails, recovers, fails) within this window gets one notification, not many.
export const INCIDENT_QUIET_MS = 30_000;

/**
 * Turns successive states into incidents, one per incident: a site is reported when it turns
 * failed, and not again until it has recovered and the quiet period has passed. The first
 * state seen is a baseline: failures that predate the app are shown by the tray, not announced.
 */
export class IncidentTracker {
  private baseline = true;
  private readonly open = new Set<string>();
  private readonly lastNotified = new Map<string, number>();

  next(statuses: SiteStatus[], now = Date.now()): Incident[] {
    const incidents: Incident[] = [];
    for (const site of statuses) {
      const failed = site.state === 'failed';
      if (!failed) {
        this.open.delete(site.site);
        continue;
      }
      if (this.open.has(site.site)) continue;
      this.open.add(site.site);
      if (this.baseline) continue;
      if (now - (this.lastNotified.get(site.site) ?? -Infinity) < INCIDENT_QUIET_MS) continue;
      this.lastNotified.set(site.site, now);
      const crashLoop = site.reason?.code === 'crash-loop';
      incidents.push({
        siteId: site.site,
        siteName: site.name,
        kind: crashLoop ? 'crash-loop' : 'failed',
        title: crashLoop ? `${site.name}: worker is crash-looping` : `${site.name}: worker failed`,
        body:
          site.reason?.text ?? 'systemd reports the worker failed. Open ServerMark for details.',
      });
    }
    this.baseline = false;
    return incidents;
  }
}
