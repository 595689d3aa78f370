import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary, or why there is none. `npm ci` installs the electron package without
 * its binary (Electron 42+ has no postinstall download), and build machines cannot fetch it.
 */
export function findElectronBinary(root: string): { path: string } | { missing: string } {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'No Electron binary here (node_modules/electron/path.txt is absent: it cannot be downloaded on this machine). ' +
        'These specs ran in the "browser" project against the same handlers; run them with an Electron binary installed (`node node_modules/electron/install.js`) to cover the packaged window.',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { missing: `Electron binary ${binary} is listed but absent.` };
}
