/**
 * The playground's hot path as one small hand-written WebAssembly SIMD function: a k x k kernel
 * applied to every channel of an HWC image, 'same' padding, stride 1.
 *
 * Why not TensorFlow.js here: its WASM backend hands the convolution to XNNPACK, which builds an
 * operator (packed weights and an indirection buffer over the whole image) for every new weight
 * tensor, and packs the weights at that moment, so a kernel edit cannot reuse it. That cost
 * (about 2 ms at 256x256x3) exceeds the convolution itself. Here the kernel is data: an edit
 * writes k² numbers into memory, and one pass over the zero-padded image computes all outputs.
 *
 * The function is assembled from bytes below (no toolchain), specialised per kernel size and
 * channel count so that every tap offset is a constant; each output row is computed four floats
 * at a time: out[x..x+3] = Σₘ (Σₙ w[m][n] · in[y + m][x + n·C .. +3]).
 */

/** Opcodes used, from the WebAssembly core specification and its SIMD (v128) extension. */
const OP = {
  block: 0x02,
  loop: 0x03,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f32Load: 0x2a,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  simd: 0xfd,
  void: 0x40,
  i32: 0x7f,
  v128: 0x7b,
} as const;
/** v128 instructions, each written after the 0xfd prefix as an unsigned LEB128 number. */
const SIMD = { load: 0x00, store: 0x0b, f32x4Splat: 0x13, f32x4Add: 0xe4, f32x4Mul: 0xe6 } as const;

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128, for i32.const. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const simd = (op: number) => [OP.simd, ...uleb(op)];
/** A memory access: alignment hint 4 bytes (2^2), then the constant byte offset. */
const memarg = (offset: number) => [2, ...uleb(offset)];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => vector([...s].map((c) => [c.charCodeAt(0)]));

/** Parameters of `filter`, in order (all i32 byte addresses and sizes). */
const P = {
  /** The first padded input row that output row 0 reads. */
  input: 0,
  output: 1,
  /** k² float32 values. */
  weights: 2,
  /** Output rows left. */
  rows: 3,
  /** Bytes in one output row: width * channels * 4. */
  rowBytes: 4,
  /** Bytes in one padded input row: (width + k - 1) * channels * 4. */
  strideBytes: 5,
} as const;

/** The body of filter(input, output, weights, rows, rowBytes, strideBytes) for one k and C. */
function filterBody(k: number, channels: number): number[] {
  const taps = k * k;
  // Locals after the 6 parameters: i (byte column), a (row address), p_0..p_{k-1}, then w_t.
  const I = 6;
  const A = 7;
  const row = (m: number) => 8 + m;
  const weight = (t: number) => 8 + k + t;
  const get = (l: number) => [OP.localGet, ...uleb(l)];
  const set = (l: number) => [OP.localSet, ...uleb(l)];
  const code: number[] = [];
  for (let t = 0; t < taps; t++) {
    code.push(...get(P.weights), OP.f32Load, ...memarg(t * 4), ...simd(SIMD.f32x4Splat), ...set(weight(t)));
  }
  code.push(OP.block, OP.void, ...get(P.rows), OP.i32Eqz, OP.brIf, 0);
  code.push(OP.loop, OP.void); // one output row
  for (let m = 0; m < k; m++) {
    code.push(...get(P.input), ...get(P.strideBytes), OP.i32Const, ...sleb(m), OP.i32Mul, OP.i32Add);
    code.push(...set(row(m)));
  }
  code.push(OP.i32Const, 0, ...set(I));
  code.push(OP.loop, OP.void); // four floats of the row
  code.push(...get(P.output), ...get(I), OP.i32Add); // the store address, under the sum
  for (let m = 0; m < k; m++) {
    code.push(...get(row(m)), ...get(I), OP.i32Add, ...set(A));
    for (let n = 0; n < k; n++) {
      const t = m * k + n;
      code.push(...get(A), ...simd(SIMD.load), ...memarg(n * channels * 4));
      code.push(...get(weight(t)), ...simd(SIMD.f32x4Mul));
      if (n > 0) code.push(...simd(SIMD.f32x4Add));
    }
    // Each kernel row is summed on its own, then added to the total: with float32 sums, k short
    // sums of k terms stay closer to the exact answer than one sum of k² terms.
    if (m > 0) code.push(...simd(SIMD.f32x4Add));
  }
  code.push(...simd(SIMD.store), ...memarg(0));
  code.push(...get(I), OP.i32Const, 16, OP.i32Add, OP.localTee, ...uleb(I), ...get(P.rowBytes), OP.i32LtU);
  code.push(OP.brIf, 0, OP.end);
  code.push(...get(P.input), ...get(P.strideBytes), OP.i32Add, ...set(P.input));
  code.push(...get(P.output), ...get(P.rowBytes), OP.i32Add, ...set(P.output));
  code.push(...get(P.rows), OP.i32Const, 1, OP.i32Sub, OP.localTee, ...uleb(P.rows), OP.brIf, 0);
  code.push(OP.end, OP.end, OP.end); // row loop, block, function
  const locals = vector([
    [...uleb(2 + k), OP.i32],
    [...uleb(taps), OP.v128],
  ]);
  return [...locals, ...code];
}

