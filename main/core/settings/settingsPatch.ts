// What the settings screen may change: the user's preferences, not the app's own bookkeeping
// (quitNoticeShown), each validated as the store validates it.
import { z } from 'zod';
import { ServerMarkError } from '../errors/serverMarkError';
import { inspectPhpBinary } from '../php/phpBinaries';
import { settingsSchema, type Settings, type SettingsStore } from './settings';

export const settingsPatchSchema = settingsSchema
  .pick({
    notifications: true,
    startAtLogin: true,
    closeToTray: true,
    defaultPhp: true,
    logMaxBytes: true,
    theme: true,
  })
  // A path the user picked: bounded here, and checked to run as PHP before it is saved.
  .extend({ defaultPhp: z.string().startsWith('/').max(4096).nullable() })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Saves the user's change; a default PHP is kept only if it runs as PHP. */
export async function updateUserSettings(
  store: SettingsStore,
  patch: SettingsPatch,
): Promise<Settings> {
  const parsed = settingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServerMarkError(
      'INVALID_OPTION',
      `Setting ${issue?.path.join('.') || '(unknown)'} is invalid: ${issue?.message}.`,
    );
  }
  const change = parsed.data;
  if (typeof change.defaultPhp === 'string') await inspectPhpBinary(change.defaultPhp);
  return store.update(change);
}
