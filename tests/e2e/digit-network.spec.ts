/**
 * The digit network demo in the authoring guide (held-out digit no. 10, a 7). Expected numbers come
 * from src/compute's reference run here, in Node, on the shipped weights and digits: never from the
 * page. One visit checks the static figure, the live prediction, a picked digit, a drawing, a blank
 * pad, a bad learning rate and one training step; a second visit, a run that diverges.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  digitImage,
  digitNetForward,
  parseDigits,
  weightList,
  weightsFromLayersModel,
  type DigitsHeader,
  type DigitWeights,
  type LayersModelJson,
} from '../../src/compute';
import { DEFAULT_SETTINGS } from '../../src/islands/digit-network/defaults';
import { expect, test } from './fixtures';
import { DigitNetworkPage, GUIDE_PATH, setTabHidden } from './pages';

test.describe.configure({ timeout: 120_000 });

const read = (path: string) => readFileSync(new URL(`../../public/${path}`, import.meta.url));
const weights = weightsFromLayersModel(
  JSON.parse(read('models/digit-network/model.json').toString()) as LayersModelJson,
  new Uint8Array(read('models/digit-network/weights.bin')),
);
const test_ = parseDigits(
  new Uint8Array(gunzipSync(read('data/digits/digits.u8.gz'))),
  JSON.parse(read('data/digits/digits.json').toString()) as DigitsHeader,
).test;

/** The reference's probabilities for held-out digit i. */
function reference(i: number): number[] {
  const data = Float32Array.from(digitImage(test_, i), (b) => b / 255);
  return Array.from(digitNetForward(weights, { data, shape: [1, 28, 28, 1] }).probabilities.data);
}

const argmax = (p: number[]) => p.indexOf(Math.max(...p));

const within = (got: number[], want: number[], tolerance: number, what: string) => {
  expect(got, what).toHaveLength(want.length);
  got.forEach((g, i) =>
    expect(Math.abs(g - (want[i] as number)), `${what}, digit ${i}: ${g} vs ${want[i]}`).toBeLessThanOrEqual(
      tolerance,
    ),
  );
};

