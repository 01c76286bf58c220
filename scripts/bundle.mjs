#!/usr/bin/env node
// Bundle the command line and the import worker into single files: loading hundreds of small ES modules
// (Kysely alone is ~100 ms) would otherwise dominate a command's start. Native and optional-native
// packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/cli/main.ts',
    worker: 'src/import/worker.ts',
    'pose-worker': 'src/form/pose-worker.ts',
  },
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  external: ['better-sqlite3', 'pg', 'pg-native', 'playwright-core', '@tensorflow/*'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
