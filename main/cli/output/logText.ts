import type { LogLine, LogLineKind } from '../../core/logs/logLine';
import { printable } from './terminalText';

// Colours as in the window: green processed, red failed, yellow processing, cyan ServerMark.
const KIND_COLOUR: Partial<Record<LogLineKind, number>> = {
  processing: 33,
  processed: 32,
  failed: 31,
  servermark: 36,
};

export interface LogTextOptions {
  colour: boolean;
  /** Prefix each line with its process ("[2] …") when a worker runs several. */
  showInstance: boolean;
}

/** One log line for a terminal: control characters made visible, so output cannot drive it. */
export function formatLogLine(line: LogLine, { colour, showInstance }: LogTextOptions): string {
  const text = printable(line.text.replaceAll('\t', '    '));
  const code = colour ? KIND_COLOUR[line.kind] : undefined;
  const body = code ? `\u001b[${code}m${text}\u001b[0m` : text;
  return `${showInstance ? `[${line.instance}] ` : ''}${body}\n`;
}

/** One log line for --json: one object per line, so `jq` and scripts can stream it. */
export function logLineJson(line: LogLine): string {
  return `${JSON.stringify(line)}\n`;
}
