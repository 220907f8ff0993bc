/** Deterministic values in [-1, 1) for property-style comparisons (a 32-bit LCG, seeded). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

export function randomArray(length: number, seed: number): Float32Array {
  const next = seeded(seed);
  return Float32Array.from({ length }, () => Math.round(next() * 1000) / 1000);
}

/** Largest |a - b| / max(1, |b|) over two arrays of equal length. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const bi = b[i] as number;
    worst = Math.max(worst, Math.abs((a[i] as number) - bi) / Math.max(1, Math.abs(bi)));
  }
  return worst;
}
