import type { Page } from '@playwright/test';
import {
  depthwiseConv2d,
  KERNELS,
  kernelById,
  renderToRGBA,
  rgbaToChannels,
  tileKernel,
  type ChannelMode,
  type Scaling,
} from '../../src/compute/index.ts';
import { expect, test } from './fixtures';
import { blankPng, corruptPng, EMPTY_SVG } from './images';
import { GUIDE_PATH, PlaygroundPage } from './pages';
import { seriousViolations } from './axe';

test.use({ reducedMotion: 'reduce' });
// Each test loads TensorFlow.js in a fresh page; on a busy 2-core machine that alone can take 10 s.
test.describe.configure({ timeout: 90_000 });

type Input = { width: number; height: number; rgba: number[] };

/** The feature map's values, computed in Node by the reference from the input the page used. */
function referenceValues(input: Input, kernel: readonly number[], size: number, mode: ChannelMode) {
  const channels = mode === 'rgb' ? 3 : 1;
  const { width, height } = input;
  return depthwiseConv2d(
    { data: rgbaToChannels(input.rgba, width, height, mode), shape: [1, height, width, channels] },
    { data: tileKernel(kernel, size, channels), shape: [size, size, channels, 1] },
    { padding: 'same' },
  ).data;
}

/** What the feature map must show. */
function expectedFeatureMap(
  input: Input,
  kernel: readonly number[],
  size: number,
  mode: ChannelMode,
  scaling: Scaling,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(input.width * input.height * 4);
  renderToRGBA(referenceValues(input, kernel, size, mode), mode === 'rgb' ? 3 : 1, scaling, out);
  return out;
}

function largestDifference(got: number[], want: Uint8ClampedArray): number {
  expect(got.length, 'feature map size').toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++)
    worst = Math.max(worst, Math.abs((got[i] as number) - (want[i] as number)));
  return worst;
}

function expectSameImage(got: number[], want: Uint8ClampedArray) {
  expect(largestDifference(got, want), 'largest byte difference from the reference').toBeLessThanOrEqual(2);
}

const WIDTHS = [
  { name: 'phone 390×844', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  { name: 'desktop 1280×800', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
] as const;

test('says in words how the picture was computed; the engine’s reasons sit behind a toggle', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await expect(playground.root.getByTestId('backend')).toHaveText(
    /^(WebAssembly|WebGL on the graphics card|plain JavaScript)$/,
  );
  await expect(playground.root.locator('.playground-status__line')).toHaveText(
    /^Computed in \d+ ms with (WebAssembly|WebGL on the graphics card|plain JavaScript), in your browser\.$/,
  );
  const why = playground.root.locator('.playground-why');
  await expect(why.locator('p').first()).toBeHidden();
  await why.locator('summary').click();
  await expect(why.locator('p').first()).toBeVisible();
});

test('a test can force a backend: ?backend=cpu', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open('?backend=cpu');
  await expect(playground.root.getByTestId('backend')).toHaveAttribute('data-backend', 'cpu');
  await expect(playground.root.getByTestId('backend')).toHaveText('plain JavaScript');
});

// One page visit for all the cases (each load of TensorFlow.js costs seconds on a 2-core machine).
test('preset after preset, in grey and RGB and every scale, every feature-map pixel equals the reference', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const playground = new PlaygroundPage(page);
  await playground.open();
  const root = playground.root;
  const MODES = { gray: 'Grayscale', rgb: 'RGB, per channel' } as const;
  const SCALES = { auto: 'Automatic', clip: 'Clip to 0–255', normalize: 'Stretch to the range' } as const;
  let shown: { mode: ChannelMode; scaling: Scaling } = { mode: 'gray', scaling: 'auto' };
  for (const [preset, mode, scaling] of [
    ['sobel-x', 'gray', 'auto'],
    ['seed-x', 'gray', 'auto'],
    ['seed-x', 'rgb', 'auto'],
    ['gaussian-3', 'rgb', 'clip'],
    ['emboss', 'rgb', 'normalize'],
    ['outline', 'gray', 'normalize'],
  ] as const) {
    await test.step(`${preset}, ${mode}, ${scaling}`, async () => {
      await playground.choosePreset(preset);
      if (mode !== shown.mode) await playground.afterUpdate(() => playground.choose(MODES[mode]));
      if (scaling !== shown.scaling) await playground.afterUpdate(() => playground.choose(SCALES[scaling]));
      shown = { mode, scaling };
      const kernel = kernelById(preset);
      await expect(root.getByTestId('kernel-meaning')).toHaveText(kernel.meaning);
      const input = await playground.pixels('input-canvas');
      const output = await playground.pixels('feature-map');
      expectSameImage(output.rgba, expectedFeatureMap(input, kernel.values, kernel.size, mode, scaling));
    });
  }
});

