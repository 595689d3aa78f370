import { readFileSync } from 'node:fs';

/** The version in package.json: one number for the app, the CLI and bug reports. */
export function cliVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