test('draw, pick, predict and step: the shown numbers are the reference network and w − η·g', async ({
  page,
}) => {
  // The figure built with the page, before any JavaScript: the same probabilities as the reference.
  const html = await (await page.request.get(GUIDE_PATH)).text();
  const island = html.slice(html.indexOf('data-testid="digit-network"'));
  const built = [
    ...island.matchAll(/data-testid="prediction-bar" data-digit="(\d)" data-probability="([^"]+)"/g),
  ]
    .slice(0, 10)
    .map((m) => Number(m[2]));
  within(built, reference(10), 1e-7, 'the build-time probabilities');

  const demo = new DigitNetworkPage(page);
  await demo.open();
  const live = await demo.probabilities();
  within(live, reference(10), 1e-4, 'the live probabilities of held-out digit no. 10');
  within(live, built, 1e-7, 'the live probabilities = the build-time ones');
  expect(argmax(live), 'digit no. 10 is a 7, and the network says 7').toBe(7);
  expect(test_.labels[10]).toBe(7);

  // The keyboard alternative: the next held-out digit, a 5.
  await demo.root.getByTestId('pick-test-digit').focus();
  await page.keyboard.press('Enter');
  await expect(demo.root).toHaveAttribute('data-source', 'test-11');
  const picked = await demo.probabilities();
  within(picked, reference(11), 1e-4, 'the live probabilities of held-out digit no. 11');
  expect(argmax(picked), `digit no. 11 is a ${test_.labels[11]}`).toBe(test_.labels[11]);

  // A drawing replaces it; a cleared pad says so and keeps the last prediction.
  await demo.root.getByTestId('clear-drawing').click();
  await demo.draw([
    [0.5, 0.15],
    [0.5, 0.5],
    [0.5, 0.85],
  ]);
  await expect(demo.root).toHaveAttribute('data-source', 'drawing');
  const drawn = await demo.probabilities();
  expect(drawn, 'a drawing gets its own prediction').not.toEqual(picked);
  expect(argmax(drawn), 'a vertical stroke reads as a 1').toBe(1);
  await demo.root.getByTestId('clear-drawing').click();
  await expect(demo.root.getByTestId('draw-message')).toContainText('The pad is blank');
  expect(await demo.probabilities(), 'a blank pad keeps the last prediction').toEqual(drawn);

  // Bad learning rates get a sentence beside the field and leave η as it was.
  const rate = demo.root.getByTestId('learning-rate');
  for (const [bad, sentence] of [
    ['0', 'never moves the weights'],
    ['NaN', 'is not a number'],
    ['1e9', 'far past any minimum'],
  ] as const) {
    await rate.fill(bad);
    await expect(rate.locator('xpath=..'), `η = ${bad}`).toContainText(sentence);
    await expect(demo.root).toHaveAttribute('data-learning-rate', String(DEFAULT_SETTINGS.learningRate));
  }
  await rate.fill('0.5');
  await expect(demo.root).toHaveAttribute('data-learning-rate', '0.5');

  // One step: filter 1's update written out is w − η·g, and the filter grid now holds w.
  const filterBefore = await demo.grid('filter-grid', 0);
  await demo.root.getByTestId('train-step').click();
  await expect(demo.root.getByTestId('step-update')).toBeVisible({ timeout: 60_000 });
  const before = await demo.grid('step-before');
  const g = await demo.grid('step-gradient');
  const after = await demo.grid('step-after');
  within(before, filterBefore, 0, 'the step starts from the filter shown');
  within(
    after,
    before.map((w, i) => w - 0.5 * (g[i] as number)),
    1e-6,
    'w (after) = w − 0.5·g',
  );
  expect(Math.max(...g.map(Math.abs)), 'the gradient is not all zero').toBeGreaterThan(0);
  within(await demo.grid('filter-grid', 0), after, 0, 'filter 1 now holds w (after)');
  expect(await demo.root.getByTestId('step-update').textContent()).toContain('w ← w − η·g with η = 0.5');
  await expect(demo.root).toHaveAttribute('data-weights', 'trained');

  // Training runs, pauses by itself while the demo is off screen, and resumes when it is back.
  const examples = async () => Number(await demo.root.getAttribute('data-examples'));
  const toggle = demo.root.getByTestId('train-toggle');
  await toggle.click();
  const started = await examples();
  await expect.poll(examples, { timeout: 30_000 }).toBeGreaterThan(started + 64);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(demo.root.getByTestId('train-progress')).toContainText('paused while the demo is off screen');
  const held = await examples();
  await page.waitForTimeout(1500);
  expect(await examples(), 'no training while off screen').toBe(held);
  await toggle.scrollIntoViewIfNeeded();
  await expect.poll(examples, { timeout: 30_000 }).toBeGreaterThan(held);
  await toggle.click();
  await expect(toggle).toHaveText('Train');

  // Reset: seeded random weights, a blind guess on the held-out digits (about 1 in 10).
  await demo.root.getByTestId('reset-weights').click();
  await expect(demo.root).toHaveAttribute('data-weights', 'random');
  const accuracy = demo.root.getByTestId('accuracy-value');
  await expect
    .poll(async () => Number((await accuracy.getAttribute('data-value')) ?? Number.NaN), { timeout: 30_000 })
    .toBeLessThan(0.25);
  expect(
    Number(await demo.root.getAttribute('data-tensors')),
    'the worker reports its live tensors',
  ).toBeGreaterThan(0);
});

/**
 * The shipped network on another scale: the first layer ×10¹⁵, the second ×10¹⁵ (bias ×10³⁰), the
 * dense layer ÷10³⁰. ReLU and max pooling commute with positive scaling, so every probability is the
 * same, but the dense layer's gradient is 10³⁰ times larger: one ordinary step (the default η) throws
 * its weights to ~10²⁹ and the next forward pass overflows float32. No learning rate the field accepts
 * overflows from the demo's own weights (the clipped loss stops giving gradients once the softmax
 * saturates), so this is how a real divergence is brought about here.
 */
