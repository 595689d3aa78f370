// Builds the three parts the Electron app loads: main (ESM), preload (CommonJS, as sandboxed
// preloads must be) and the renderer (vite), plus the self-contained CLI the packages ship.
// Output goes to dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cp, readFile, rm } from 'node:fs/promises';
import { cliBundleOptions } from './cliBundle.mjs';

await rm('dist/main', { recursive: true, force: true });
await rm('dist/preload', { recursive: true, force: true });
await rm('dist/cli', { recursive: true, force: true });
const { version } = JSON.parse(await readFile('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild({
    ...common,
    entryPoints: { electronMain: 'main/shell/electronMain.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // node_modules ship with the app; bundling only our own code keeps main small and debuggable.
    packages: 'external',
  }),
  esbuild({
    ...common,
    entryPoints: { index: 'preload/index.ts' },
    outdir: 'dist/preload',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  esbuild(cliBundleOptions(version)),
]);
// Tray and window icons are loaded from disk by main at run time.
await cp('main/shell/assets', 'dist/assets', { recursive: true });
console.log('built dist/main, dist/preload, dist/renderer, dist/assets, dist/cli');
