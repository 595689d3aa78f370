// The startAtLogin setting and the autostart entry are one fact: the entry is the truth (the
// user may remove it from their session settings), and changing the setting writes it.
import { ServerMarkError } from '../errors/serverMarkError';
import type { Settings, SettingsStore } from '../settings/settings';
import type { Autostart } from './autostart';

async function applyAutostart(autostart: Autostart, enabled: boolean): Promise<void> {
  try {
    await (enabled ? autostart.enable() : autostart.disable());
  } catch (error) {
    throw new ServerMarkError(
      'INTERNAL',
      `Could not ${enabled ? 'write' : 'remove'} the login entry ${autostart.file}: ${(error as Error).message}. Check that you can write to that folder.`,
    );
  }
}

/** A settings store whose startAtLogin reads and writes the XDG autostart entry. */
export function withStartAtLogin(store: SettingsStore, autostart: Autostart): SettingsStore {
  const withEntry = async (settings: Settings): Promise<Settings> => ({
    ...settings,
    startAtLogin: await autostart.isEnabled(),
  });

  return {
    file: store.file,
    read: async () => withEntry(await store.read()),
    async update(change) {
      const before = await store.read();
      // The store validates the whole change first: an invalid one writes nothing anywhere.
      const next = await store.update(change);
      if (change.startAtLogin === undefined) return withEntry(next);
      try {
        await applyAutostart(autostart, change.startAtLogin);
      } catch (error) {
        // Keep the stored value in step with the entry that is still there.
        await store.update({ startAtLogin: before.startAtLogin });
        throw error;
      }
      return withEntry(next);
    },
  };
}
