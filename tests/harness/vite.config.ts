import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the engine harness (tests/harness) into tests/.cache/harness for the e2e tests and the benchmark. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../.cache/harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
