/**
 * TensorFlow.js 4.22's WebAssembly backend cannot train an embedding layer: the gradient of
 * gather (the embedding lookup) is an 'UnsortedSegmentSum', which it lacks ("Kernel
 * 'UnsortedSegmentSum' not registered for backend 'wasm'"). This registers that kernel for 'wasm'
 * in plain JavaScript on the backend's own memory: out[segmentIds[r], j] += x[r, j], rows whose id is
 * outside [0, numSegments) dropped, as TensorFlow does. Embedding gradients are small (a batch's
 * words × the vector size), so a loop is fast enough. Checked against the CPU backend in
 * tests/unit/compute/tf/text-cnn-model.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import { registerWasmConvGradient } from './wasm-conv-grad.ts';

type Info = tf.TensorInfo;

interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): Info;
  typedArrayFromHeap(info: Info): Float32Array | Int32Array | Uint8Array;
}

const unsortedSegmentSumWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: Info; segmentIds: Info };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const heap = backend as unknown as WasmHeap;
  const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
  const size = x.shape.reduce((a, b) => a * b, 1);
  const inner = rows === 0 ? 0 : size / rows;
  const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
  const out = heap.makeOutput(outShape, x.dtype);
  // Views made after the output is allocated: allocating may move the heap.
  const xs = heap.typedArrayFromHeap(x);
  const ids = heap.typedArrayFromHeap(segmentIds);
  const os = heap.typedArrayFromHeap(out);
  os.fill(0);
  for (let r = 0; r < rows; r++) {
    const id = ids[r] as number;
    if (id < 0 || id >= numSegments) continue;
    for (let j = 0; j < inner; j++)
      os[id * inner + j] = (os[id * inner + j] as number) + (xs[r * inner + j] as number);
  }
  return out;
};

/** Registers the kernel once (call after the wasm backend is imported; harmless to repeat). */
export function registerWasmSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: unsortedSegmentSumWasm,
  });
}

/** Every kernel the wasm backend lacks for training the site's models (conv filters, embeddings). */
export function registerWasmTrainingKernels(): void {
  registerWasmConvGradient();
  registerWasmSegmentSum();
}
