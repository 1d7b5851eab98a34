// Types of server-bundle.mjs, for the benchmarks (TypeScript) that start the server as `npm start` does.
export const serverCommand: string[];
export function isServerBundleStale(): boolean;
export function buildServerBundle(): Promise<void>;
export function ensureServerBundle(): Promise<boolean>;
