import {
  depthwiseConv2d,
  kernelById,
  renderToRGBA,
  rgbaToChannels,
  tileKernel,
  type ChannelMode,
  type Scaling,
} from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { blankPng, corruptPng, EMPTY_SVG } from './images';
import { PlaygroundPage } from './pages';

test.use({ reducedMotion: 'reduce' });

/** What the feature map must show, computed in Node by the reference from the input the page used. */
function expectedFeatureMap(
  input: { width: number; height: number; rgba: number[] },
  kernel: readonly number[],
  size: number,
  mode: ChannelMode,
  scaling: Scaling,
): Uint8ClampedArray {
  const channels = mode === 'rgb' ? 3 : 1;
  const { width, height } = input;
  const values = depthwiseConv2d(
    { data: rgbaToChannels(input.rgba, width, height, mode), shape: [1, height, width, channels] },
    { data: tileKernel(kernel, size, channels), shape: [size, size, channels, 1] },
    { padding: 'same' },
  ).data;
  const out = new Uint8ClampedArray(width * height * 4);
  renderToRGBA(values, channels, scaling, out);
  return out;
}

function expectSameImage(got: number[], want: Uint8ClampedArray) {
  expect(got.length, 'feature map size').toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++)
    worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)));
  expect(worst, 'largest byte difference from the reference').toBeLessThanOrEqual(2);
}

test('shows the backend in use and the last update time', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(playground.root.getByTestId('backend')).toHaveText(/^(wasm|webgl|cpu)$/);
  await expect(playground.root.getByTestId('update-time')).toHaveText(/last update \d+\.\d ms/);
});

test('a test can force a backend: ?backend=cpu', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open('?backend=cpu');
  await expect(playground.root.getByTestId('backend')).toHaveText('cpu');
});

for (const [preset, mode, scaling] of [
  ['sobel-x', 'gray', 'clip'],
  ['gaussian-3', 'rgb', 'clip'],
  ['emboss', 'rgb', 'normalize'],
  ['outline', 'gray', 'normalize'],
] as const) {
  test(`${preset}, ${mode}, ${scaling}: every feature-map pixel equals the reference`, async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    const root = playground.root;
    await playground.afterUpdate(async () => {
      await root.getByTestId('kernel-preset').selectOption(preset);
    });
    if (mode === 'rgb') await playground.afterUpdate(() => root.getByLabel('RGB, per channel').check());
    if (scaling === 'normalize')
      await playground.afterUpdate(() => root.getByLabel('Stretch to the range').check());
    const kernel = kernelById(preset);
    await expect(root.getByTestId('kernel-meaning')).toHaveText(kernel.meaning);
    const input = await playground.pixels('input-canvas');
    const output = await playground.pixels('feature-map');
    expectSameImage(output.rgba, expectedFeatureMap(input, kernel.values, kernel.size, mode, scaling));
  });
}

test('a custom 5×5 kernel with negatives and decimals', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.afterUpdate(() => playground.root.getByRole('radio', { name: '5×5' }).check());
  await playground.afterUpdate(() => playground.kernelCells().nth(0).fill('-1.5'));
  await playground.afterUpdate(() => playground.kernelCells().nth(24).fill('0.25'));
  await expect(playground.root.getByTestId('kernel-preset')).toHaveValue('custom');
  const kernel = await playground
    .kernelCells()
    .evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));
  expect(kernel).toHaveLength(25);
  const input = await playground.pixels('input-canvas');
  const output = await playground.pixels('feature-map');
  expectSameImage(output.rgba, expectedFeatureMap(input, kernel, 5, 'gray', 'clip'));
});

test('the pixel inspector: arrow keys move it, and its sum equals the engine’s value', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.root.getByTestId('feature-map').focus();
  await page.keyboard.press('ArrowRight');
  const inspector = playground.root.getByTestId('pixel-inspector');
  await expect(inspector).toBeVisible();
  const input = await playground.pixels('input-canvas');
  const x = Math.floor(input.width / 2) + 1;
  const y = Math.floor(input.height / 2);
  await expect(inspector).toContainText(`Pixel (${x}, ${y})`);
  const sum = Number((await inspector.getByTestId('pixel-value').textContent())?.replace('−', '-'));
  const kernel = kernelById('sobel-x');
  const values = depthwiseConv2d(
    {
      data: rgbaToChannels(input.rgba, input.width, input.height, 'gray'),
      shape: [1, input.height, input.width, 1],
    },
    { data: tileKernel(kernel.values, 3, 1), shape: [3, 3, 1, 1] },
    { padding: 'same' },
  ).data;
  expect(Math.abs(sum - (values[y * input.width + x] as number))).toBeLessThanOrEqual(1e-3);
});

