import type { LogLine, LogLineKind } from '../../../main/ipc/contract';

/** A line as the view keeps it: `seq` orders lines and keys rows across trims and filters. */
export interface LogEntry extends LogLine {
  seq: number;
}

/** The most lines one view keeps; older ones are dropped (the file still has them). */
export const MAX_LOG_ENTRIES = 100_000;

/** The kinds a user can filter on; "other" lines show only while no kind is chosen. */
export type FilterKind = Exclude<LogLineKind, 'other'>;

export interface LogFilter {
  /** Matched case-insensitively anywhere in the line. */
  text: string;
  /** Empty: every kind. */
  kinds: readonly FilterKind[];
}

export const NO_FILTER: LogFilter = { text: '', kinds: [] };

export function isFiltering(filter: LogFilter): boolean {
  return filter.text.trim() !== '' || filter.kinds.length > 0;
}

/** A predicate for the filter, built once per change rather than once per line. */
export function lineMatcher(filter: LogFilter): (entry: LogEntry) => boolean {
  const needle = filter.text.trim().toLowerCase();
  const kinds = new Set<LogLineKind>(filter.kinds);
  return (entry) =>
    (kinds.size === 0 || kinds.has(entry.kind)) &&
    (needle === '' || entry.text.toLowerCase().includes(needle));
}

/** Numbers new lines on from `nextSeq`. */
export function toEntries(lines: readonly LogLine[], nextSeq: number): LogEntry[] {
  return lines.map((line, index) => ({ ...line, seq: nextSeq + index }));
}

/** `list` plus `added`, keeping only the newest `cap`: memory stays bounded however long it runs. */
export function appendCapped<T>(list: readonly T[], added: readonly T[], cap: number): T[] {
  if (added.length >= cap) return added.slice(added.length - cap);
  const overflow = list.length + added.length - cap;
  return overflow > 0 ? [...list.slice(overflow), ...added] : [...list, ...added];
}

/** Index of the first entry with seq >= `seq` (entries are in seq order). */
export function firstIndexFrom(entries: readonly LogEntry[], seq: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (entries[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many entries came after `seq` (e.g. since the view was paused). */
export function countAfter(entries: readonly LogEntry[], seq: number): number {
  return entries.length - firstIndexFrom(entries, seq + 1);
}
