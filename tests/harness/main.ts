/**
 * Exposes the engine and the reference to Playwright, in a real browser, so that tests can compare
 * them on every backend and the benchmark can time a full demo update (filter + draw).
 */
import * as reference from '../../src/compute';
import * as engine from '../../src/compute/tf';
import { drawFeatureMap } from '../../src/islands/shared/feature-map';

export interface BenchResult {
  /** Whole update: filter, colour map, putImageData. */
  times: number[];
  /** The filter alone (convolution and read-back). */
  filterTimes: number[];
}

function randomImage(size: number, seed: number): Uint8ClampedArray {
  let s = seed;
  return Uint8ClampedArray.from({ length: size * size * 4 }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  });
}

const canvas = document.getElementById('canvas') as HTMLCanvasElement;

const harness = {
  reference,
  engine,
  /**
   * Times `iterations` full updates of a size x size RGB image with a k x k kernel. 'edit' changes
   * one kernel value every time (a reader typing); 'frame' keeps the kernel (webcam frames, or a
   * change of image); 'reference' runs the naive nested loops instead of the engine.
   */
  async bench(
    size: number,
    k: number,
    iterations: number,
    mode: 'edit' | 'frame' | 'reference',
  ): Promise<BenchResult> {
    const rgba = randomImage(size, size + k);
    const kernel = Array.from({ length: k * k }, (_, i) => ((i % 3) - 1) / k);
    const filter = new engine.ImageFilter();
    const input = {
      data: reference.rgbaToChannels(rgba, size, size, 'rgb'),
      shape: [1, size, size, 3] as const,
    };
    const weights = { data: reference.tileKernel(kernel, k, 3), shape: [k, k, 3, 1] as const };
    filter.setImage(rgba, size, size, 'rgb');
    const times: number[] = [];
    const filterTimes: number[] = [];
    try {
      for (let i = 0; i < iterations + 3; i++) {
        const start = performance.now();
        if (mode === 'edit') kernel[0] = i / 100;
        const values =
          mode === 'reference'
            ? reference.depthwiseConv2d(input, weights, { padding: 'same' }).data
            : await filter.apply(kernel, k);
        const filtered = performance.now();
        drawFeatureMap(canvas, values, size, size, 3, 'clip');
        if (i >= 3) {
          times.push(performance.now() - start);
          filterTimes.push(filtered - start);
        }
      }
    } finally {
      filter.dispose();
    }
    return { times, filterTimes };
  },
};

declare global {
  interface Window {
    harness: typeof harness;
    harnessReady: Promise<engine.BackendReport>;
  }
}

const forced = new URLSearchParams(location.search).get('backend') as engine.BackendName | null;
window.harness = harness;
window.harnessReady = engine.chooseBackend(forced ? { force: forced } : {});
// Tests read the outcome themselves; a backend that cannot start is a result, not an uncaught error.
window.harnessReady.catch(() => undefined);
