import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'web/**/*.test.ts'],
    // CLI tests spawn the built binary; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    // Generous limits: they catch a hang, not slowness. CLI and browser tests spawn processes, and a busy
    // 2-core machine (CI, or the suite beside a build) can take several times longer than a quiet one.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
  },
});
