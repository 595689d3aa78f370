// Types for cliBundle.mjs, which the plain-JS build script imports.
import type { BuildOptions } from 'esbuild';

export declare function cliBundleOptions(version: string): BuildOptions;
