/** The engine harness (tests/harness) in a page, with one TensorFlow.js backend forced. */
import type { Page } from '@playwright/test';
import { HARNESS_URL } from '../urls';

/** Opens the harness with `backend` forced; null when that backend started, else why not. */
export async function openHarness(page: Page, backend: string): Promise<string | null> {
  await page.goto(`${HARNESS_URL}/?backend=${backend}`);
  return page.evaluate(() =>
    window.harnessReady.then(
      (report) =>
        report.name === new URLSearchParams(location.search).get('backend') ? null : 'other backend',
      (error: Error) => error.message,
    ),
  );
}
