import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Builds the test harness (tests/harness) into tests/.cache/harness for the e2e tests and the
 * benchmark: index.html (the engine) and comments.html (the giscus loader, with a stub client.js
 * from public/).
 *
 * HARNESS_ISOLATED=1 (set by npm run bench) serves it cross-origin isolated, so that
 * performance.now() counts in 5 µs steps instead of 100 µs; the tests run without it, as the site.
 */
const isolated = process.env.HARNESS_ISOLATED === '1';
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  preview: isolated
    ? {
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
        },
      }
    : {},
  build: {
    outDir: fileURLToPath(new URL('../.cache/harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Vite 8 (Rolldown) name for rollupOptions.
    rolldownOptions: {
      input: { main: page('index.html'), comments: page('comments.html') },
    },
  },
});
