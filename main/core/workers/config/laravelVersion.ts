/** A Laravel release as [major, minor, patch]; a `x` branch (e.g. "11.x-dev") counts as its newest. */
export type LaravelVersion = readonly [major: number, minor: number, patch: number];

/**
 * Reads what composer.lock or `artisan --version` reported ("8.83.26", "v10.1.0", "11.x-dev").
 * Null when it names no release (e.g. "dev-master"), so callers treat the version as unknown.
 */
export function parseLaravelVersion(text: string | null | undefined): LaravelVersion | null {
  if (!text) return null;
  const match = /^v?(\d{1,4})(?:\.(\d{1,4}|x))?(?:\.(\d{1,4}|x))?(?:$|[-+])/i.exec(text.trim());
  if (!match) return null;
  const part = (value: string | undefined) =>
    value === undefined || value.toLowerCase() === 'x' ? Number.POSITIVE_INFINITY : Number(value);
  // "8" alone or "8.x" means some release of 8: the newest of it is the honest assumption.
  return [Number(match[1]), part(match[2]), part(match[3])];
}

/** True when `version` is the release `since` ("8.32") or later. */
export function isAtLeast(version: LaravelVersion, since: string): boolean {
  const wanted = parseLaravelVersion(since);
  if (!wanted) throw new Error(`Not a Laravel version: ${since}`);
  for (let i = 0; i < 3; i += 1) {
    const have = version[i]!;
    const need = Number.isFinite(wanted[i]!) ? wanted[i]! : 0;
    if (have !== need) return have > need;
  }
  return true;
}
