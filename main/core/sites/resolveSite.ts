import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ServerMarkError } from '../errors/serverMarkError';
import type { SiteRecord } from './siteRecord';

/** Finds a site by id, then by name, then by directory — what the CLI accepts as <site>. */
export async function resolveSite(sites: SiteRecord[], ref: string): Promise<SiteRecord> {
  const byId = sites.find((s) => s.id === ref);
  if (byId) return byId;
  const byName = sites.filter((s) => s.name === ref);
  const byNameLoose = byName.length
    ? byName
    : sites.filter((s) => s.name.toLowerCase() === ref.toLowerCase());
  if (byNameLoose.length === 1) return byNameLoose[0]!;
  if (byNameLoose.length > 1) {
    throw new ServerMarkError(
      'AMBIGUOUS_SITE',
      `Several sites are named "${ref}": use the site id instead.`,
    );
  }
  const absolute = resolve(ref);
  const canonical = await realpath(absolute).catch(() => absolute);
  const byPath = sites.find((s) => s.path === canonical || s.path === absolute);
  if (byPath) return byPath;
  throw new ServerMarkError(
    'SITE_NOT_FOUND',
    `No site matches "${ref}". Give a site id, name or directory (see \`servermark sites list\`).`,
  );
}
