import type { Result, Settings, SettingsPatch } from '../../../main/ipc/contract';
import { callSafely } from '../api/callSafely';

export type { Settings };

/** What the window may change; whether the quit notice was shown is main's own bookkeeping. */
export type SettingsChange = SettingsPatch;

/** Settings as main stores them (settings.json), defaults filled in. */
export function readSettings(): Promise<Result<Settings>> {
  return callSafely((api) => api.getSettings());
}

/** Main validates the change (a PHP path must run as PHP) and writes nothing if it is invalid. */
export function saveSettings(change: SettingsChange): Promise<Result<Settings>> {
  return callSafely((api) => api.setSettings(change));
}
