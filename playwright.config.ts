import { defineConfig } from '@playwright/test';
import type { WindowKind } from './e2e/support/serverMarkTest';

// The same specs run in two windows: the real renderer in Debian's Chromium wired to the real
// main-process handlers ("browser"), and the packaged Electron app where its binary exists ("electron").
export default defineConfig<{ windowKind: WindowKind }>({
  testDir: 'e2e',
  globalSetup: './e2e/support/reportElectronSkip.ts',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    { name: 'browser', use: { windowKind: 'browser' } },
    { name: 'electron', use: { windowKind: 'electron' } },
  ],
});
