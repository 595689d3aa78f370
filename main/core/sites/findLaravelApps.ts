import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertLaravelApp } from '../laravel/laravelApp';

// Folders that hold dependencies or tooling, never a site of their own.
const SKIPPED = new Set(['node_modules', 'vendor', '.git', 'storage', 'public']);

async function isLaravelApp(dir: string): Promise<boolean> {
  return assertLaravelApp(dir).then(
    () => true,
    () => false,
  );
}

/**
 * Laravel apps in `root` and the folders below it, down to `depth` levels (e.g. ~/code/*
 * and ~/code/client/*). An app's own folders are not searched: apps do not nest.
 */
export async function findLaravelApps(root: string, depth = 2): Promise<string[]> {
  if (await isLaravelApp(root)) return [root];
  if (depth === 0) return [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    // A symlinked project folder counts; the depth limit keeps link loops finite.
    const isDir =
      entry.isDirectory() ||
      (entry.isSymbolicLink() &&
        (await stat(join(root, entry.name)).catch(() => null))?.isDirectory());
    if (!isDir) continue;
    found.push(...(await findLaravelApps(join(root, entry.name), depth - 1)));
  }
  return found;
}
