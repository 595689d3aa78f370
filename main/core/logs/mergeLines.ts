import type { LogLine } from './logLine';

// Compare times to the second, zone suffix left out: Laravel prints wall-clock time without
// one, so cross-file order is best effort, while each file's own order is always kept.
function timeKey(line: LogLine): string | undefined {
  return line.at?.slice(0, 19);
}

/**
 * Merges per-process line lists into one, by time where lines have one. Each list keeps its
 * own order (a line without a time stays right after the line before it), like `sort -m`.
 */
export function mergeByTime(sources: readonly (readonly LogLine[])[]): LogLine[] {
  const lists = sources.filter((list) => list.length > 0);
  if (lists.length <= 1) return [...(lists[0] ?? [])];
  const next = lists.map(() => 0);
  // A line without a time sorts as the last time seen in its list ('' before any).
  const keys = lists.map((list) => timeKey(list[0]!) ?? '');
  const merged: LogLine[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (next[i]! >= lists[i]!.length) continue;
      if (best === -1 || keys[i]! < keys[best]!) best = i;
    }
    if (best === -1) return merged;
    const list = lists[best]!;
    merged.push(list[next[best]!]!);
    next[best]!++;
    const following = list[next[best]!];
    if (following) keys[best] = timeKey(following) ?? keys[best]!;
  }
}
