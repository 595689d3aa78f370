// The production renderer bundle, served locally, and Debian's Chromium, shared by the
// renderer and log-view benchmarks (built once per run).
import { chromium, type Browser, type Page } from '@playwright/test';
import { build as esbuild } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { serveDirectory } from '../../e2e/support/staticServer';
import type { Progress } from './benchmark';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface RendererHarness {
  /**
   * A new page of the app whose window.servermark serves `sites` generated sites, or none
   * until showSites() when `startEmpty`.
   */
  openPage(sites: number, startEmpty?: boolean): Promise<Page>;
  close(): Promise<void>;
}

let shared: Promise<RendererHarness> | null = null;

export function rendererHarness(progress: Progress): Promise<RendererHarness> {
  shared ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'servermark-bench-renderer-'));
    await viteBuild({
      configFile: join(ROOT, 'vite.config.ts'),
      root: join(ROOT, 'renderer'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    progress('production renderer built');
    const script = (
      await esbuild({
        entryPoints: [join(ROOT, 'main/bench/rendererPage/benchWindow.ts')],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        write: false,
        logLevel: 'warning',
      })
    ).outputFiles[0]!.text;
    const server = await serveDirectory(outDir);
    const browser: Browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    return {
      async openPage(sites, startEmpty = false) {
        const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
        await page.addInitScript(
          ([count, empty]) => {
            window.__benchSiteCount = count as number;
            window.__benchStartEmpty = empty as boolean;
          },
          [sites, startEmpty],
        );
        await page.addInitScript({ content: script });
        await page.goto(server.url);
        if (startEmpty) {
          await page.getByRole('heading', { name: 'No sites yet' }).waitFor();
        } else {
          await page.waitForFunction(() => window.__bench.rowsInDom() > 0);
        }
        return page;
      },
      async close() {
        await browser.close();
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  })();
  return shared;
}

export async function closeRendererHarness(): Promise<void> {
  if (shared) await (await shared).close();
  shared = null;
}
