import { startStatusSync } from '../store/statusSync';
import { useSitesStore } from '../store/sitesStore';

/** Subscribes to main's pushes, then reads the state once. Returns the teardown. */
export function startApp(): () => void {
  let stop = () => {};
  try {
    stop = startStatusSync();
  } catch {
    // No bridge: load() below meets the same failure and shows it with a Retry button.
  }
  void useSitesStore.getState().load();
  return stop;
}
