import type { ESLint } from 'eslint';

/** The layers of src/, lowest first (see layers.js). */
export declare const LAYERS: readonly string[];
export declare function layerOf(rel: string): string | undefined;
declare const plugin: ESLint.Plugin;
export default plugin;
