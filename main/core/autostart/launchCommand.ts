import { isAbsolute } from 'node:path';

export interface AppRuntime {
  env: NodeJS.ProcessEnv;
  /** process.execPath: the Electron binary (the packaged app's own executable). */
  execPath: string;
  isPackaged: boolean;
  /** app.getAppPath(): the project folder when run from a checkout. */
  appPath: string;
}

/** The argv that starts this copy of the app again, as the login entry will. */
export function launchCommand({ env, execPath, isPackaged, appPath }: AppRuntime): string[] {
  // An AppImage runs from a mount that is gone by the next login: start the AppImage file.
  if (env.APPIMAGE && isAbsolute(env.APPIMAGE)) return [env.APPIMAGE];
  // From a checkout (npm start), Electron needs the project folder.
  return isPackaged ? [execPath] : [execPath, appPath];
}
