import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/**
 * Builds the test harness (tests/harness) into tests/.cache/harness for the e2e tests and the
 * benchmark: index.html (the engine) and comments.html (the giscus loader, with a stub client.js
 * from public/).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
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
