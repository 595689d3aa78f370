import { resolve } from 'node:path';
import { findElectronBinary } from './electronBinary';

/** Says once, up front, why the "electron" project's specs will be skipped on this machine. */
export default function reportElectronSkip(): void {
  const electron = findElectronBinary(resolve(import.meta.dirname, '..', '..'));
  if ('missing' in electron) console.log(`\n[electron project] skipped: ${electron.missing}\n`);
  else console.log(`\n[electron project] runs against ${electron.path}\n`);
}