for (const mode of ['gray', 'rgb'] as const) {
  test(`every preset gives a visible picture with the default scale, ${mode}`, async ({ page }) => {
    test.setTimeout(180_000);
    const playground = new PlaygroundPage(page);
    await playground.open();
    if (mode === 'rgb') await playground.afterUpdate(() => playground.choose('RGB, per channel'));
    for (const kernel of KERNELS) {
      await playground.choosePreset(kernel.id);
      // Largest spread (max − min) of any colour channel, read in the page: near 0 for a blank picture.
      const spreadHere = await playground.root.getByTestId('feature-map').evaluate((c: HTMLCanvasElement) => {
        const data = c
          .getContext('2d', { willReadFrequently: true })
          ?.getImageData(0, 0, c.width, c.height).data;
        let most = 0;
        for (let ch = 0; ch < 3; ch++) {
          let lo = 255;
          let hi = 0;
          for (let i = ch; i < (data?.length ?? 0); i += 4) {
            lo = Math.min(lo, data?.[i] ?? 0);
            hi = Math.max(hi, data?.[i] ?? 0);
          }
          most = Math.max(most, hi - lo);
        }
        return most;
      });
      expect(spreadHere, `${kernel.name}, ${mode}: spread of the feature map’s bytes`).toBeGreaterThan(60);
    }
  });
}

test('the article’s X with the clip scale: the legend says 0–255 and how many values were clipped', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.choosePreset('seed-x');
  const legend = playground.root.getByTestId('legend');
  await expect(legend).not.toContainText('Clipped');
  await playground.afterUpdate(() => playground.choose('Clip to 0–255'));
  await expect(legend).toHaveAttribute('data-low', '0');
  await expect(legend).toHaveAttribute('data-high', '255');
  await expect(legend).toContainText(/Clipped to 0–255: [\d,]+ values outside/);
});

test('in RGB the legend has one bar per channel, each with that channel’s range', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.afterUpdate(() => playground.choose('RGB, per channel'));
  const input = await playground.pixels('input-canvas');
  const kernel = kernelById('sobel-x');
  const values = referenceValues(input, kernel.values, 3, 'rgb');
  const legend = playground.root.getByTestId('legend');
  for (const [c, name] of ['Red', 'Green', 'Blue'].entries()) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = c; i < values.length; i += 3) {
      min = Math.min(min, values[i] as number);
      max = Math.max(max, values[i] as number);
    }
    const row = legend.locator('.legend__channel').filter({ hasText: name });
    const text = (await row.locator('.legend__range').textContent()) ?? '';
    const [lo, hi] = (/from (\S+) to (\S+)/.exec(text) ?? [])
      .slice(1)
      .map((t) => Number(t.replace('−', '-')));
    expect(Math.abs((lo ?? NaN) - min), `${name} low end`).toBeLessThanOrEqual(0.06);
    expect(Math.abs((hi ?? NaN) - max), `${name} high end`).toBeLessThanOrEqual(0.06);
  }
});

test('a custom 5×5 kernel with negatives and decimals; every value readable', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.choosePreset('gaussian-5');
  // Each cell shows its whole value ("0.004"), inside the Kernel box.
  const box = await playground.root.locator('.playground-kernel').boundingBox();
  for (const cell of await playground.kernelCells().all()) {
    const fits = await cell.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth);
    expect(fits, `${await cell.inputValue()} fits its cell`).toBe(true);
    const b = await cell.boundingBox();
    expect((b?.x ?? 0) + (b?.width ?? 0)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
  }
  await playground.afterUpdate(() => playground.kernelCells().nth(0).fill('-1.5'));
  await playground.afterUpdate(() => playground.kernelCells().nth(24).fill('0.25'));
  await expect(playground.root.getByTestId('kernel-preset')).toHaveValue('custom');
  const kernel = await playground
    .kernelCells()
    .evaluateAll((els) => els.map((e) => Number((e as HTMLInputElement).value)));
  expect(kernel).toHaveLength(25);
  const input = await playground.pixels('input-canvas');
  const output = await playground.pixels('feature-map');
  expectSameImage(output.rgba, expectedFeatureMap(input, kernel, 5, 'gray', 'auto'));
});

