import { defineConfig } from 'vitest/config';

// End-to-end: the browser build in Debian's Chromium through playwright-core. One file at a time,
// since each starts its own browser and servers on this 2-core machine.
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    setupFiles: ['tests/e2e/pageGuard.ts'],
  },
});
