import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ServerMarkError } from '../errors/serverMarkError';
import { writeFileAtomic } from '../fs/atomicWrite';
import { withFileLock } from '../fs/fileLock';

export const settingsSchema = z.object({
  /** Desktop notification when a worker fails or starts crash-looping. */
  notifications: z.boolean(),
  /** XDG autostart entry that starts the app hidden in the tray. */
  startAtLogin: z.boolean(),
  /** Closing the window hides it to the tray instead of quitting. */
  closeToTray: z.boolean(),
  /** PHP binary offered for new sites; null finds one on PATH. */
  defaultPhp: z.string().startsWith('/').nullable(),
  /** Size at which a worker's log file is rotated. */
  logMaxBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .max(1024 * 1024 * 1024),
  theme: z.enum(['system', 'light', 'dark']),
  /** Whether the user was told once that quitting leaves the workers running. */
  quitNoticeShown: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  notifications: true,
  startAtLogin: false,
  closeToTray: true,
  defaultPhp: null,
  logMaxBytes: 10 * 1024 * 1024,
  theme: 'system',
  quitNoticeShown: false,
}) as Settings;

// What the user sees when a value is refused: in the window's words, not the schema's.
const SETTING_PROBLEMS: Partial<Record<keyof Settings, string>> = {
  logMaxBytes: 'The log size cap must be a whole number of bytes between 64 KiB and 1 GiB.',
  defaultPhp: 'The default PHP must be an absolute path, such as /usr/bin/php8.2.',
  theme: 'The theme must be "system", "light" or "dark".',
  notifications: 'Notifications must be on or off.',
  startAtLogin: 'Start at login must be on or off.',
  closeToTray: 'Close to tray must be on or off.',
};

export interface SettingsStore {
  readonly file: string;
  read(): Promise<Settings>;
  /** Validates the whole result before writing: an invalid change writes nothing. */
  update(change: Partial<Settings>): Promise<Settings>;
}

export function openSettings(configDir: string): SettingsStore {
  const file = join(configDir, 'settings.json');

  async function read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_SETTINGS };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `The settings file ${file} is not valid JSON (${(error as Error).message}). Fix or delete it.`,
      );
    }
    // Unknown or missing keys fall back to defaults: settings are preferences, not data.
    const merged = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(json as object) });
    if (!merged.success) {
      const issue = merged.error.issues[0];
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `The settings file ${file} has an invalid ${issue?.path.join('.')}: ${issue?.message}. Fix or delete it.`,
      );
    }
    return merged.data;
  }

  return {
    file,
    read,
    update(change) {
      return withFileLock(`${file}.lock`, async () => {
        const next = settingsSchema.safeParse({ ...(await read()), ...change });
        if (!next.success) {
          const field = String(next.error.issues[0]?.path[0] ?? '');
          throw new ServerMarkError(
            'INVALID_OPTION',
            SETTING_PROBLEMS[field as keyof Settings] ?? `The setting "${field}" is not valid.`,
          );
        }
        await writeFileAtomic(file, `${JSON.stringify(next.data, null, 2)}\n`, 0o600);
        return next.data;
      });
    },
  };
}
