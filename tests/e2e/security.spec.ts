import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ARTICLE_PATH, PlaygroundPage, StepperPage } from './pages';

const PAGES = ['/', '/about/', ARTICLE_PATH];

for (const path of PAGES) {
  test(`${path} carries a Content-Security-Policy that locks inline scripts`, async ({ page }) => {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute(
      'content',
      'strict-origin-when-cross-origin',
    );
  });
}

test('an injected inline script does not run', async ({ page, consoleErrors }) => {
  await page.goto(ARTICLE_PATH);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran, 'the browser refused the injected script').toBe(false);
  expect(consoleErrors.some((e) => e.includes('Content Security Policy'))).toBe(true);
  consoleErrors.length = 0;
});

test('both demos work under the policy (WASM included), with no violation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const stepper = new StepperPage(page);
  await stepper.open();
  await stepper.typeInCell('kernel-cell', 0, '2');
  await expect(stepper.cells('output-cell').first()).toHaveText('5');
  const playground = new PlaygroundPage(page);
  await playground.root.scrollIntoViewIfNeeded();
  await playground.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  await expect(playground.root.getByTestId('backend')).toHaveAttribute('data-backend', 'wasm');
});

test('dist/_headers gives every page the policy plus frame-ancestors and Referrer-Policy', () => {
  const headers = readFileSync(new URL('../../dist/_headers', import.meta.url), 'utf8');
  for (const path of PAGES)
    expect(headers).toContain(`${path}\n  Content-Security-Policy: default-src 'self';`);
  expect(headers.match(/frame-ancestors 'none'/g)?.length).toBeGreaterThanOrEqual(PAGES.length);
  expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
});
