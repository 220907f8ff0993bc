/**
 * The text demos' TensorFlow.js path in a real browser: the 1-D convolution (stride, padding,
 * dilation, several filters), max-over-time pooling, and the text classifier's forward pass, on
 * the WASM and CPU backends, equal src/compute's reference, computed here in Node on the same
 * numbers. The unit tests check the same in Node; this checks the code the reader's browser runs.
 */
import { readFileSync } from 'node:fs';
import { conv1d, maxOverTime, mulberry32, type Conv1DOptions } from '../../src/compute';
import {
  textCnnForward,
  textCnnShapes,
  textCnnWeightsFromList,
  type TextCnnConfig,
} from '../../src/compute/text-cnn';
import { dequantise, parseTextModel } from '../../src/compute/text-cnn-file';
import { encode, vocabularyOf } from '../../src/compute/text-words';
import { expect, test } from './fixtures';
import { openHarness } from './harness-page';

const TOLERANCE = 1e-4;

/** Largest |a − b| / max(1, |b|). */
function worstError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as number;
    worst = Math.max(worst, Math.abs((got[i] as number) - w) / Math.max(1, Math.abs(w)));
  }
  return worst;
}

function randoms(n: number, seed: number): number[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => Math.round((next() * 2 - 1) * 1000) / 1000);
}

interface Case {
  name: string;
  length: number;
  channels: number;
  width: number;
  filters: number;
  input: number[];
  kernel: number[];
  options: Conv1DOptions & { bias: number[] };
}

/** A modest grid spread over every axis (one case in two). */
function conv1dCases(): Case[] {
  const cases: Case[] = [];
  let seed = 1;
  for (const length of [1, 5, 12])
    for (const channels of [1, 3])
      for (const width of [1, 2, 3, 5])
        for (const stride of [1, 2, 3])
          for (const padding of ['valid', 'same', 2] as const)
            for (const dilation of [1, 2]) {
              if ((length + channels + width + stride + dilation) % 2 !== 0) continue;
              const filters = width === 1 ? 1 : 3;
              seed++;
              cases.push({
                name: `conv1d x=[${length},${channels}] w=[${width},${channels},${filters}] s=${stride} p=${padding} d=${dilation}`,
                length,
                channels,
                width,
                filters,
                input: randoms(length * channels, seed),
                kernel: randoms(width * channels * filters, seed + 1000),
                options: { stride, padding, dilation, bias: randoms(filters, seed + 2000) },
              });
            }
  return cases;
}

