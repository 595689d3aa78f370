import type { SiteStatus } from '../../../main/ipc/contract';

// Replies can arrive out of order (a focus re-read may answer after a start): a row only
// ever moves forward in time, judged by when main read systemd.
function isOlder(candidate: SiteStatus, current: SiteStatus): boolean {
  return Date.parse(candidate.readAt) < Date.parse(current.readAt);
}

/** The incoming list decides which sites exist and their order; each row keeps the newer read. */
export function mergeSiteList(current: SiteStatus[], incoming: SiteStatus[]): SiteStatus[] {
  const byId = new Map(current.map((site) => [site.site, site]));
  return incoming.map((site) => {
    const known = byId.get(site.site);
    return known && isOlder(site, known) ? known : site;
  });
}

/** One site's fresh status, from a start/stop reply; a site that is gone stays gone. */
export function mergeSite(current: SiteStatus[], incoming: SiteStatus): SiteStatus[] {
  return current.map((site) =>
    site.site === incoming.site && !isOlder(incoming, site) ? incoming : site,
  );
}
