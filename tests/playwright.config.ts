import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from './chromium';
import { HARNESS_PORT, HARNESS_URL, SITE_PORT, SITE_URL } from './urls';

const harnessConfig = 'tests/harness/vite.config.ts';

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: SITE_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: [
    {
      command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${SITE_PORT}`,
      cwd: '..',
      url: SITE_URL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx vite build --config ${harnessConfig} && npx vite preview --config ${harnessConfig} --host 127.0.0.1 --port ${HARNESS_PORT} --strictPort`,
      cwd: '..',
      url: HARNESS_URL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
