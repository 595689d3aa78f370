import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';
import { writeFileAtomic } from '../fs/atomicWrite';
import { withFileLock } from '../fs/fileLock';
import { registryFileSchema, type RegistryFile } from './siteRecord';

// Not sites.json: the original ServerMark owns that name, and the two must never clash.
export const REGISTRY_FILE_NAME = 'registry.json';

export interface Registry {
  readonly file: string;
  read(): Promise<RegistryFile>;
  /** Read, change and write under a lock, so the CLI and the app never lose each other's edits. */
  update<T>(change: (registry: RegistryFile) => T | Promise<T>): Promise<T>;
}

function emptyRegistry(): RegistryFile {
  return { version: 1, sites: [] };
}

export function openRegistry(configDir: string): Registry {
  const file = join(configDir, REGISTRY_FILE_NAME);
  const lockFile = join(configDir, `${REGISTRY_FILE_NAME}.lock`);

  async function read(): Promise<RegistryFile> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRegistry();
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `Cannot read the site registry ${file}: ${String(error)}`,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `The site registry ${file} is not valid JSON (${(error as Error).message}). Fix or move the file; ServerMark will not overwrite it.`,
      );
    }
    const parsed = registryFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `The site registry ${file} has an invalid entry at ${issue?.path.join('.') || 'the top level'}: ${issue?.message}. Fix or move the file; ServerMark will not overwrite it.`,
      );
    }
    return parsed.data;
  }

  return {
    file,
    read,
    update(change) {
      return withFileLock(lockFile, async () => {
        const registry = await read();
        const result = await change(registry);
        await writeFileAtomic(
          file,
          `${JSON.stringify(registryFileSchema.parse(registry), null, 2)}\n`,
          0o600,
        );
        return result;
      });
    },
  };
}
