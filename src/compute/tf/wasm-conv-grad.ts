/**
 * TensorFlow.js 4.22's WebAssembly backend cannot train a convolution: it has no
 * 'Conv2DBackpropFilter' kernel (the gradient of conv2d for its filter), so fit() and
 * variableGrads() fail with "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'".
 * It does have the 3-D one, 'Conv3DBackpropFilterV2'. A 2-D convolution is a 3-D one with a depth
 * of 1, so this kernel views x [n, h, w, c] as [n, 1, h, w, c] and dy as [n, 1, oh, ow, o], runs
 * the 3-D kernel, and views its [1, kh, kw, c, o] answer as [kh, kw, c, o]. The views share the
 * data (no copy).
 *
 * Only what that form computes correctly is accepted: stride 1, 'valid' or 'same' padding, NHWC.
 * Anything else throws a sentence rather than a wrong gradient (measured: stride 2 is wrong).
 * Checked against the CPU backend's gradient in tests/unit/compute/tf/wasm-conv-grad.test.ts.
 */
import * as tf from '@tensorflow/tfjs-core';

type Info = tf.TensorInfo;

const as = (t: Info, shape: number[]): Info => ({ dataId: t.dataId, shape, dtype: t.dtype });

const conv2DBackpropFilterWasm: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: Info; dy: Info };
  const { strides, pad, dataFormat, filterShape } = attrs as unknown as {
    strides: number | [number, number];
    pad: unknown;
    dataFormat: string;
    filterShape: [number, number, number, number];
  };
  const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
  if (sh !== 1 || sw !== 1) {
    throw new Error(`Conv2DBackpropFilter on wasm: only stride 1 is supported, got ${sh}×${sw}`);
  }
  if (pad !== 'valid' && pad !== 'same') {
    throw new Error(
      `Conv2DBackpropFilter on wasm: only 'valid' or 'same' padding, got ${JSON.stringify(pad)}`,
    );
  }
  if (dataFormat !== undefined && dataFormat !== 'NHWC') {
    throw new Error(`Conv2DBackpropFilter on wasm: only NHWC, got ${dataFormat}`);
  }
  const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
  if (conv3d === undefined)
    throw new Error('Conv2DBackpropFilter on wasm: the wasm backend has no Conv3DBackpropFilterV2');
  const [n, h, w, c] = x.shape as [number, number, number, number];
  const [, oh, ow, o] = dy.shape as [number, number, number, number];
  const out = conv3d.kernelFunc({
    inputs: { x: as(x, [n, 1, h, w, c]), dy: as(dy, [n, 1, oh, ow, o]) },
    backend,
    attrs: { strides: [1, 1, 1], pad, filterShape: [1, ...filterShape] },
  }) as Info;
  return as(out, [...filterShape]);
};

/** Registers the kernel once (call after the wasm backend is imported; harmless to repeat). */
export function registerWasmConvGradient(): void {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: conv2DBackpropFilterWasm,
  });
}
