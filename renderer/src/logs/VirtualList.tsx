import { useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is this tall (px): positions are arithmetic, so 100 000 rows cost nothing. */
  rowHeight: number;
  itemKey: (item: T) => string | number;
  renderRow: (item: T) => ReactNode;
  rowClassName?: (item: T) => string;
  /** Keep the newest row in view as rows arrive. */
  stickToBottom: boolean;
  /** The user scrolled away from the bottom while it was sticking there. */
  onScrollAway: () => void;
  /** Rows removed from the front so far: the view moves up by as many to stay on the same rows. */
  frontDropped: number;
  /** Changes when `items` was replaced rather than extended; the drop count restarts then. */
  resetKey: number;
  label: string;
  className?: string;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan?: number;
}

// Before the viewport is measured (and in jsdom, which has no layout), assume a tall window.
const UNMEASURED_HEIGHT = 800;

/** Only the rows in view (plus a few) are in the DOM; a spacer gives the scrollbar its length. */
export function VirtualList<T>({
  items,
  rowHeight,
  itemKey,
  renderRow,
  rowClassName,
  stickToBottom,
  onScrollAway,
  frontDropped,
  resetKey,
  label,
  className,
  overscan = 12,
}: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredHeight, setMeasuredHeight] = useState(0);
  // The scrollTop this component set itself: its scroll event is not the user's.
  const ownScroll = useRef<number | null>(null);
  const dropped = useRef({ resetKey, count: frontDropped });

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setMeasuredHeight(element.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const [wasSticking, setWasSticking] = useState(stickToBottom);
  // The user scrolled away: scrollTop already says where they are.
  const [scrolledAway, setScrolledAway] = useState(false);
  const total = items.length * rowHeight;
  const height = measuredHeight || UNMEASURED_HEIGHT;
  const bottomTop = Math.max(0, total - height);
  // Paused by a button: stay on the newest rows shown (React's derived-state pattern).
  if (wasSticking !== stickToBottom) {
    setWasSticking(stickToBottom);
    setScrolledAway(false);
    if (!stickToBottom && !scrolledAway) setScrollTop(bottomTop);
  }
  // While sticking, the window is computed from the end, so new rows never flash at the old place.
  const top = stickToBottom
    ? Math.max(0, total - height)
    : Math.min(scrollTop, Math.max(0, total - height));
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || !stickToBottom) return;
    element.scrollTop = element.scrollHeight;
    ownScroll.current = element.scrollTop;
  }, [stickToBottom, items.length, height]);

  // Old rows dropped from the front while the user reads: move up with them.
  useLayoutEffect(() => {
    const element = viewport.current;
    const before = dropped.current;
    dropped.current = { resetKey, count: frontDropped };
    if (!element || stickToBottom || before.resetKey !== resetKey) return;
    const delta = frontDropped - before.count;
    if (delta <= 0) return;
    element.scrollTop = Math.max(0, element.scrollTop - delta * rowHeight);
    ownScroll.current = element.scrollTop;
  }, [frontDropped, resetKey, stickToBottom, rowHeight]);

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const element = event.currentTarget;
    setScrollTop(element.scrollTop);
    const own = ownScroll.current;
    ownScroll.current = null;
    if (own !== null && Math.abs(element.scrollTop - own) <= 1) return;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    if (stickToBottom && fromBottom > rowHeight) {
      setScrolledAway(true);
      onScrollAway();
    }
  }

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index]!;
    rows.push(
      <div
        key={itemKey(item)}
        role="listitem"
        aria-posinset={index + 1}
        aria-setsize={items.length}
        className={`virtual-list__row ${rowClassName?.(item) ?? ''}`}
        style={{ height: rowHeight }}
      >
        {renderRow(item)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className={`virtual-list ${className ?? ''}`}
      tabIndex={0}
      role="region"
      aria-label={label}
      onScroll={onScroll}
    >
      <div className="virtual-list__sizer" style={{ height: total }}>
        <div
          role="list"
          className="virtual-list__window"
          style={{ transform: `translateY(${start * rowHeight}px)` }}
        >
          {rows}
        </div>
      </div>
    </div>
  );
}
