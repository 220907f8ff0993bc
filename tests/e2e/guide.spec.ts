/**
 * The authoring guide shows each example's source and its result. These tests read the source as
 * the reader sees it and check the result against src/compute's reference, so the guide cannot
 * show one thing and build another.
 */
import { readFileSync } from 'node:fs';
import { convolveGrid } from '../../src/compute';
import { expect, test } from './fixtures';
import { GUIDE_PATH, PlaygroundPage, StepperPage } from './pages';

// The stepper shows its whole output at once (no animation) when motion is reduced.
test.use({ reducedMotion: 'reduce' });
const source = readFileSync(new URL('../../content/posts/writing-a-post/index.mdx', import.meta.url), 'utf8');

/** A grid prop (`name={[[...], ...]}`) read from an example's visible source. */
function gridProp(code: string, name: string): number[][] {
  const match = new RegExp(`${name}=\\{(\\[[\\s\\S]*?\\]\\s*)\\}`).exec(code);
  if (!match?.[1]) throw new Error(`no ${name} prop in: ${code}`);
  return JSON.parse(match[1].replace(/,\s*\]/g, ']')) as number[][];
}

test('every live example in the guide shows its source and a non-empty result', async ({ page }) => {
  const examples = source.match(/^```mdx live$/gm)?.length ?? 0;
  expect(examples, 'the guide has live examples').toBeGreaterThanOrEqual(8);
  await page.goto(GUIDE_PATH);
  const shown = page.locator('.live-example');
  await expect(shown).toHaveCount(examples);
  for (const example of await shown.all()) {
    await expect(example.getByRole('group', { name: 'Source' }).locator('pre')).not.toBeEmpty();
    await expect(example.getByRole('group', { name: 'Result' })).not.toBeEmpty();
  }
  await expect(page.locator('.katex-error')).toHaveCount(0);
});

test('the math and citation examples render: KaTeX typeset, markers linked to the references', async ({
  page,
}) => {
  await page.goto(GUIDE_PATH);
  const math = page.locator('.live-example').filter({ hasText: 'A kernel of' });
  await expect(math.getByRole('group', { name: 'Result' }).locator('.katex')).toHaveCount(5);
  const citations = page.locator('.live-example').filter({ hasText: 'general matrix multiplication' });
  const markers = citations.getByRole('group', { name: 'Result' }).locator('a.citation-link');
  await expect(markers).toHaveText(['1', '2', '1']);
  await markers.first().click();
  await expect(page.locator('#ref-goodfellow2016')).toBeInViewport();
  await expect(page.locator('ol.references > li .reference-text')).toHaveCount(2);
});

test('the static figure example shows what its source computes', async ({ page }) => {
  await page.goto(GUIDE_PATH);
  const example = page.locator('.live-example').filter({ hasText: '<ConvolutionFigure' });
  const code = (await example.getByRole('group', { name: 'Source' }).textContent()) ?? '';
  const expected = convolveGrid(gridProp(code, 'input'), gridProp(code, 'kernel'));
  const shown = await example
    .getByRole('table', { name: /^Output,/ })
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent?.replace('−', '-')))),
    );
  expect(shown).toEqual(expected);
});

test('the stepper example runs with the props in its source (stride 2)', async ({ page }) => {
  const stepper = new StepperPage(page);
  await stepper.open(GUIDE_PATH);
  const example = page.locator('.live-example').filter({ hasText: '<ConvolutionStepper' }).first();
  const code = (await example.getByRole('group', { name: 'Source' }).textContent()) ?? '';
  expect(code).toContain('stride={2}');
  expect(await stepper.rows('output-cell')).toEqual(
    convolveGrid(gridProp(code, 'input'), gridProp(code, 'kernel'), { stride: 2 }),
  );
});

test('the playground example starts with the preset and picture its source names', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open('', GUIDE_PATH);
  await expect(playground.root.getByTestId('kernel-preset')).toHaveValue('sobel-x');
  await expect(playground.root.getByTestId('sample-image')).toHaveValue('city');
});
