import { contextBridge, ipcRenderer } from 'electron';
import { createServerMarkApi } from './serverMarkApi';

// Only typed functions cross the bridge: no ipcRenderer, no event objects.
contextBridge.exposeInMainWorld(
  'servermark',
  createServerMarkApi({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe(channel, listener) {
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => ipcRenderer.removeListener(channel, handler);
    },
  }),
);
