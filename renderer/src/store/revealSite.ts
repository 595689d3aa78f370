import { matchesQuery } from '../sites/visibleSites';
import { useListViewStore } from './listViewStore';
import { useSitesStore } from './sitesStore';

/**
 * Brings a site's row into view and focus (a notification about it was clicked). A filter that
 * hides it is cleared; a site not loaded yet is focused as soon as its row appears.
 */
export function revealSite(siteId: string): void {
  const site = useSitesStore.getState().sites.find((s) => s.site === siteId);
  const { query, clearQuery } = useListViewStore.getState();
  if (!site || !matchesQuery(site, query)) clearQuery();
  useSitesStore.getState().focusSite(siteId);
}
