import { create } from 'zustand';
import type { ErrorView } from '../../../main/ipc/contract';
import { useSitesStore } from '../store/sitesStore';
import { applyTheme } from '../theme/applyTheme';
import { readSettings, saveSettings, type Settings, type SettingsChange } from './settingsApi';

export interface SettingsState {
  settings: Settings | null;
  loading: boolean;
  loadError: ErrorView | null;
  open: boolean;
  saving: boolean;
  saveError: ErrorView | null;
}

export interface SettingsActions {
  /** Reads the settings and applies the theme they choose. */
  load(): Promise<void>;
  openSettings(): void;
  closeSettings(): void;
  /** Sends only what changed; true once main saved it. */
  save(change: SettingsChange): Promise<boolean>;
  dismissSaveError(): void;
}

export function initialSettingsState(): SettingsState {
  return {
    settings: null,
    loading: false,
    loadError: null,
    open: false,
    saving: false,
    saveError: null,
  };
}

export const useSettingsStore = create<SettingsState & SettingsActions>()((set, get) => ({
  ...initialSettingsState(),

  async load() {
    set({ loading: true, loadError: null });
    const result = await readSettings();
    if (result.ok) {
      set({ settings: result.value, loading: false });
      applyTheme(result.value.theme);
    } else {
      set({ loadError: result.error, loading: false });
    }
  },

  openSettings() {
    if (get().open) return;
    set({ open: true, saveError: null });
    // Read at start; only a failed read is retried here (the form then shows what is stored).
    if (!get().settings && !get().loading) void get().load();
  },

  closeSettings() {
    set({ open: false, saveError: null });
    // A theme previewed in the dialog but not saved goes back to the saved one.
    applyTheme(get().settings?.theme ?? 'system');
  },

  async save(change) {
    if (get().saving) return false;
    if (Object.keys(change).length === 0) {
      get().closeSettings();
      return true;
    }
    set({ saving: true, saveError: null });
    const result = await saveSettings(change);
    if (!result.ok) {
      set({ saving: false, saveError: result.error });
      return false;
    }
    set({ settings: result.value, saving: false });
    get().closeSettings();
    useSitesStore.getState().announce('Settings saved.');
    return true;
  },

  dismissSaveError() {
    set({ saveError: null });
  },
}));
