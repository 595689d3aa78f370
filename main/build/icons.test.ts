import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng, isPng, pixelAt, pngSize, type PngImage } from '../testing/pngImage';
import { APP_ICON_SIZES, ASSETS_DIR, renderIcons, TRAY_SIZE, TRAY_STATES } from './renderIcons.mjs';

// What electron-builder and the Linux icon theme expect; independent of the renderer's list.
const REQUIRED_APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

const load = (file: string): PngImage => decodePng(readFileSync(file));
const appIcon = (size: number) => join(ASSETS_DIR, 'icons', `${size}x${size}.png`);
const trayIcon = (state: string, suffix = '') => join(ASSETS_DIR, 'tray', `${state}${suffix}.png`);

function visiblePixels(image: PngImage): Array<[number, number, number, number]> {
  const result: Array<[number, number, number, number]> = [];
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) {
      const pixel = pixelAt(image, x, y);
      if (pixel[3] > 128) result.push(pixel);
    }
  return result;
}
const isGreen = ([r, g, b]: number[]) => g! > r! + 60 && g! > b! + 40;
const isRed = ([r, g, b]: number[]) => r! > g! + 100 && r! > b! + 100;
const isWhite = ([r, g, b]: number[]) => r! > 230 && g! > 230 && b! > 230;
const isGrey = ([r, g, b]: number[]) => Math.max(r!, g!, b!) - Math.min(r!, g!, b!) < 12;

describe('app icon', () => {
  it('the renderer makes every size the packages need', () => {
    expect(APP_ICON_SIZES).toEqual(REQUIRED_APP_SIZES);
  });

  it.each(REQUIRED_APP_SIZES)('%i px is a square PNG of that size', (size) => {
    const data = readFileSync(appIcon(size));
    expect(isPng(data)).toBe(true);
    expect(pngSize(data)).toEqual({ width: size, height: size });
  });

  it('holds nothing but those sizes (electron-builder installs every file there)', () => {
    expect(readdirSync(join(ASSETS_DIR, 'icons')).sort()).toEqual(
      REQUIRED_APP_SIZES.map((size) => `${size}x${size}.png`).sort(),
    );
  });

  it.each(REQUIRED_APP_SIZES)(
    '%i px: transparent corners, an opaque tile, green lights',
    (size) => {
      const image = load(appIcon(size));
      for (const [x, y] of [
        [0, 0],
        [size - 1, 0],
        [0, size - 1],
        [size - 1, size - 1],
      ] as const)
        expect(pixelAt(image, x, y)[3]).toBe(0);
      expect(pixelAt(image, size / 2, size / 2)[3]).toBe(255);
      expect(visiblePixels(image).some(isGreen)).toBe(true);
      expect(visiblePixels(image).some(isWhite)).toBe(true);
    },
  );
});

describe('tray icons', () => {
  it.each(TRAY_STATES)('%s exists at 22 px and @2x at 44 px', (state) => {
    expect(TRAY_SIZE).toBe(22);
    expect(pngSize(readFileSync(trayIcon(state)))).toEqual({ width: 22, height: 22 });
    expect(pngSize(readFileSync(trayIcon(state, '@2x')))).toEqual({ width: 44, height: 44 });
  });

  it.each(TRAY_STATES.flatMap((state) => ['', '@2x'].map((suffix) => [state, suffix])))(
    '%s%s draws on a transparent background',
    (state, suffix) => {
      const image = load(trayIcon(state!, suffix));
      expect(pixelAt(image, 0, 0)[3]).toBe(0);
      expect(pixelAt(image, image.width - 1, 0)[3]).toBe(0);
      expect(visiblePixels(image).length).toBeGreaterThan(image.width * 2);
    },
  );

  it('idle is neutral grey, running is green, problem carries a red "!" badge', () => {
    for (const suffix of ['', '@2x']) {
      const idle = visiblePixels(load(trayIcon('idle', suffix)));
      expect(idle.every(isGrey)).toBe(true);

      const running = visiblePixels(load(trayIcon('running', suffix)));
      expect(running.filter(isGreen).length / running.length).toBeGreaterThan(0.8);

      const problem = visiblePixels(load(trayIcon('problem', suffix)));
      expect(problem.filter(isRed).length).toBeGreaterThan(suffix ? 40 : 10);
      expect(problem.some(isWhite)).toBe(true);
      expect(problem.some(isGreen)).toBe(false);
    }
  });
});

describe('committed PNGs', () => {
  let outDir: string;
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  // Catches an SVG edited without `npm run icons`: the committed PNGs must match a fresh render.
  it('match a fresh render of the SVG sources', { timeout: 60_000 }, async () => {
    outDir = await mkdtemp(join(tmpdir(), 'servermark-icons-'));
    const written = await renderIcons({ outDir });
    expect(written).toHaveLength(REQUIRED_APP_SIZES.length + TRAY_STATES.length * 2);
    for (const file of written) {
      const committed = join(ASSETS_DIR, file.slice(outDir.length + 1));
      expect(existsSync(committed), committed).toBe(true);
      const fresh = load(file);
      const stored = load(committed);
      expect([stored.width, stored.height]).toEqual([fresh.width, fresh.height]);
      let differing = 0;
      for (let i = 0; i < fresh.pixels.length; i += 4) {
        for (let c = 0; c < 4; c++) {
          if (Math.abs(fresh.pixels[i + c]! - stored.pixels[i + c]!) > 24) {
            differing++;
            break;
          }
        }
      }
      // Another Chromium may anti-alias an edge differently; a changed drawing moves far more.
      expect(differing / (fresh.width * fresh.height), committed).toBeLessThan(0.02);
    }
  });
});
