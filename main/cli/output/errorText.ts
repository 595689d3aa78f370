import type { ErrorView } from '../../core/errors/serverMarkError';
import { printable } from './terminalText';

/** `servermark: <message>`, the detail on a second line; or `{"error":{…}}` for --json. */
export function formatError(
  error: ErrorView | { code: string; message: string; detail?: string },
  json: boolean,
): string {
  // One line on stderr, so a script can read errors line by line.
  if (json) return `${JSON.stringify({ error })}\n`;
  const detail = error.detail ? `${printable(error.detail.replace(/\n+$/, ''), true)}\n` : '';
  return `servermark: ${printable(error.message)}\n${detail}`;
}