for (const backend of ['wasm', 'cpu'] as const) {
  test.describe(`${backend} backend, text`, () => {
    test(`conv1d and max over time equal the reference on a grid of shapes (tolerance ${TOLERANCE})`, async ({
      page,
    }) => {
      const failure = await openHarness(page, backend);
      // WASM and CPU start in this Chromium; if one ever does not, the reason is what is reported.
      expect(failure, `${backend} started`).toBeNull();
      const cases = conv1dCases();
      const results = await page.evaluate(async (cases) => {
        const { engine } = window.harness;
        const before = engine.tensorCount();
        const out: ({ data: number[]; length: number; max: number[]; at: number[] } | { error: string })[] =
          [];
        for (const c of cases) {
          try {
            const y = await engine.conv1dTf(
              { data: Float32Array.from(c.input), length: c.length, channels: c.channels },
              {
                data: Float32Array.from(c.kernel),
                width: c.width,
                inChannels: c.channels,
                outChannels: c.filters,
              },
              { ...c.options, bias: Float32Array.from(c.options.bias) },
            );
            const pooled = y.length > 0 ? await engine.maxOverTimeTf(y) : null;
            out.push({
              data: Array.from(y.data),
              length: y.length,
              max: pooled ? Array.from(pooled.values) : [],
              at: pooled ? Array.from(pooled.positions) : [],
            });
          } catch (error) {
            out.push({ error: (error as Error).message });
          }
        }
        return { out, tensorsLeft: engine.tensorCount() - before };
      }, cases);

      let compared = 0;
      cases.forEach((c, i) => {
        const got = results.out[i];
        let want;
        try {
          want = conv1d(
            { data: Float32Array.from(c.input), length: c.length, channels: c.channels },
            {
              data: Float32Array.from(c.kernel),
              width: c.width,
              inChannels: c.channels,
              outChannels: c.filters,
            },
            c.options,
          );
        } catch {
          // The reference refuses this shape: the browser must refuse it too.
          expect(got && 'error' in got, `${c.name}: refused in the browser as in the reference`).toBe(true);
          return;
        }
        if (got === undefined || 'error' in got) throw new Error(`${c.name}: ${got?.error ?? 'no answer'}`);
        expect(got.length, `${c.name}: output length`).toBe(want.length);
        expect(worstError(got.data, want.data), `${c.name}: outputs`).toBeLessThanOrEqual(TOLERANCE);
        if (want.length > 0) {
          const pooled = maxOverTime(want);
          expect(worstError(got.max, pooled.values), `${c.name}: max over time`).toBeLessThanOrEqual(
            TOLERANCE,
          );
          expect(got.at, `${c.name}: the winning positions`).toEqual(Array.from(pooled.positions));
        }
        compared++;
      });
      expect(compared, 'enough shapes were compared').toBeGreaterThan(80);
      expect(results.tensorsLeft, 'no tensor left behind').toBe(0);
    });

    test(`the text classifier's forward pass equals the reference: random models and the shipped one (tolerance ${TOLERANCE})`, async ({
      page,
    }) => {
      const failure = await openHarness(page, backend);
      expect(failure, `${backend} started`).toBeNull();
      // Small random models (non-zero biases, so every path counts), then the shipped network on
      // the first 40 held-out subjects.
      const grid: TextCnnConfig[] = [
        { length: 6, vocabSize: 7, embedding: 3, widths: [2], filters: 2 },
        { length: 10, vocabSize: 11, embedding: 4, widths: [2, 3, 4], filters: 3 },
        { length: 5, vocabSize: 9, embedding: 2, widths: [3, 5], filters: 1 },
      ];
      const models = grid.map((config, g) => {
        const weights = textCnnShapes(config).map((s, i) =>
          randoms(
            s.reduce((a, b) => a * b, 1),
            100 * g + i,
          ).map((v) => v * 0.8),
        );
        const next = mulberry32(77 + g);
        const ids = Array.from({ length: 6 * config.length }, () => Math.floor(next() * config.vocabSize));
        return { name: `random model ${g + 1}`, config, weights, ids };
      });
      const file = parseTextModel(JSON.parse(readFileSync('public/data/text/text-cnn.json', 'utf8')));
      const subjects = (
        JSON.parse(readFileSync('public/data/text/subjects.json', 'utf8')) as { test: [string, number][] }
      ).test.slice(0, 40);
      const vocab = vocabularyOf(file.vocabulary);
      models.push({
        name: 'the shipped network',
        config: file.config,
        weights: file.weights.map((w) => Array.from(dequantise(w))),
        ids: subjects.flatMap(([text]) => Array.from(encode(text, vocab, file.config.length).ids)),
      });

      for (const m of models) {
        const got = await page.evaluate(
          ({ config, weights, ids }) => window.harness.textCnnPredict(config, weights, ids),
          m,
        );
        const weights = textCnnWeightsFromList(
          m.config,
          m.weights.map((w) => Float32Array.from(w)),
        );
        const n = m.ids.length / m.config.length;
        expect(got.probabilities, `${m.name}: two probabilities per subject`).toHaveLength(2 * n);
        for (let s = 0; s < n; s++) {
          const want = textCnnForward(
            m.config,
            weights,
            m.ids.slice(s * m.config.length, (s + 1) * m.config.length),
          );
          expect(
            worstError(got.probabilities.slice(2 * s, 2 * s + 2), want.probabilities),
            `${m.name}, subject ${s + 1}: [not spam, spam]`,
          ).toBeLessThanOrEqual(TOLERANCE);
        }
        expect(got.tensorsLeft, `${m.name}: no tensor left behind`).toBe(0);
      }
    });
  });
}
