/**
 * The web app's build: Preact, rooted in web/, written to dist/web/ (served by `backstride serve`).
 * `vite` (dev) proxies /api to a running server: BACKSTRIDE_API=http://127.0.0.1:PORT (default: serve's 4640).
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { poseAssets } from './web/pose-assets/vite-plugin.js';
import { serviceWorker } from './web/service-worker/vite-plugin.js';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: '/',
  plugins: [preact(), poseAssets(), serviceWorker()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // A bundle-size budget: the first-load JavaScript must stay well under 200 KB compressed.
    chunkSizeWarningLimit: 120,
  },
  server: {
    proxy: { '/api': process.env.BACKSTRIDE_API ?? 'http://127.0.0.1:4640' },
  },
});
