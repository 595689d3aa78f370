import { useSettingsStore } from '../settings/settingsStore';
import { startStatusSync } from '../store/statusSync';
import { useSitesStore } from '../store/sitesStore';

/** Subscribes to main's pushes, then reads the state and the settings (theme) once. Returns the teardown. */
export function startApp(): () => void {
  let stop = () => {};
  try {
    stop = startStatusSync();
  } catch {
    // No bridge: load() below meets the same failure and shows it with a Retry button.
  }
  void useSitesStore.getState().load();
  void useSettingsStore.getState().load();
  return stop;
}
