/**
 * Every end-to-end test runs with two guards: a console error fails it, and so does a request to
 * any host other than the local server.
 */
import { test as base, expect } from '@playwright/test';
import { HARNESS_URL, SITE_URL } from '../urls';

interface Guards {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<Guards>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged no console errors and threw nothing').toEqual([]);
    },
    { auto: true },
  ],
  foreignRequests: [
    async ({ page }, use) => {
      const own = new Set([new URL(SITE_URL).host, new URL(HARNESS_URL).host]);
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol.startsWith('http') && !own.has(url.host)) foreign.push(request.url());
      });
      await use(foreign);
      expect(foreign, 'the page requested nothing from another host').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
