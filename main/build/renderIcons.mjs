// Rasterizes the icon SVGs (the one source of truth) to the PNGs the app and its packages use.
// The PNGs are committed: packaging machines may have no Chromium. Run: npm run icons
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'shell', 'assets');

/** electron-builder's Linux icon folder: one <size>x<size>.png per size, largest 512. */
export const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const TRAY_STATES = ['idle', 'running', 'problem'];
/** Linux panels draw tray icons at 22 px; <state>@2x.png serves HiDPI panels. */
export const TRAY_SIZE = 22;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

async function renderSvg(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  // The browser draws the vector at each target size, rather than scaling one bitmap down.
  await page.setContent(
    `<html><body style="margin:0;background:transparent">` +
      `<img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  return page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
}

/**
 * Renders every icon from the SVGs in assetsDir into outDir (icons/<n>x<n>.png,
 * tray/<state>.png and tray/<state>@2x.png); returns the files written.
 */
export async function renderIcons({ assetsDir = ASSETS_DIR, outDir = assetsDir } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const written = [];
    const appSvg = await readFile(join(assetsDir, 'icon.svg'), 'utf8');
    await mkdir(join(outDir, 'icons'), { recursive: true });
    await mkdir(join(outDir, 'tray'), { recursive: true });
    for (const size of APP_ICON_SIZES) {
      const file = join(outDir, 'icons', `${size}x${size}.png`);
      await writeFile(file, await renderSvg(page, appSvg, size));
      written.push(file);
    }
    for (const state of TRAY_STATES) {
      const svg = await readFile(join(assetsDir, 'tray', `${state}.svg`), 'utf8');
      for (const [suffix, scale] of [
        ['', 1],
        ['@2x', 2],
      ]) {
        const file = join(outDir, 'tray', `${state}${suffix}.png`);
        await writeFile(file, await renderSvg(page, svg, TRAY_SIZE * scale));
        written.push(file);
      }
    }
    return written;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await renderIcons();
  console.log(`rendered ${written.length} icons into ${ASSETS_DIR}`);
}
