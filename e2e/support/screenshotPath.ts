import { test } from '@playwright/test';

/**
 * Where a README screenshot goes: docs/screenshots when asked (`npm run screenshots`), else the
 * test's output folder, so an ordinary test run leaves the work tree clean.
 */
export function screenshotPath(name: string): string {
  return process.env.SERVERMARK_SCREENSHOTS === '1'
    ? `docs/screenshots/${name}.png`
    : test.info().outputPath(`${name}.png`);
}
