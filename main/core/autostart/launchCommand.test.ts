import { describe, expect, it } from 'vitest';
import { launchCommand } from './launchCommand';

const runtime = {
  env: {},
  execPath: '/opt/ServerMark/servermark-desktop',
  isPackaged: true,
  appPath: '/opt/ServerMark/resources/app.asar',
};

describe('launchCommand', () => {
  it('starts the installed executable of a deb or rpm', () => {
    expect(launchCommand(runtime)).toEqual(['/opt/ServerMark/servermark-desktop']);
  });

  it('starts the AppImage file, not the temporary mount it runs from', () => {
    const env = { APPIMAGE: '/home/me/My Apps/ServerMark-0.1.0-x86_64.AppImage' };
    expect(
      launchCommand({ ...runtime, env, execPath: '/tmp/.mount_ServerXYZ/servermark-desktop' }),
    ).toEqual(['/home/me/My Apps/ServerMark-0.1.0-x86_64.AppImage']);
    expect(launchCommand({ ...runtime, env: { APPIMAGE: 'relative.AppImage' } })).toEqual([
      '/opt/ServerMark/servermark-desktop',
    ]);
  });

  it('starts Electron on the project folder from a checkout', () => {
    expect(
      launchCommand({
        env: {},
        execPath: '/src/node_modules/electron/dist/electron',
        isPackaged: false,
        appPath: '/src',
      }),
    ).toEqual(['/src/node_modules/electron/dist/electron', '/src']);
  });
});
