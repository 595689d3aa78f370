// The only places the app may open in the user's browser.
const ALLOWED_EXTERNAL = [
  /^https:\/\/laravel\.com\/docs\//,
  /^https:\/\/www\.freedesktop\.org\/software\/systemd\/man\//,
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && ALLOWED_EXTERNAL.some((pattern) => pattern.test(parsed.href))
  );
}
