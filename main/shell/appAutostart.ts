import { app } from 'electron';
import { openAutostart, type Autostart } from '../core/autostart/autostart';
import { launchCommand } from '../core/autostart/launchCommand';

/** The login entry for this copy of the app (installed, AppImage or checkout). */
export function openAppAutostart(env: NodeJS.ProcessEnv = process.env): Autostart {
  return openAutostart({
    env,
    command: launchCommand({
      env,
      execPath: process.execPath,
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
    }),
  });
}
