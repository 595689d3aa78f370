import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeWindow, type Rect } from './placeWindow';

const LIMITS = { defaultWidth: 1100, defaultHeight: 720, minWidth: 640, minHeight: 420 };
// A 1920x1080 laptop panel with a 32 px top bar, and a 2560x1440 monitor to its right.
const LAPTOP: Rect = { x: 0, y: 32, width: 1920, height: 1048 };
const MONITOR: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };

const saved = (x: number, y: number, width: number, height: number, maximized = false) => ({
  bounds: { x, y, width, height },
  maximized,
});

describe('placeWindow', () => {
  it('opens a first window at the default size, placed by the window manager', () => {
    expect(placeWindow(null, [LAPTOP], LIMITS)).toEqual({
      width: 1100,
      height: 720,
      maximized: false,
    });
  });

  it('shrinks the default size to a small screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 600 }], LIMITS)).toEqual({
      width: 1024,
      height: 600,
      maximized: false,
    });
  });

  it('restores bounds that are on a display exactly, on whichever display they are', () => {
    expect(placeWindow(saved(100, 80, 900, 600), [LAPTOP, MONITOR], LIMITS)).toEqual({
      x: 100,
      y: 80,
      width: 900,
      height: 600,
      maximized: false,
    });
    expect(placeWindow(saved(2200, 300, 1400, 900, true), [LAPTOP, MONITOR], LIMITS)).toEqual({
      x: 2200,
      y: 300,
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it('brings a window from an unplugged monitor back, centred on the primary display', () => {
    expect(placeWindow(saved(2200, 300, 1400, 900), [LAPTOP], LIMITS)).toEqual({
      x: 260,
      y: 32 + 74,
      width: 1400,
      height: 900,
      maximized: false,
    });
  });

  it('pulls a window hanging off an edge back inside the display it is mostly on', () => {
    expect(placeWindow(saved(1500, 700, 1000, 700), [LAPTOP], LIMITS)).toEqual({
      x: 920,
      y: 380,
      width: 1000,
      height: 700,
      maximized: false,
    });
    // Above the top bar: the title bar must stay reachable.
    expect(placeWindow(saved(50, -200, 800, 500), [LAPTOP], LIMITS)).toMatchObject({ y: 32 });
  });

  it('shrinks a window larger than its display, and grows one below the minimum size', () => {
    expect(placeWindow(saved(0, 32, 3000, 2000), [LAPTOP], LIMITS)).toEqual({
      x: 0,
      y: 32,
      width: 1920,
      height: 1048,
      maximized: false,
    });
    expect(placeWindow(saved(10, 40, 200, 100), [LAPTOP], LIMITS)).toMatchObject({
      width: 640,
      height: 420,
    });
  });

  it('with no display information, trusts the saved bounds', () => {
    expect(placeWindow(saved(5, 6, 700, 500, true), [], LIMITS)).toEqual({
      x: 5,
      y: 6,
      width: 700,
      height: 500,
      maximized: true,
    });
  });

  it('always places a remembered window wholly inside one of the displays', () => {
    const rect = (maxSize: number) =>
      fc.record({
        x: fc.integer({ min: -5000, max: 8000 }),
        y: fc.integer({ min: -5000, max: 8000 }),
        width: fc.integer({ min: 1, max: maxSize }),
        height: fc.integer({ min: 1, max: maxSize }),
      });
    fc.assert(
      fc.property(
        rect(6000),
        fc.array(rect(4000), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (bounds, areas, maximized) => {
          const placed = placeWindow({ bounds, maximized }, areas, LIMITS);
          expect(placed.maximized).toBe(maximized);
          const inside = areas.some(
            (a) =>
              placed.x! >= a.x &&
              placed.y! >= a.y &&
              placed.x! + placed.width <= a.x + a.width &&
              placed.y! + placed.height <= a.y + a.height,
          );
          expect(inside).toBe(true);
          for (const value of [placed.x!, placed.y!, placed.width, placed.height])
            expect(Number.isInteger(value)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
