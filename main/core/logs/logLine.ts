/** What a line says, so the window can filter and colour it. */
export type LogLineKind = 'processing' | 'processed' | 'failed' | 'servermark' | 'other';

export interface LogLine {
  /** The line as the worker wrote it, terminal colour codes removed. */
  text: string;
  /** The process (systemd instance, "1"…"N") whose file the line comes from. */
  instance: string;
  /**
   * When the line was written, ISO 8601, if the line says. Ends in `Z` for ServerMark's own
   * lines; has no offset for Laravel's, which print the app's wall-clock time (app.timezone).
   */
  at?: string;
  kind: LogLineKind;
}

/** Every line ServerMark itself writes into a worker's log starts with this tag. */
export const SERVERMARK_TAG = '[ServerMark]';

// CSI (colours, cursor) and OSC (titles, links) sequences: a worker run with --ansi prints them.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

// Laravel 6–8: "[2026-12-04 20:07:00][42] Processing: App\Jobs\SendMail"
const LARAVEL_8 =
  /^\[(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\]\[[^\]]*\] (Processing|Processed|Failed):/;
// Laravel 9+: "  2026-12-04 20:07:00 App\Jobs\SendMail ........ 12.34ms DONE" (one line per job)
const LARAVEL_9 = /^\s*(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) \S.*\s(RUNNING|DONE|FAIL)$/;
const SERVERMARK = /^\[ServerMark\] (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)(?:\s|$)/;

const LARAVEL_8_KIND = { Processing: 'processing', Processed: 'processed', Failed: 'failed' };
const LARAVEL_9_KIND = { RUNNING: 'processing', DONE: 'processed', FAIL: 'failed' };
// queue:work --json (Laravel 11.27+) prints one object per job event.
const JSON_STATUS_KIND: Record<string, LogLineKind> = {
  starting: 'processing',
  success: 'processed',
  failed: 'failed',
  released_after_exception: 'failed',
};

export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI, '') : text;
}

function jsonLine(text: string): Pick<LogLine, 'kind' | 'at'> | null {
  if (!text.startsWith('{') || !text.endsWith('}')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // Not JSON after all: an ordinary line that happens to start with a brace.
  }
  if (typeof value !== 'object' || value === null) return null;
  const { status, timestamp } = value as { status?: unknown; timestamp?: unknown };
  const kind = typeof status === 'string' ? JSON_STATUS_KIND[status] : undefined;
  if (!kind) return null;
  const time = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isNaN(time) ? { kind } : { kind, at: new Date(time).toISOString() };
}

/** Classifies one line of a worker's output and reads its time when it has one. */
export function parseLogLine(raw: string, instance: string): LogLine {
  const text = stripAnsi(raw);
  const marker = SERVERMARK.exec(text);
  if (marker) return { text, instance, at: marker[1]!, kind: 'servermark' };
  if (text.startsWith(SERVERMARK_TAG)) return { text, instance, kind: 'servermark' };
  const eight = LARAVEL_8.exec(text);
  if (eight) {
    const kind = LARAVEL_8_KIND[eight[3] as keyof typeof LARAVEL_8_KIND] as LogLineKind;
    return { text, instance, at: `${eight[1]}T${eight[2]}`, kind };
  }
  const nine = LARAVEL_9.exec(text.trimEnd());
  if (nine) {
    const kind = LARAVEL_9_KIND[nine[3] as keyof typeof LARAVEL_9_KIND] as LogLineKind;
    return { text, instance, at: `${nine[1]}T${nine[2]}`, kind };
  }
  const json = jsonLine(text.trim());
  if (json) return { text, instance, ...json };
  return { text, instance, kind: 'other' };
}
