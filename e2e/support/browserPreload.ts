// Runs in the page before the app: the real preload API over a bridge to the test process,
// in place of ipcRenderer (Chromium here has no Electron).
import type { PushChannel } from '../../main/ipc/contract';
import { createServerMarkApi } from '../../preload/serverMarkApi';

declare global {
  interface Window {
    __servermarkInvoke(channel: string, payload: unknown): Promise<unknown>;
    __servermarkPush(channel: string, payload: unknown): void;
  }
}

const listeners = new Map<PushChannel, Set<(payload: unknown) => void>>();

Object.defineProperty(window, 'servermark', {
  value: Object.freeze(
    createServerMarkApi({
      invoke: (channel, payload) => window.__servermarkInvoke(channel, payload),
      subscribe(channel, listener) {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    }),
  ),
});

window.__servermarkPush = (channel, payload) => {
  listeners.get(channel as PushChannel)?.forEach((listener) => listener(payload));
};
