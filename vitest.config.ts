import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Interop tests start openssl, python3 and chromium processes; this bounds a hung one.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