test('the pixel inspector starts where the kernel responds, moves by a visible step, and its sums equal the reference', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const inspector = playground.root.getByTestId('pixel-inspector');
  await expect(inspector).toBeVisible();
  const input = await playground.pixels('input-canvas');
  const values = referenceValues(input, kernelById('sobel-x').values, 3, 'gray');
  const at = async () => {
    const [, x, y] = /Pixel \((\d+), (\d+)\)/.exec((await inspector.textContent()) ?? '') ?? [];
    return { x: Number(x), y: Number(y) };
  };
  const start = await at();
  // Not a flat pixel: the response there is the largest anywhere inside the 1-pixel border (where
  // the padding's zeros would count as a dark frame).
  let strongest = 0;
  for (let y = 1; y < input.height - 1; y++)
    for (let x = 1; x < input.width - 1; x++)
      strongest = Math.max(strongest, Math.abs(values[y * input.width + x] as number));
  expect(Math.abs(values[start.y * input.width + start.x] as number)).toBeCloseTo(strongest, 3);
  await expect(inspector).toContainText('4 pixels a press, 40 with Shift');

  await playground.root.getByTestId('feature-map').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const moved = await at();
  expect(moved).toEqual({
    x: Math.min(input.width - 1, start.x + 4),
    y: Math.min(input.height - 1, start.y + 40),
  });
  // Nine products in a 3×3 grid, and the sum equals the reference and the engine's value.
  await expect(inspector.locator('.playground-products td')).toHaveCount(9);
  const sum = Number((await inspector.getByTestId('pixel-value').textContent())?.replace('−', '-'));
  const engine = Number((await inspector.getByTestId('engine-value').textContent())?.replace('−', '-'));
  const want = values[moved.y * input.width + moved.x] as number;
  expect(Math.abs(sum - want)).toBeLessThanOrEqual(1e-3);
  expect(Math.abs(engine - want)).toBeLessThanOrEqual(1e-2);
});

test('a kernel cell holding "abc", "NaN", "Infinity" or "1e308": marked at once, a sentence on Enter, the picture stays', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const cell = playground.kernelCells().nth(4);
  for (const [i, text] of ['abc', 'NaN', 'Infinity', '1e308'].entries()) {
    await test.step(JSON.stringify(text), async () => {
      // A good value first (another each time, so the picture changes), so each sentence is its own.
      await playground.afterUpdate(async () => {
        await cell.fill(String(i + 2));
        await cell.press('Enter');
      });
      await expect(playground.message, 'a good value leaves no sentence').toHaveCount(0);
      const before = await playground.pixels('feature-map');
      await cell.fill(text);
      await expect(cell).toHaveAttribute('aria-invalid', 'true');
      await expect(playground.root.getByTestId('stale')).toBeVisible();
      await cell.press('Enter');
      await expect(playground.message).toHaveCount(1);
      await expect(playground.message).toContainText(/not a number|too large/);
      await expect(playground.root.getByTestId('stale')).toBeHidden();
      const after = (await playground.pixels('feature-map')).rgba;
      expect(
        largestDifference(after, Uint8ClampedArray.from(before.rgba)),
        'the feature map is unchanged',
      ).toBe(0);
    });
  }
});

