import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Rows [start, end) are in the DOM; the padding stands in for the rows above and below. */
export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** Top of each row, measured where known and estimated elsewhere; the last entry is the total. */
export function rowOffsets(
  keys: readonly string[],
  heights: ReadonlyMap<string, number>,
  estimate: number,
): number[] {
  const offsets = new Array<number>(keys.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < keys.length; i++) {
    offsets[i + 1] = offsets[i]! + (heights.get(keys[i]!) || estimate);
  }
  return offsets;
}

/** The row at vertical position `y` (clamped to the list). */
export function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (offsets[middle]! <= y) low = middle;
    else high = middle - 1;
  }
  return Math.max(0, low);
}

/**
 * Rows that intersect [top, bottom] (list coordinates), plus `overscan` on each side so Tab
 * always has a next row to move to, plus any pinned row (the one holding focus).
 */
export function rowWindow(
  offsets: readonly number[],
  top: number,
  bottom: number,
  overscan: number,
  pinned: readonly number[] = [],
): RowWindow {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  let start = Math.max(0, rowAt(offsets, top) - overscan);
  let end = Math.min(count, rowAt(offsets, Math.max(top, bottom)) + 1 + overscan);
  for (const index of pinned) {
    if (index < 0 || index >= count) continue;
    start = Math.min(start, index);
    end = Math.max(end, index + 1);
  }
  return { start, end, padTop: offsets[start]!, padBottom: offsets[count]! - offsets[end]! };
}

const sameWindow = (a: RowWindow, b: RowWindow) =>
  a.start === b.start && a.end === b.end && a.padTop === b.padTop && a.padBottom === b.padBottom;

export interface WindowedRowsOptions {
  /** Height assumed for a row not measured yet. */
  estimate: number;
  overscan: number;
  /** A row that must be rendered (e.g. one main asked to show); the window scrolls to it. */
  revealKey?: string | null;
}

/**
 * Windowing for a list that scrolls with the page: only rows near the viewport are rendered,
 * each measured once shown (rows differ in height), so 500 sites cost what 15 do.
 * The list element's children must be exactly the rendered rows, in order.
 */
export function useWindowedRows(
  listRef: RefObject<HTMLElement | null>,
  keys: readonly string[],
  { estimate, overscan, revealKey = null }: WindowedRowsOptions,
): RowWindow {
  const heights = useRef(new Map<string, number>());
  const focusedKey = useRef<string | null>(null);
  const [shownRows, setShownRows] = useState<RowWindow>(() =>
    rowWindow(rowOffsets(keys, new Map(), estimate), 0, window.innerHeight, overscan),
  );
  // What the last commit rendered, for the effects and listeners below.
  const latest = useRef({ keys, revealKey, shown: shownRows });
  useLayoutEffect(() => {
    latest.current = { keys, revealKey, shown: shownRows };
  });

  // Reads the rendered rows' heights, then works out which rows the viewport needs now.
  const update = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const { keys: rowKeys, revealKey: reveal, shown } = latest.current;
    const rows = list.children;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as HTMLElement;
      const key = rowKeys[shown.start + i];
      // Screen readers still hear "row 312 of 500" with most rows absent.
      row.setAttribute('aria-setsize', String(rowKeys.length));
      row.setAttribute('aria-posinset', String(shown.start + i + 1));
      // Without layout (jsdom) everything measures 0: keep the estimate then.
      if (key !== undefined && row.offsetHeight > 0) heights.current.set(key, row.offsetHeight);
    }
    const offsets = rowOffsets(rowKeys, heights.current, estimate);
    const listTop = list.getBoundingClientRect().top + (list.clientTop || 0);
    const revealIndex = reveal ? rowKeys.indexOf(reveal) : -1;
    let top = -listTop;
    if (revealIndex >= 0) {
      const rowTop = offsets[revealIndex]!;
      const rowBottom = offsets[revealIndex + 1]!;
      if (rowBottom < top || rowTop > top + window.innerHeight) {
        // Bring the row near, so it renders and its own effect can scroll it exactly and focus it.
        const target = Math.max(0, rowTop - window.innerHeight / 2);
        window.scrollBy({ top: target - top, behavior: 'instant' });
        top = target;
      }
    }
    const focusedIndex = focusedKey.current ? rowKeys.indexOf(focusedKey.current) : -1;
    const next = rowWindow(
      offsets,
      Math.max(0, top),
      Math.max(0, top + window.innerHeight),
      overscan,
      [focusedIndex, revealIndex],
    );
    if (!sameWindow(next, shown)) setShownRows(next);
  }, [listRef, estimate, overscan]);

  // After every commit: new rows to measure, keys that changed, a row to reveal.
  useLayoutEffect(update);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), update()));
    };
    // The row holding focus stays rendered, so scrolling away never drops keyboard focus.
    const onFocusIn = (event: FocusEvent) => {
      const rows = [...list.children];
      const index = rows.findIndex((row) => row.contains(event.target as Node));
      focusedKey.current =
        index >= 0 ? (latest.current.keys[latest.current.shown.start + index] ?? null) : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!list.contains(event.relatedTarget as Node | null)) focusedKey.current = null;
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    list.addEventListener('focusin', onFocusIn);
    list.addEventListener('focusout', onFocusOut);
    // A row grows when its details open or an error shows: re-measure then.
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    const observeRows = new MutationObserver(() => {
      resizes?.disconnect();
      for (const row of list.children) resizes?.observe(row);
    });
    observeRows.observe(list, { childList: true });
    for (const row of list.children) resizes?.observe(row);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
      observeRows.disconnect();
      resizes?.disconnect();
    };
  }, [listRef, update]);

  return shownRows;
}
