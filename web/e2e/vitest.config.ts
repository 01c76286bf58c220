/**
 * The web app's end-to-end tests on their own: `vitest run --config web/e2e/vitest.config.ts`.
 * (Adding the web/ test glob to the root vitest include runs them with everything else.)
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    include: ['web/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
  },
});
