/**
 * Exposes the engine and the reference to Playwright, in a real browser, so that tests can compare
 * them on every backend and the benchmark can time a full demo update (filter + draw) beside two
 * plain-JavaScript baselines.
 */
import * as reference from '../../src/compute';
import * as engine from '../../src/compute/tf';
import { drawFeatureMap } from '../../src/islands/shared/feature-map';
import { shippedDigitModel } from './digit-model';
import { benchFeatureMaps } from './feature-maps';
import { textCnnPredict } from './text-cnn';
import { tightSameFilter } from './tight-loop';

export interface BenchResult {
  /** Whole update: filter, colour map, putImageData. */
  times: number[];
  /** The filter alone (convolution and read-back). */
  filterTimes: number[];
  /** Which code filtered: the engine's path, or one of the two plain-JavaScript baselines. */
  path: string;
}

/**
 * How a timed update filters. 'edit' changes one kernel value every time (a reader typing), with
 * one reused output array (ImageFilter({ reuseOutput: true })); 'edit-new-array' is the same with
 * a new array per update (the ImageFilter default); 'frame' keeps the kernel (webcam frames, or a
 * change of image); 'tight-loop' and 'reference' are the plain-JavaScript baselines, run on edits.
 */
export type BenchMode = 'edit' | 'edit-new-array' | 'frame' | 'tight-loop' | 'reference';

function randomImage(size: number, seed: number): Uint8ClampedArray {
  let s = seed;
  return Uint8ClampedArray.from({ length: size * size * 4 }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s >>> 24;
  });
}

const canvas = document.getElementById('canvas') as HTMLCanvasElement;

/** The case every bench mode runs: a size x size RGB picture and a k x k kernel. */
function benchCase(size: number, k: number) {
  const rgba = randomImage(size, size + k);
  const kernel = Array.from({ length: k * k }, (_, i) => ((i % 3) - 1) / k);
  const input = {
    data: reference.rgbaToChannels(rgba, size, size, 'rgb'),
    shape: [1, size, size, 3] as const,
  };
  return { rgba, kernel, input };
}

const harness = {
  reference,
  engine,
  tightSameFilter,
  /** The feature-maps demo's update (tests/harness/feature-maps.ts). */
  benchFeatureMaps,
  /** The text classifier's TensorFlow.js model on given weights and ids (tests/harness/text-cnn.ts). */
  textCnnPredict,
  /** The shipped digit network loaded by tfjs-layers, on the first n held-out digits. */
  shippedDigitModel,
  /** Times `iterations` full updates of a size x size RGB image with a k x k kernel. */
  async bench(size: number, k: number, iterations: number, mode: BenchMode): Promise<BenchResult> {
    const { rgba, kernel, input } = benchCase(size, k);
    const filter = new engine.ImageFilter({ reuseOutput: mode !== 'edit-new-array' });
    filter.setImage(rgba, size, size, 'rgb');
    const tightKernel = new Float32Array(k * k);
    const tightOut = new Float32Array(size * size * 3);
    const filterOnce = async (): Promise<Float32Array> => {
      if (mode === 'reference') {
        const weights = { data: reference.tileKernel(kernel, k, 3), shape: [k, k, 3, 1] as const };
        return reference.depthwiseConv2d(input, weights, { padding: 'same' }).data;
      }
      if (mode === 'tight-loop') {
        tightKernel.set(kernel);
        return tightSameFilter(input.data, size, size, 3, tightKernel, k, tightOut);
      }
      return await filter.apply(kernel, k);
    };
    const times: number[] = [];
    const filterTimes: number[] = [];
    const path = mode === 'reference' || mode === 'tight-loop' ? mode : filter.path;
    try {
      for (let i = 0; i < iterations + 3; i++) {
        const start = performance.now();
        if (mode !== 'frame') kernel[0] = i / 100;
        const values = await filterOnce();
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
    return { times, filterTimes, path };
  },
  /** Largest relative difference between the tight loop and the reference on the bench case. */
  checkTightLoop(size: number, k: number): number {
    const { kernel, input } = benchCase(size, k);
    const weights = { data: reference.tileKernel(kernel, k, 3), shape: [k, k, 3, 1] as const };
    const expected = reference.depthwiseConv2d(input, weights, { padding: 'same' }).data;
    const got = tightSameFilter(
      input.data,
      size,
      size,
      3,
      Float32Array.from(kernel),
      k,
      new Float32Array(expected.length),
    );
    let worst = 0;
    expected.forEach((e, i) => {
      worst = Math.max(worst, Math.abs((got[i] as number) - e) / Math.max(1, Math.abs(e)));
    });
    return worst;
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
