import { defineConfig } from 'vitest/config';

// Unit tests sit beside their modules; end-to-end tests have their own config in tests/e2e.
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'shared/**/*.test.ts',
      'simulator/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
