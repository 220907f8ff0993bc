/**
 * One run of training batches in the worker: batches until about `ms` milliseconds have passed, or
 * until a step overflows (the loss or a weight is no longer a finite number). Then the weights go
 * back to what they were when the run began, the last ones the island showed, and the run says
 * where it stopped. Apart from the worker's globals, so it can be tested in Node.
 */
import type { DigitWeights } from '../../compute/digit-net-layout';

/** What the run needs of the model (src/compute/tf/digit-model.ts's DigitModel). */
export interface RunModel {
  trainStep(images: Float32Array, labels: Uint8Array): Promise<{ loss: number; finite: boolean }>;
  predict(images: Float32Array): Promise<Float32Array>;
  getWeights(): Promise<DigitWeights>;
  setWeights(weights: DigitWeights): void;
}

export interface RunResult {
  /** Mean loss of each batch trained and kept, in order. */
  losses: number[];
  /** Examples trained and kept in this run (0 after a divergence: the run was undone). */
  seen: number;
  /** Set when a step overflowed: its loss (NaN if the loss itself looked finite), and where. */
  diverged?: { loss: number; examples: number };
}

/**
 * Whether the model, as it is now, still gives finite probabilities for these images. A step can
 * leave every weight finite and yet so large that the next forward pass overflows: a run is kept
 * only if the network it leaves still computes numbers.
 */
export async function stillFinite(model: RunModel, images: Float32Array): Promise<boolean> {
  return (await model.predict(images)).every(Number.isFinite);
}

/** Whether a training step overflowed: its loss, or a number it checked, is not finite. */
export const overflowed = (step: { loss: number; finite: boolean }): boolean =>
  !Number.isFinite(step.loss) || !step.finite;

/**
 * The loss the reader is told about when a step overflowed: its own if it is NaN or infinite, else
 * NaN (on WASM a network with NaN weights or probabilities still reports a finite loss).
 */
export const shownLoss = (loss: number): number => (Number.isFinite(loss) ? Number.NaN : loss);

export async function trainRun(
  model: RunModel,
  nextBatch: () => { images: Float32Array; labels: Uint8Array },
  options: { ms: number; examplesBefore: number; now?: () => number },
): Promise<RunResult> {
  const now = options.now ?? (() => performance.now());
  const good = await model.getWeights();
  const losses: number[] = [];
  let seen = 0;
  const start = now();
  const undo = (loss: number): RunResult => {
    model.setWeights(good);
    return { losses: [], seen: 0, diverged: { loss, examples: options.examplesBefore + seen } };
  };
  let images: Float32Array;
  do {
    const batch = nextBatch();
    images = batch.images;
    const step = await model.trainStep(images, batch.labels);
    seen += batch.labels.length;
    if (overflowed(step)) return undo(shownLoss(step.loss));
    losses.push(step.loss);
  } while (now() - start < options.ms);
  if (!(await stillFinite(model, images))) return undo(Number.NaN);
  return { losses, seen };
}
