import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

// The original ServerMark's site list, beside our registry.json in the same folder: read only.
export const ORIGINAL_SITES_FILE = 'sites.json';

export interface OriginalSite {
  name: string | null;
  path: string;
  /** e.g. "8.2": the original ran /usr/bin/php{version}. */
  phpVersion: string | null;
}

export interface OriginalSites {
  file: string;
  sites: OriginalSite[];
  /** Why (part of) the file could not be read; it is never changed either way. */
  problem: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{sites:[{id,name,path,domain,php_version,site_type,laravel}], tld, sites_path}`, or null if absent. */
export async function readOriginalSites(configDir: string): Promise<OriginalSites | null> {
  const file = join(configDir, ORIGINAL_SITES_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { file, sites: [], problem: `it cannot be read (${(error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file, sites: [], problem: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!isRecord(json) || !Array.isArray(json.sites)) {
    return { file, sites: [], problem: 'it has no "sites" list' };
  }
  const sites: OriginalSite[] = [];
  let skipped = 0;
  for (const entry of json.sites) {
    if (!isRecord(entry) || typeof entry.path !== 'string' || !entry.path.startsWith('/')) {
      skipped++;
      continue;
    }
    sites.push({
      name: typeof entry.name === 'string' && entry.name.trim() ? entry.name.trim() : null,
      path: entry.path,
      phpVersion:
        typeof entry.php_version === 'string' && /^\d+(\.\d+)?$/.test(entry.php_version)
          ? entry.php_version
          : null,
    });
  }
  return {
    file,
    sites,
    problem: skipped
      ? `${skipped} entr${skipped === 1 ? 'y has' : 'ies have'} no absolute path`
      : null,
  };
}
