import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNELS, type PushChannel, type PushChannels } from '../ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import type { SenderInfo } from '../security/trustedSender';

// The only file that touches ipcMain (enforced by lint): every channel goes through dispatch.

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
}

export function registerIpcHandlers(dispatch: Dispatch): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, payload, senderOf(event)),
    );
  }
  return () => INVOKE_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

export function push<C extends PushChannel>(
  target: WebContents,
  channel: C,
  payload: PushChannels[C],
): void {
  if (!target.isDestroyed()) target.send(channel, payload);
}
