// The user manager does not use the login PATH, so unit files need absolute binary paths.
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Resolves `name` through PATH to an absolute path, or throws naming what is missing. */
export function findExecutable(name: string, searchPath = process.env.PATH ?? ''): string {
  const candidates = isAbsolute(name)
    ? [name]
    : searchPath
        .split(delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => join(dir, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here; try the next PATH entry.
    }
  }
  throw new Error(`Executable "${name}" not found in PATH (${searchPath})`);
}
