/** What main knows about who sent an IPC message. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

function withoutHashOrQuery(url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    parsed.search = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** Only the top frame of our own page may call main: not an iframe, not a navigated-away page. */
export function isTrustedSender(sender: SenderInfo, rendererUrl: string): boolean {
  if (!sender.isMainFrame) return false;
  const actual = withoutHashOrQuery(sender.url);
  return actual !== null && actual === withoutHashOrQuery(rendererUrl);
}
