import { rename } from 'node:fs/promises';
import { ServerMarkError } from '../errors/serverMarkError';
import { withFileLock } from '../fs/fileLock';
import type { Registry } from './registry';

export interface RecoveredRegistry {
  /** Where the unreadable file now is, byte for byte as it was. */
  movedTo: string;
  /** Why it could not be read. */
  reason: string;
}

// 2026-12-04T20:15:00.123Z → 20261204T201500123Z: sortable and safe in any file name.
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

/**
 * Moves an unreadable registry aside (registry.json.corrupt-<time>) so ServerMark can start
 * empty. Only ever called on the user's explicit request; refuses if the file reads fine.
 */
export async function moveCorruptRegistryAside(
  registry: Registry,
  now = new Date(),
): Promise<RecoveredRegistry> {
  // Under the registry lock: no other process is reading-then-writing while it moves.
  return withFileLock(`${registry.file}.lock`, async () => {
    let reason: string;
    try {
      await registry.read();
      throw new ServerMarkError(
        'NOT_APPLICABLE',
        `The site registry ${registry.file} reads fine: there is nothing to recover.`,
      );
    } catch (error) {
      if (!(error instanceof ServerMarkError) || error.code !== 'REGISTRY_CORRUPT') throw error;
      reason = error.message;
    }
    const movedTo = `${registry.file}.corrupt-${stamp(now)}`;
    try {
      // rename(2) keeps the bytes and replaces nothing that could matter: the stamp is unique.
      await rename(registry.file, movedTo);
    } catch (error) {
      throw new ServerMarkError(
        'REGISTRY_CORRUPT',
        `Could not move ${registry.file} aside: ${(error as Error).message}. Move it by hand, then start ServerMark again.`,
      );
    }
    return { movedTo, reason };
  });
}
