// The only places the app may open in the user's browser: exact hosts, https, path prefixes.
const ALLOWED_EXTERNAL: ReadonlyArray<{ host: string; pathPrefix: string }> = [
  { host: 'laravel.com', pathPrefix: '/docs/' },
  { host: 'www.freedesktop.org', pathPrefix: '/software/systemd/man/' },
];

/**
 * The URL to hand to the browser, normalized by the WHATWG parser (so the OS opens exactly what
 * was checked), or null when it is not allow-listed: other schemes, userinfo, ports, lookalike
 * or IDN hosts, and paths outside the prefix (after `..` and `%2e` are resolved) are refused.
 */
export function allowedExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) {
    return null;
  }
  const allowed = ALLOWED_EXTERNAL.some(
    ({ host, pathPrefix }) => parsed.hostname === host && parsed.pathname.startsWith(pathPrefix),
  );
  return allowed ? parsed.href : null;
}

export function isAllowedExternalUrl(url: string): boolean {
  return allowedExternalUrl(url) !== null;
}
