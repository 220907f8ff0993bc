/**
 * The text classifier's TensorFlow.js model (src/compute/tf/text-cnn-model.ts) for the e2e tests:
 * built with the given weights, run on n subjects' ids, disposed. Plain arrays in and out, so
 * Playwright can carry them; the test compares them with src/compute's reference in Node.
 */
import { textCnnWeightsFromList, type TextCnnConfig } from '../../src/compute/text-cnn';
import { tensorCount } from '../../src/compute/tf';
import { TextCnnModel } from '../../src/compute/tf/text-cnn-model';

export async function textCnnPredict(
  config: TextCnnConfig,
  weights: number[][],
  ids: number[],
): Promise<{ probabilities: number[]; tensorsLeft: number }> {
  const before = tensorCount();
  const model = new TextCnnModel(config);
  let probabilities: number[];
  try {
    model.setWeights(
      textCnnWeightsFromList(
        config,
        weights.map((w) => Float32Array.from(w)),
      ),
    );
    probabilities = Array.from(await model.predict(ids));
  } finally {
    model.dispose();
  }
  return { probabilities, tensorsLeft: tensorCount() - before };
}
