// Types for renderIcons.mjs, a plain script so `npm run icons` needs no TypeScript loader.
export declare const ASSETS_DIR: string;
export declare const APP_ICON_SIZES: number[];
export declare const TRAY_STATES: string[];
export declare const TRAY_SIZE: number;
export declare function renderIcons(options?: {
  assetsDir?: string;
  outDir?: string;
}): Promise<string[]>;