/** A module that imports env.memory and exports filter(), for one kernel size and channel count. */
export function filterModuleBytes(k: number, channels: number): Uint8Array<ArrayBuffer> {
  const body = filterBody(k, channels);
  const params = Array.from({ length: 6 }, () => [OP.i32]);
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector([[0x60, ...vector(params), ...vector([])]])), // type: (i32 x 6) -> ()
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])), // memory, min 1 page
    ...section(3, vector([[0]])), // one function of type 0
    ...section(7, vector([[...name('filter'), 0x00, 0x00]])), // export it
    ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
}

let supported: boolean | null = null;

/** Whether this runtime runs WebAssembly with SIMD (every current browser and Node). */
export function simdSupported(): boolean {
  if (supported === null) {
    try {
      supported = typeof WebAssembly === 'object' && WebAssembly.validate(filterModuleBytes(1, 1));
    } catch {
      supported = false;
    }
  }
  return supported;
}

type FilterFn = (
  input: number,
  output: number,
  weights: number,
  rows: number,
  rowBytes: number,
  strideBytes: number,
) => void;

const PAGE = 65536;
const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * Owns one WebAssembly memory holding [weights | zero-padded image | output]. The padded image
 * is rewritten only when the image or the padding changes; a kernel edit writes k² floats.
 */
export class SimdSameFilter {
  readonly #memory = new WebAssembly.Memory({ initial: 1 });
  readonly #modules = new Map<string, FilterFn>();
  #image: { values: Float32Array; height: number; width: number; channels: number } | null = null;
  /** Where and with which padding memory holds the image, or null when it must be rewritten. */
  #padded: string | null = null;

  setImage(values: Float32Array, height: number, width: number, channels: number): void {
    this.#image = { values, height, width, channels };
    this.#padded = null;
  }

  /**
   * The image filtered with a size x size kernel (values in row-major order, the same kernel for
   * every channel), 'same' padding split [top, bottom, left, right] as the reference splits it.
   * Written into `into` (height * width * channels floats) when given, else into a new array.
   */
  apply(
    kernel: readonly number[],
    size: number,
    pad: readonly [number, number, number, number],
    into?: Float32Array,
  ): Float32Array {
    const image = this.#image;
    if (image === null) throw new Error('SimdSameFilter.apply: no image has been set');
    const { values, height, width, channels } = image;
    const [top, bottom, left, right] = pad;
    const paddedWidth = width + left + right;
    const strideBytes = paddedWidth * channels * 4;
    const rowBytes = width * channels * 4;
    // Rows are computed 16 bytes at a time; the last block may run past a row into the next one
    // (rewritten right after) and past the end, so both regions get 16 bytes of slack.
    const weightsAt = 0;
    const inputAt = align16(size * size * 4);
    const outputAt = align16(
      inputAt + (height + top + bottom) * strideBytes + 16 + (size - 1) * channels * 4,
    );
    const end = outputAt + height * rowBytes + 16;
    if (end > this.#memory.buffer.byteLength) {
      this.#memory.grow(Math.ceil((end - this.#memory.buffer.byteLength) / PAGE));
      this.#padded = null;
    }
    const heap = new Float32Array(this.#memory.buffer);
    const paddingKey = `${inputAt}/${top}/${bottom}/${left}/${right}`;
    if (this.#padded !== paddingKey) {
      const start = inputAt / 4;
      heap.fill(0, start, outputAt / 4);
      for (let y = 0; y < height; y++) {
        const from = y * width * channels;
        heap.set(
          values.subarray(from, from + width * channels),
          start + ((y + top) * paddedWidth + left) * channels,
        );
      }
      this.#padded = paddingKey;
    }
    heap.set(kernel, weightsAt / 4);
    this.#module(size, channels)(inputAt, outputAt, weightsAt, height, rowBytes, strideBytes);
    const result = heap.subarray(outputAt / 4, outputAt / 4 + height * width * channels);
    if (into === undefined) return result.slice();
    into.set(result);
    return into;
  }

  #module(size: number, channels: number): FilterFn {
    const key = `${size}/${channels}`;
    let fn = this.#modules.get(key);
    if (fn === undefined) {
      // A few hundred bytes: synchronous compilation is allowed and takes well under a millisecond.
      const module = new WebAssembly.Module(filterModuleBytes(size, channels));
      const instance = new WebAssembly.Instance(module, { env: { memory: this.#memory } });
      fn = instance.exports.filter as FilterFn;
      this.#modules.set(key, fn);
    }
    return fn;
  }
}
