/**
 * The engine in a real browser: every TensorFlow.js backend that starts here agrees with the
 * reference on a sample of the unit-test grid, the playground's filter (the hand-written WASM SIMD
 * code on the WASM backend) agrees with it on images of many shapes, and nothing leaks over
 * 1,000 calls (250 on WebGL).
 */
import { HARNESS_URL } from '../urls';
import { expect, test } from './fixtures';
import { openHarness } from './harness-page';

const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

for (const backend of BACKENDS) {
  test.describe(`${backend} backend`, () => {
    test(`agrees with the reference on a sample of the grid (tolerance 1e-4)`, async ({
      page,
      consoleErrors,
    }) => {
      // WebGL on a software rasteriser compiles a shader per new shape: slow here, never a failure.
      test.setTimeout(240_000);
      const failure = await openHarness(page, backend);
      // A backend that cannot start in this browser has nothing to compare; the reason is recorded.
      test.skip(failure !== null, `${backend} does not start in this Chromium: ${failure}`);
      // WebGL compiles a shader per shape (about a second each on this software rasteriser): it gets
      // a sixth of the grid, still spread across every axis; the others a third.
      const every = backend === 'webgl' ? 6 : 3;
      const worst = await page.evaluate(async (every) => {
        const { engine, reference } = window.harness;
        let seed = 11;
        const rand = () => {
          seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
          return Math.round((seed / 2 ** 31 - 1) * 1000) / 1000;
        };
        const cases: string[] = [];
        let worstError = 0;
        for (const n of [1, 4, 7, 9, 32])
          for (const k of [1, 2, 3, 5])
            for (const s of [1, 2, 3])
              for (const p of ['valid', 'same', 2] as const)
                for (const d of [1, 2])
                  for (const c of [1, 3]) {
                    if ((n + k + s + d + c) % every !== 0) continue; // spread across every axis
                    const input = {
                      data: Float32Array.from({ length: n * n * c }, rand),
                      shape: [1, n, n, c] as const,
                    };
                    const filter = {
                      data: Float32Array.from({ length: k * k * c * 2 }, rand),
                      shape: [k, k, c, 2] as const,
                    };
                    const options = { stride: s, padding: p, dilation: d };
                    let expected;
                    try {
                      expected = reference.conv2d(input, filter, options);
                    } catch {
                      continue; // the kernel does not fit: the unit tests check both sides refuse alike
                    }
                    const got = await engine.conv2d(input, filter, options);
                    const name = `conv2d x=[1,${n},${n},${c}] k=${k} s=${s} p=${p} d=${d}`;
                    if (got.shape.join() !== expected.shape.join())
                      throw new Error(`${name}: shape ${got.shape}`);
                    got.data.forEach((v, i) => {
                      const e = expected.data[i] as number;
                      worstError = Math.max(worstError, Math.abs(v - e) / Math.max(1, Math.abs(e)));
                    });
                    cases.push(name);
                  }
        return { worstError, cases: cases.length };
      }, every);
      expect(worst.cases, 'enough cases were compared').toBeGreaterThan(180 / every);
      expect(worst.worstError, 'largest relative difference from the reference').toBeLessThanOrEqual(1e-4);
      // tfjs may log a warning on some backends; errors fail the test through the fixture.
      expect(consoleErrors).toEqual([]);
    });

    test('the playground filter agrees with the reference: images, kernels, edits (tolerance 1e-4)', async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const failure = await openHarness(page, backend);
      test.skip(failure !== null, `${backend} does not start in this Chromium: ${failure}`);
      const result = await page.evaluate(async () => {
        const { engine, reference } = window.harness;
        let seed = 5;
        const rand = () => {
          seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
          return seed / 2 ** 32;
        };
        const paths = new Set<string>();
        let worstError = 0;
        let cases = 0;
        // Widths around the 4-float step of the SIMD code, odd and even kernels, gray and RGB; each
        // image gets three kernel edits and a size change through one filter, as a reader makes them.
        for (const [h, w] of [
          [1, 1],
          [3, 5],
          [6, 7],
          [9, 4],
          [16, 33],
          [64, 48],
        ] as const)
          for (const mode of ['gray', 'rgb'] as const)
            for (const reuseOutput of [false, true]) {
              const filter = new engine.ImageFilter({ reuseOutput });
              const rgba = Uint8ClampedArray.from({ length: h * w * 4 }, () => Math.floor(rand() * 256));
              filter.setImage(rgba, w, h, mode);
              paths.add(filter.path);
              const channels = mode === 'rgb' ? 3 : 1;
              const input = {
                data: reference.rgbaToChannels(rgba, w, h, mode),
                shape: [1, h, w, channels] as const,
              };
              for (const k of [3, 3, 5, 1, 2, 4, 3]) {
                const kernel = Array.from(
                  { length: k * k },
                  () => Math.round((rand() * 4 - 2) * 1000) / 1000,
                );
                const got = await filter.apply(kernel, k);
                const expected = reference.depthwiseConv2d(
                  input,
                  { data: reference.tileKernel(kernel, k, channels), shape: [k, k, channels, 1] },
                  { padding: 'same' },
                ).data;
                if (got.length !== expected.length) throw new Error(`${h}x${w} k=${k}: length ${got.length}`);
                // Pixels run to 255, so the difference is measured against that scale (as the grid
                // above, whose values run to 1): float32 sums of terms near 255 that cancel out
                // differ from the reference's float64 sums by about 1e-4 in absolute terms.
                expected.forEach((e, i) => {
                  worstError = Math.max(
                    worstError,
                    Math.abs((got[i] as number) - e) / Math.max(255, Math.abs(e)),
                  );
                });
                cases++;
              }
              filter.dispose();
            }
        return { worstError, cases, paths: [...paths] };
      });
      expect(result.cases, 'enough cases were compared').toBeGreaterThan(100);
      expect(
        result.worstError,
        'largest difference from the reference, over the pixel range',
      ).toBeLessThanOrEqual(1e-4);
      // On WASM the filter is the hand-written SIMD function, so this grid checks that code.
      expect(result.paths, 'the code that filtered').toEqual([backend === 'wasm' ? 'wasm-simd' : 'tfjs']);
    });

    // WebGL on the software rasteriser here takes 20 ms a call: 250 calls there (a leak of one
    // tensor a call still shows as 250), 1,000 on the others.
    const calls = backend === 'webgl' ? 250 : 1000;
    test(`leaks no tensors over ${calls.toLocaleString('en')} calls`, async ({ page }) => {
      test.setTimeout(240_000);
      const failure = await openHarness(page, backend);
      test.skip(failure !== null, `${backend} does not start in this Chromium: ${failure}`);
      const counts = await page.evaluate(async (calls) => {
        const { engine } = window.harness;
        const before = engine.tensorCount();
        const input = { data: new Float32Array(8 * 8 * 3).fill(0.5), shape: [1, 8, 8, 3] as const };
        const filter = { data: new Float32Array(27).fill(0.1), shape: [3, 3, 3, 1] as const };
        const image = new engine.ImageFilter();
        image.setImage(new Uint8ClampedArray(16 * 16 * 4).fill(200), 16, 16, 'rgb');
        for (let i = 0; i < calls; i++) {
          await engine.depthwiseConv2d(input, filter, { padding: 'same', stride: 1 + (i % 3) });
          await image.apply([0, 0, 0, 0, i % 7, 0, 0, 0, 0], 3);
        }
        const during = engine.tensorCount();
        const path = image.path;
        image.dispose();
        return { before, during, after: engine.tensorCount(), path };
      }, calls);
      // TensorFlow.js keeps the image and the kernel as tensors; the WASM SIMD filter keeps none.
      expect(counts.during, `tensors alive while the filter (${counts.path}) exists`).toBe(
        counts.before + (counts.path === 'tfjs' ? 2 : 0),
      );
      expect(counts.after, 'nothing is alive after dispose').toBe(counts.before);
    });
  });
}

test('automatic choice never picks WebGL on a software rasteriser, and says why', async ({ page }) => {
  await page.goto(HARNESS_URL);
  const report = await page.evaluate(() => window.harnessReady);
  expect(['wasm', 'webgl', 'cpu']).toContain(report.name);
  if (report.renderer?.software)
    expect(report.name, `renderer ${report.renderer.renderer}`).not.toBe('webgl');
  expect(report.reason.length).toBeGreaterThan(10);
  expect(report.tried.length).toBeGreaterThan(0);
});
