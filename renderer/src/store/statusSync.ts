import { getServerMarkApi } from '../api/serverMarkApi';
import { revealSite } from './revealSite';
import { useSitesStore } from './sitesStore';

let stopSync: (() => void) | null = null;

/**
 * Keeps the store on main's truth: every push replaces the list, live-state problems and
 * "show this site" requests reach the store, and coming back to the window re-reads the list
 * (systemd may have changed while we were away). Subscribes once; idempotent.
 */
export function startStatusSync(): () => void {
  if (stopSync) return stopSync;
  const store = useSitesStore.getState();
  const api = getServerMarkApi();
  const unsubscribers = [
    api.onStatusChanged((sites) => store.applyPushedStatus(sites)),
    api.onStatusProblem((problem) => store.setStatusProblem(problem)),
    api.onFocusSite(({ siteId }) => revealSite(siteId)),
  ];

  // focus and visibilitychange usually fire together: one read answers both.
  let reading = false;
  const reread = () => {
    if (reading) return;
    reading = true;
    void useSitesStore
      .getState()
      .refresh()
      .finally(() => {
        reading = false;
      });
  };
  const onVisibilityChange = () => {
    if (document.visibilityState === 'visible') reread();
  };
  window.addEventListener('focus', reread);
  document.addEventListener('visibilitychange', onVisibilityChange);

  stopSync = () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    window.removeEventListener('focus', reread);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    stopSync = null;
  };
  return stopSync;
}