for (const text of ['abc', '', 'NaN', 'Infinity', '1e308']) {
  test(`a kernel cell holding ${JSON.stringify(text)}: a sentence, and the picture stays`, async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    const before = await playground.pixels('feature-map');
    await playground.kernelCells().nth(4).fill(text);
    await expect(playground.message).not.toHaveText('');
    await expect(playground.kernelCells().nth(4)).toHaveAttribute('aria-invalid', 'true');
    expect((await playground.pixels('feature-map')).rgba, 'the feature map is unchanged').toEqual(
      before.rgba,
    );
  });
}

test.describe('uploads', () => {
  const cases = [
    {
      name: 'a text file',
      file: { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
      says: /is not an image/,
    },
    {
      name: 'a corrupt PNG',
      file: { name: 'broken.png', mimeType: 'image/png', buffer: corruptPng() },
      says: /could not be read as an image/,
    },
    {
      name: 'a 0×0 image',
      file: { name: 'empty.svg', mimeType: 'image/svg+xml', buffer: EMPTY_SVG },
      says: /(0×0 pixels|could not be read)/,
    },
  ];
  for (const { name, file, says } of cases) {
    test(`${name} gets a sentence and the last picture stays`, async ({ page }) => {
      const playground = new PlaygroundPage(page);
      await playground.open();
      const before = await playground.pixels('feature-map');
      await playground.root.getByTestId('image-upload').setInputFiles(file);
      await expect(playground.message).toHaveText(says);
      expect((await playground.pixels('feature-map')).rgba).toEqual(before.rgba);
    });
  }

  test('a 12000×12000 image is scaled down, with a notice', async ({ page }) => {
    test.setTimeout(90_000);
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.afterUpdate(() =>
      playground.root
        .getByTestId('image-upload')
        .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: blankPng(12000, 12000) }),
    );
    await expect(playground.message).toHaveText(
      '“huge.png” is 12000×12000 pixels; it was scaled down to 512×512 to keep the demo fast.',
    );
    const output = await playground.pixels('feature-map');
    expect([output.width, output.height]).toEqual([512, 512]);
  });

  test('a small image of the reader’s own is filtered as it is', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.afterUpdate(() =>
      playground.root
        .getByTestId('image-upload')
        .setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: blankPng(40, 30) }),
    );
    await expect(playground.message).toHaveText('');
    const output = await playground.pixels('feature-map');
    expect([output.width, output.height]).toEqual([40, 30]);
  });
});

test('no tensor leaks over 1,000 kernel edits', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  await playground.open();
  const before = await playground.tensors();
  await page.evaluate(async () => {
    const root = document.querySelector('[data-testid="kernel-playground"]') as HTMLElement;
    const cell = root.querySelectorAll<HTMLInputElement>(
      '[data-testid="kernel-cell"]',
    )[4] as HTMLInputElement;
    for (let i = 0; i < 1000; i++) {
      const updates = Number(root.dataset['updates']);
      cell.value = String((i % 9) - 4);
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      // wait for this edit to be drawn (edits arriving during a run are merged into the next)
      for (let t = 0; t < 200 && Number(root.dataset['updates']) === updates; t++)
        await new Promise((r) => setTimeout(r, 0));
    }
  });
  await expect.poll(() => playground.tensors(), { message: 'tensor count after 1,000 edits' }).toBe(before);
  expect(await playground.updates()).toBeGreaterThan(500);
});

test('the webcam (Chromium’s synthetic camera here) is filtered frame after frame, pauses offscreen, and stops', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const webcam = playground.root.getByTestId('webcam');
  await webcam.click();
  await expect(webcam).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.message).toHaveText(/stays in your browser/);
  const start = await playground.updates();
  await expect
    .poll(() => playground.updates(), { message: 'new frames keep arriving' })
    .toBeGreaterThan(start + 5);
  const output = await playground.pixels('feature-map');
  expect(Math.max(output.width, output.height)).toBeLessThanOrEqual(320);

  // Scrolled away, no frame is filtered; back on screen, frames flow again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const away = await playground.updates();
  await page.waitForTimeout(1500);
  expect(
    await playground.updates(),
    'no frames are filtered while the picture is offscreen',
  ).toBeLessThanOrEqual(away + 1);
  await playground.root.scrollIntoViewIfNeeded();
  const back = await playground.updates();
  await expect
    .poll(() => playground.updates(), { message: 'frames resume on screen' })
    .toBeGreaterThan(back + 3);
  await webcam.click();
  await expect(webcam).toHaveAttribute('aria-pressed', 'false');
});
