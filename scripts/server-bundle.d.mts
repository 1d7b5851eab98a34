import type { Plugin } from 'esbuild';

// Types of server-bundle.mjs, for the benchmarks (TypeScript) that start the server as `npm start` does.
export const serverCommand: string[];
/** The upload worker's bundle name (without .mjs) and its TypeScript source. */
export const UPLOAD_WORKER: string;
export const UPLOAD_WORKER_SOURCE: string;
export function isServerBundleStale(): boolean;
export function buildServerBundle(): Promise<void>;
export function ensureServerBundle(): Promise<boolean>;
/** esbuild plugin: `import.meta.url` in TypeScript sources names the source as seen from `bundleDir`. */
export function keepSourceUrls(bundleDir: string): Plugin;
