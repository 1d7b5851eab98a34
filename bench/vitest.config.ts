import { defineConfig } from 'vitest/config';

// The generator's pure tests: `npx vitest run --config bench/vitest.config.ts`. No benchmark runs here.
export default defineConfig({ test: { include: ['bench/src/**/*.test.ts'] } });
