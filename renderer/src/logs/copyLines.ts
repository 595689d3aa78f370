import type { LogEntry } from './logBuffer';

/** The lines as the CLI prints them: `[N] ` before each when the worker runs several processes. */
export function linesAsText(entries: readonly LogEntry[], withInstance: boolean): string {
  return entries
    .map((entry) => (withInstance ? `[${entry.instance}] ${entry.text}` : entry.text))
    .join('\n');
}

/** Text the user selected inside `container`, or null when nothing there is selected. */
export function selectedTextIn(container: HTMLElement | null): string | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const text = selection.toString();
  return text === '' ? null : text;
}

/** Writes to the clipboard; the reason it could not, as a sentence, when it was refused. */
export async function writeClipboard(
  text: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (!clipboard?.writeText) {
    return { ok: false, reason: 'The clipboard cannot be reached from this window.' };
  }
  try {
    await clipboard.writeText(text);
    return { ok: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `The clipboard refused the text (${detail}). Select the lines and press Ctrl+C instead.`,
    };
  }
}
