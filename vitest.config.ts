import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CLI tests spawn the built binary; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    // Generous limits: they catch a hang, not slowness. CLI and browser tests spawn processes, and a busy
    // 2-core machine (CI, or the suite beside a build) can take several times longer than a quiet one.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'tests/**/*.test.ts',
            'web/src/**/*.test.ts',
            'web/service-worker/**/*.test.ts',
          ],
          // One module graph per worker instead of one per file: loading the knowledge base, zod schemas and
          // the store again for each of about a hundred files cost a third of this part's time. Tests that
          // change process-wide state (umask, environment variables) put it back themselves.
          isolate: false,
        },
      },
      {
        extends: true,
        // Each browser test starts its own server and Chromium; a fresh module graph per file costs nothing
        // beside that.
        test: { name: 'e2e', include: ['web/e2e/**/*.test.ts'] },
      },
    ],
  },
});