test('typing "-", "" or "." is a draft: no error, the output marked stale until it is a number', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const cell = playground.kernelCells().nth(4);
  for (const text of ['-', '', '.']) {
    await test.step(JSON.stringify(text), async () => {
      await cell.fill(text);
      await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
      await expect(playground.message).toHaveCount(0);
      await expect(playground.root.getByTestId('stale')).toBeVisible();
      await playground.afterUpdate(() => cell.fill(`${text}2`));
      await expect(playground.root.getByTestId('stale')).toBeHidden();
    });
  }
});

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
    test(`${name} gets a sentence beside the picture controls, and the last picture stays`, async ({
      page,
    }) => {
      const playground = new PlaygroundPage(page);
      await playground.open();
      await playground.openSettings();
      const before = await playground.pixels('feature-map');
      await playground.root.getByTestId('image-upload').setInputFiles(file);
      await expect(playground.message).toHaveText(says);
      await expect(playground.root.locator('[id$="-picture-message"]')).toHaveText(says);
      const after = (await playground.pixels('feature-map')).rgba;
      expect(largestDifference(after, Uint8ClampedArray.from(before.rgba)), 'the picture is unchanged').toBe(
        0,
      );
    });
  }

  test('a 12000×12000 image is scaled down, with a notice', async ({ page }) => {
    test.setTimeout(180_000);
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.openSettings();
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

  test('a small image of the reader’s own is filtered as it is, and its name is shown', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.openSettings();
    await expect(playground.root.getByTestId('file-name')).not.toContainText('tiny.png');
    await playground.afterUpdate(() =>
      playground.root
        .getByTestId('image-upload')
        .setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: blankPng(40, 30) }),
    );
    await expect(playground.message).toHaveCount(0);
    await expect(playground.root.getByTestId('file-name')).toHaveText('tiny.png');
    await expect(playground.root.locator('.playground-picture--input figcaption')).toContainText('tiny.png');
    const output = await playground.pixels('feature-map');
    expect([output.width, output.height]).toEqual([40, 30]);
    // The picture box takes the picture's shape (40×30).
    const box = await playground.root.getByTestId('feature-map').boundingBox();
    expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(40 / 30, 1);
  });
});

// 300 edits: a leak of one tensor an edit shows as 300. The soak (`npm run soak`, and in CI) makes
// 10,000 (3,000 in CI) and also watches the heap.
test('no tensor leaks over 300 kernel edits', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new PlaygroundPage(page);
  await playground.open();
  const before = await playground.tensors();
  await page.evaluate(async () => {
    const root = document.querySelector('[data-testid="kernel-playground"]') as HTMLElement;
    const cell = root.querySelectorAll<HTMLInputElement>(
      '[data-testid="kernel-cell"]',
    )[4] as HTMLInputElement;
    for (let i = 0; i < 300; i++) {
      const updates = Number(root.dataset['updates']);
      cell.value = String((i % 9) - 4);
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      // wait for this edit to be drawn (edits arriving during a run are merged into the next)
      for (let t = 0; t < 200 && Number(root.dataset['updates']) === updates; t++)
        await new Promise((r) => setTimeout(r, 0));
    }
  });
  await expect.poll(() => playground.tensors(), { message: 'tensor count after 300 edits' }).toBe(before);
  expect(await playground.updates()).toBeGreaterThan(150);
});

test('the webcam (Chromium’s synthetic camera here) is filtered frame after frame, pauses offscreen, and stops', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.openSettings();
  const webcam = playground.root.getByTestId('webcam');
  await webcam.click();
  await expect(webcam).toHaveAttribute('aria-pressed', 'true');
  await expect(playground.message).toHaveText(/stays in your browser/);
  // Frames are taken only while the input picture is on screen.
  await playground.root.evaluate((r) => r.scrollIntoView({ block: 'start' }));
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
  await playground.root.evaluate((r) => r.scrollIntoView({ block: 'start' }));
  const back = await playground.updates();
  await expect
    .poll(() => playground.updates(), { message: 'frames resume on screen' })
    .toBeGreaterThan(back + 3);
  await webcam.click();
  await expect(webcam).toHaveAttribute('aria-pressed', 'false');
});

/** The box of an element in viewport coordinates, and whether all of it is inside the viewport. */
async function inView(page: Page, selector: ReturnType<PlaygroundPage['root']['locator']>) {
  const box = await selector.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= -1 && box.y + box.height <= height + 1;
}