function rescaled(w: DigitWeights, s: number): DigitWeights {
  const by = (a: Float32Array, f: number) => a.map((v) => v * f);
  return {
    conv1: { kernel: { ...w.conv1.kernel, data: by(w.conv1.kernel.data, s) }, bias: by(w.conv1.bias, s) },
    conv2: { kernel: { ...w.conv2.kernel, data: by(w.conv2.kernel.data, s) }, bias: by(w.conv2.bias, s * s) },
    dense: { kernel: { ...w.dense.kernel, data: by(w.dense.kernel.data, 1 / (s * s)) }, bias: w.dense.bias },
  };
}

test('a run that diverges stops itself, says why, keeps the last good weights and offers a reset', async ({
  page,
}) => {
  const big = rescaled(weights, 1e15);
  const bytes = Buffer.concat(weightList(big).map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  await page.route('**/models/digit-network/weights.bin', (route) => route.fulfill({ body: bytes }));
  const demo = new DigitNetworkPage(page);
  await demo.open();
  const before = await demo.probabilities();
  within(before, reference(10), 1e-4, 'the rescaled network predicts what the shipped one does');

  const toggle = demo.root.getByTestId('train-toggle');
  await toggle.click();
  const message = demo.root.getByTestId('train-message');
  await expect(message).toContainText('Training stopped itself', { timeout: 60_000 });
  await expect(message).toContainText('the loss became NaN');
  await expect(message).toContainText(`η = ${DEFAULT_SETTINGS.learningRate}`);
  await expect(message).toContainText('The weights shown are the last good ones');
  const [messageWidth, demoWidth] = await Promise.all([
    message.evaluate((el) => el.getBoundingClientRect().width),
    demo.root.evaluate((el) => el.getBoundingClientRect().width),
  ]);
  expect(messageWidth, 'the sentence wraps inside the demo').toBeLessThanOrEqual(demoWidth);
  await expect(toggle, 'training is stopped').toHaveText('Train');
  expect(await demo.probabilities(), 'the prediction is the last good one').toEqual(before);
  await expect(demo.root).toHaveAttribute('data-weights', 'pretrained');

  const offer = demo.root.getByTestId('diverged-reset');
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(demo.root).toHaveAttribute('data-weights', 'random');
  await expect(offer).toBeHidden();
  await expect(message).not.toContainText('stopped itself');
});

test('training pauses while the tab is hidden or the demo is off screen, and goes on once it is back', async ({
  page,
}) => {
  const demo = new DigitNetworkPage(page);
  await demo.open();
  const progress = demo.root.getByTestId('train-progress');
  const seen = async () =>
    Number(/([\d,]+) examples seen/.exec((await progress.textContent()) ?? '')?.[1]?.replaceAll(',', ''));
  const paused = 'paused while the demo is off screen or the tab is hidden';
  await demo.root.getByTestId('train-toggle').click();
  await expect.poll(seen, { timeout: 60_000, message: 'training has started' }).toBeGreaterThan(0);

  await setTabHidden(page, true);
  await expect(progress).toContainText(paused);
  await page.waitForTimeout(500); // the run already asked for (250 ms of batches) ends
  const held = await seen();
  await page.waitForTimeout(1500);
  expect(await seen(), 'no batch trained while the tab is hidden').toBe(held);

  // The tab is back, but the demo is scrolled off screen: still paused.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(demo.root).not.toBeInViewport();
  await setTabHidden(page, false);
  await page.waitForTimeout(1500);
  await expect(progress).toContainText(paused);
  expect(await seen(), 'no batch trained while the demo is off screen').toBe(held);

  // On screen again: it goes on.
  await demo.root.scrollIntoViewIfNeeded();
  await expect(progress).not.toContainText(paused);
  await expect.poll(seen, { message: 'training goes on' }).toBeGreaterThan(held);
  await demo.root.getByTestId('train-toggle').click();
});
