import type { ThemeChoice } from '../theme/applyTheme';
import type { Settings, SettingsChange } from './settingsApi';

const MIB = 1024 * 1024;

/** The form's values as typed: text stays text until the user saves. */
export interface SettingsDraft {
  theme: ThemeChoice;
  notifications: boolean;
  startAtLogin: boolean;
  closeToTray: boolean;
  defaultPhp: string;
  logMaxMiB: string;
}

export function draftFrom(settings: Settings): SettingsDraft {
  return {
    theme: settings.theme,
    notifications: settings.notifications,
    startAtLogin: settings.startAtLogin,
    closeToTray: settings.closeToTray,
    defaultPhp: settings.defaultPhp ?? '',
    // Whole MiB read best; a cap set elsewhere in KiB keeps its exact value.
    logMaxMiB: String(Math.round((settings.logMaxBytes / MIB) * 1000) / 1000),
  };
}

export type DraftOutcome =
  { change: SettingsChange } | { fieldError: { field: 'logMaxMiB'; message: string } };

/**
 * Only what the user changed goes to main, which validates it (PHP path, size limits). The one
 * check here is that the size is a number at all, since main cannot tell "" from a typo.
 */
export function changeFrom(settings: Settings, draft: SettingsDraft): DraftOutcome {
  const change: SettingsChange = {};
  if (draft.theme !== settings.theme) change.theme = draft.theme;
  if (draft.notifications !== settings.notifications) change.notifications = draft.notifications;
  if (draft.startAtLogin !== settings.startAtLogin) change.startAtLogin = draft.startAtLogin;
  if (draft.closeToTray !== settings.closeToTray) change.closeToTray = draft.closeToTray;
  const php = draft.defaultPhp.trim() || null;
  if (php !== settings.defaultPhp) change.defaultPhp = php;
  const mib = Number(draft.logMaxMiB.trim());
  if (draft.logMaxMiB.trim() === '' || !Number.isFinite(mib)) {
    return {
      fieldError: { field: 'logMaxMiB', message: 'Enter the log size cap in MiB, for example 10.' },
    };
  }
  if (draftFrom(settings).logMaxMiB !== draft.logMaxMiB.trim()) {
    change.logMaxBytes = Math.round(mib * MIB);
  }
  return { change };
}
