import { getServerMarkApi } from '../api/serverMarkApi';
import { useSitesStore } from './sitesStore';

let stopSync: (() => void) | null = null;

/**
 * Keeps the store on main's truth: every push replaces the list, and coming back to the
 * window re-reads it (systemd may have changed while we were away). Idempotent.
 */
export function startStatusSync(): () => void {
  if (stopSync) return stopSync;
  const store = useSitesStore.getState();
  const unsubscribe = getServerMarkApi().onStatusChanged((sites) => store.applyPushedStatus(sites));

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
    unsubscribe();
    window.removeEventListener('focus', reread);
    document.removeEventListener('visibilitychange', onVisibilityChange);
    stopSync = null;
  };
  return stopSync;
}
