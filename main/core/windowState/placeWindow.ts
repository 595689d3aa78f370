// Where a new window goes: the remembered bounds, kept on a display that exists now. Pure, so
// unplugged monitors and changed resolutions are tested without a screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The window's bounds when neither maximized nor minimized. */
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizeLimits {
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

/** No x and y: let the window manager place it (it centres new windows). */
export interface PlacedWindow {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

// Less of the window than this on a display, and the user could not grab it back: re-place it.
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** A size between the minimum and the default-or-saved one, never larger than the area. */
function fitSize(width: number, height: number, area: Rect, limits: WindowSizeLimits) {
  return {
    width: Math.min(Math.max(width, limits.minWidth), area.width),
    height: Math.min(Math.max(height, limits.minHeight), area.height),
  };
}

/**
 * @param workAreas the displays' work areas (screen minus panels), the primary display first
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  limits: WindowSizeLimits,
): PlacedWindow {
  const primary = workAreas[0];
  if (!saved) {
    const size = primary
      ? fitSize(limits.defaultWidth, limits.defaultHeight, primary, limits)
      : { width: limits.defaultWidth, height: limits.defaultHeight };
    return { ...size, maximized: false };
  }
  if (!primary) return { ...saved.bounds, maximized: saved.maximized };

  let best = primary;
  let bestArea = -1;
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area);
    if (shared.width * shared.height > bestArea) {
      best = area;
      bestArea = shared.width * shared.height;
    }
  }
  const visible = overlap(saved.bounds, best);
  const reachable =
    visible.width >= Math.min(MIN_VISIBLE_WIDTH, saved.bounds.width) &&
    visible.height >= Math.min(MIN_VISIBLE_HEIGHT, saved.bounds.height);
  // A display that went away takes the window with it: bring it back, centred on the primary.
  const area = reachable ? best : primary;
  const size = fitSize(saved.bounds.width, saved.bounds.height, area, limits);
  const x = reachable
    ? clamp(saved.bounds.x, area.x, area.x + area.width - size.width)
    : area.x + Math.floor((area.width - size.width) / 2);
  const y = reachable
    ? clamp(saved.bounds.y, area.y, area.y + area.height - size.height)
    : area.y + Math.floor((area.height - size.height) / 2);
  return { x, y, ...size, maximized: saved.maximized };
}
