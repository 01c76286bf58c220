import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
    // CLI tests spawn the built binary; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
  },
});
