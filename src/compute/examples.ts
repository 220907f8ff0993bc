/** The article's worked example: a 3x3 kernel sliding over a 5x5 binary image. */
export const SEED_INPUT = [
  [1, 1, 1, 0, 0],
  [0, 1, 1, 1, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 1, 1, 0],
  [0, 1, 1, 0, 0],
] as const;

export const SEED_KERNEL = [
  [1, 0, 1],
  [0, 1, 0],
  [1, 0, 1],
] as const;