for (const size of WIDTHS) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${size.name}, ${scheme}`, () => {
      test.use({
        viewport: size.viewport,
        isMobile: size.isMobile,
        hasTouch: size.hasTouch,
        colorScheme: scheme,
      });

      // One visit checks three things in the order a reader meets them (each load costs seconds).
      test('the pictures hold still as it wakes; while a kernel value is edited all is in view; axe finds nothing serious', async ({
        page,
      }) => {
        await page.goto('/understanding-convolutional-neural-networks/');
        const playground = new PlaygroundPage(page);
        await test.step('the pictures move by at most 2 px when the playground wakes up', async () => {
          const figure = page.locator('figure.playground-figure').first();
          const where = () =>
            figure.evaluate((f) => {
              const top = f.getBoundingClientRect().top;
              return [...f.querySelectorAll('.playground-box')].map((b) => {
                const r = b.getBoundingClientRect();
                return [r.left, r.top - top, r.width, r.height];
              });
            });
          // Still the server's markup: the island has not hydrated (Astro drops `ssr` when it does).
          await expect(figure.locator('astro-island[ssr]')).toHaveCount(1);
          const before = await where();
          expect(before).toHaveLength(2);
          await playground.root.scrollIntoViewIfNeeded();
          await playground.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
          const after = await where();
          for (const [i, box] of before.entries()) {
            box.forEach((v, k) =>
              expect(
                Math.abs(v - (after[i]?.[k] ?? NaN)),
                `picture ${i}, coordinate ${k}`,
              ).toBeLessThanOrEqual(2),
            );
          }
        });

        await test.step('while a kernel value is edited, the input, the kernel and the feature map are all in view', async () => {
          const cell = playground.kernelCells().nth(4);
          if (size.hasTouch) await cell.tap();
          else await cell.click();
          await playground.afterUpdate(() => cell.fill('3'));
          for (const part of ['input-canvas', 'feature-map'] as const) {
            expect(await inView(page, playground.root.getByTestId(part)), `${part} is in the viewport`).toBe(
              true,
            );
          }
          expect(
            await inView(page, playground.root.locator('.playground-kernel')),
            'the kernel is in view',
          ).toBe(true);
          await cell.press('Enter');
        });

        await test.step('axe finds nothing serious in the playground, settings and question open', async () => {
          await playground.openSettings();
          await playground.root.locator('.playground-predict summary').click();
          const serious = await seriousViolations(page, '[data-testid="kernel-playground"]');
          expect(serious).toEqual([]);
        });
      });
    });
  }
}

test('before it is live the reader sees the figure computed at build time and a progress bar', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/understanding-convolutional-neural-networks/');
  const root = page.getByTestId('kernel-playground');
  const built = root.locator('.playground-static img');
  await expect(built).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(built).toHaveAttribute('alt', /Sobel x applied to Shapes, computed when this page was built/);
  await expect(root.locator('progress')).toHaveAttribute('max', '4');
  // The legend describes that figure, and without JavaScript the question's answer is in a <details>.
  await expect(root.getByTestId('legend')).toContainText('Blue below zero, red above.');
  await expect(root.locator('details.playground-predict summary')).toHaveText(
    /where will this kernel respond/,
  );
  await expect(root.locator('details.playground-predict')).toContainText(/Strongest at \(\d+, \d+\)/);
  await context.close();
});

test('two playgrounds on one page keep their own settings', async ({ page }) => {
  const first = new PlaygroundPage(page, 0);
  const second = new PlaygroundPage(page, 1);
  await first.open('', GUIDE_PATH);
  await second.root.scrollIntoViewIfNeeded();
  await second.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  // No id is used twice on the page.
  const duplicates = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  expect(duplicates).toEqual([]);
  await expect(second.root.getByTestId('kernel-preset')).toHaveValue('seed-x');
  await second.openSettings();
  await expect(second.root.getByLabel('RGB, per channel', { exact: true })).toBeChecked();
  await first.openSettings();
  await expect(first.root.getByLabel('Grayscale', { exact: true })).toBeChecked();
  await second.afterUpdate(() => second.choose('Grayscale'));
  await first.afterUpdate(() => first.choose('RGB, per channel'));
  await expect(second.root.getByLabel('Grayscale', { exact: true })).toBeChecked();
  await expect(first.root.getByLabel('RGB, per channel', { exact: true })).toBeChecked();
  const secondUpdates = await second.updates();
  await first.choosePreset('emboss');
  await expect(second.root.getByTestId('kernel-preset')).toHaveValue('seed-x');
  expect(await second.updates()).toBe(secondUpdates);
});

test('the URL keeps each playground’s state, and a link restores the exact figure', async ({
  page,
  context,
}) => {
  const second = new PlaygroundPage(page, 1);
  await second.open('', GUIDE_PATH);
  await second.root.scrollIntoViewIfNeeded();
  await second.root.and(page.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  await second.choosePreset('emboss');
  await second.afterUpdate(() => second.choose('Clip to 0–255'));
  await second.afterUpdate(() => second.kernelCells().nth(0).fill('-3'));
  // The address follows the reader's changes (after a short pause).
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('playground-2=');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('k:-3,-1,0,-1,1,1,0,1,2');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('s:clip');
  const link = page.url();
  expect(link).not.toContain('playground-1=');

  const again = await context.newPage();
  const restored = new PlaygroundPage(again, 1);
  await again.goto(link);
  await restored.root.and(again.locator('[data-ready="true"]')).waitFor({ timeout: 30_000 });
  await expect(restored.root.getByTestId('kernel-preset')).toHaveValue('custom');
  await expect(restored.kernelCells().nth(0)).toHaveValue('-3');
  await restored.openSettings();
  await expect(restored.root.getByLabel('Clip to 0–255', { exact: true })).toBeChecked();
  await expect(restored.root.getByLabel('RGB, per channel', { exact: true })).toBeChecked();
  const kernel = [-3, ...kernelById('emboss').values.slice(1)];
  await expect
    .poll(
      async () => {
        const input = await restored.pixels('input-canvas');
        const output = await restored.pixels('feature-map');
        return largestDifference(output.rgba, expectedFeatureMap(input, kernel, 3, 'rgb', 'clip'));
      },
      { message: 'the restored feature map equals the reference', timeout: 30_000 },
    )
    .toBeLessThanOrEqual(2);
  // The first playground was not in the link: it shows its usual figure.
  await expect(new PlaygroundPage(again, 0).root.getByTestId('kernel-preset')).toHaveValue('sobel-x');
  await again.close();
});

test('a malformed link gets a sentence and the usual figure', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open('', '/understanding-convolutional-neural-networks/', '#playground-1=v:1~k:9x9~m:rgb');
  await expect(playground.message).toContainText('does not fit this figure');
  await expect(playground.root.getByTestId('kernel-preset')).toHaveValue('sobel-x');
  const input = await playground.pixels('input-canvas');
  const output = await playground.pixels('feature-map');
  expectSameImage(output.rgba, expectedFeatureMap(input, kernelById('sobel-x').values, 3, 'gray', 'auto'));
});

test('guess where the kernel responds most, then reveal: the true maximum and the distance', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.root.locator('.playground-predict summary').click();
  await playground.root.getByTestId('predict-start').click();
  await expect(playground.root.locator('.playground-veil')).toHaveText('Hidden while you guess');
  const target = playground.root.getByTestId('predict-input');
  const box = await target.boundingBox();
  await target.click({ position: { x: (box?.width ?? 0) * 0.25, y: (box?.height ?? 0) * 0.75 } });
  const said = (await playground.root.locator('.playground-predict').textContent()) ?? '';
  const [, gx, gy] = /Your guess: \((\d+), (\d+)\)/.exec(said) ?? [];
  // The same guess with the keyboard: arrows move it by the visible step.
  await playground.root.getByTestId('input-canvas').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(playground.root.locator('.playground-predict')).toContainText(
    `Your guess: (${Number(gx) - 4}, ${gy})`,
  );
  await page.keyboard.press('ArrowRight');
  await playground.root.getByTestId('predict-reveal').click();
  await expect(playground.root.locator('.playground-veil')).toHaveCount(0);

  // The strongest response, worked out here from the input: largest magnitude, border left out.
  const input = await playground.pixels('input-canvas');
  const values = referenceValues(input, kernelById('sobel-x').values, 3, 'gray');
  let best = { x: 0, y: 0, v: -1 };
  for (let y = 1; y < input.height - 1; y++)
    for (let x = 1; x < input.width - 1; x++) {
      const v = Math.abs(values[y * input.width + x] as number);
      if (v > best.v) best = { x, y, v };
    }
  const away = Math.round(Math.hypot(best.x - Number(gx), best.y - Number(gy)));
  const feedback = playground.root.getByTestId('predict-feedback');
  await expect(feedback).toContainText(`Strongest at (${best.x}, ${best.y})`);
  await expect(feedback).toContainText(`${away} pixels away`);
});

test('the playground has at most 10 Tab stops', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.root.evaluate((root) => {
    const before = document.createElement('button');
    before.id = 'before-playground';
    before.textContent = 'before';
    root.before(before);
  });
  await page.locator('#before-playground').focus();
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      const root = document.querySelector('[data-testid="kernel-playground"]');
      return el && root?.contains(el)
        ? `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 30)}`
        : null;
    });
    if (where === null) break;
    stops.push(where);
  }
  expect(stops.length, stops.join('\n')).toBeGreaterThan(3);
  expect(stops.length, stops.join('\n')).toBeLessThanOrEqual(10);
});
