/** Named kernels with exact values (row-major), each with a one-line meaning. */
export interface NamedKernel {
  readonly id: string;
  readonly name: string;
  /** What the kernel does to an image, in one line. */
  readonly meaning: string;
  readonly size: number;
  readonly values: readonly number[];
}

const scaled = (divisor: number, values: number[]): number[] => values.map((v) => v / divisor);

export const KERNELS = [
  {
    id: 'identity',
    name: 'Identity',
    meaning: 'Leaves the image unchanged: each output is the centre input value.',
    size: 3,
    values: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  },
  {
    id: 'box-blur-3',
    name: 'Box blur 3×3',
    meaning: 'Replaces each value by the plain average of its 3×3 neighbourhood.',
    size: 3,
    values: scaled(9, Array<number>(9).fill(1)),
  },
  {
    id: 'box-blur-5',
    name: 'Box blur 5×5',
    meaning: 'A stronger blur: the plain average of the 5×5 neighbourhood.',
    size: 5,
    values: scaled(25, Array<number>(25).fill(1)),
  },
  {
    id: 'gaussian-3',
    name: 'Gaussian blur 3×3',
    meaning: 'A soft blur that weights near neighbours more (binomial 1-2-1).',
    size: 3,
    values: scaled(16, [1, 2, 1, 2, 4, 2, 1, 2, 1]),
  },
  {
    id: 'gaussian-5',
    name: 'Gaussian blur 5×5',
    meaning: 'A wider soft blur (binomial 1-4-6-4-1 in each direction).',
    size: 5,
    values: scaled(256, [1, 4, 6, 4, 1, 4, 16, 24, 16, 4, 6, 24, 36, 24, 6, 4, 16, 24, 16, 4, 1, 4, 6, 4, 1]),
  },
  {
    id: 'sharpen',
    name: 'Sharpen',
    meaning: 'Boosts each value against its four neighbours, so edges look crisper.',
    size: 3,
    values: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  },
  {
    id: 'outline',
    name: 'Outline (Laplacian)',
    meaning: 'Zero on flat areas, large where the value changes in any direction: outlines.',
    size: 3,
    values: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  },
  {
    id: 'sobel-x',
    name: 'Sobel x',
    meaning: 'Responds to vertical edges: positive where values increase to the right.',
    size: 3,
    values: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  },
  {
    id: 'sobel-y',
    name: 'Sobel y',
    meaning: 'Responds to horizontal edges: positive where values increase downwards.',
    size: 3,
    values: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  },
  {
    id: 'emboss',
    name: 'Emboss',
    meaning: 'Lights the image from the top left, so edges look raised.',
    size: 3,
    values: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
  },
  {
    id: 'seed-x',
    name: 'The article’s X',
    meaning: 'The example from the article: adds the centre and the four diagonal neighbours.',
    size: 3,
    values: [1, 0, 1, 0, 1, 0, 1, 0, 1],
  },
] as const satisfies readonly NamedKernel[];

export type KernelId = (typeof KERNELS)[number]['id'];

export function kernelById(id: KernelId): NamedKernel {
  const found = KERNELS.find((k) => k.id === id);
  if (found === undefined) throw new Error(`kernelById: no kernel named "${id}"`);
  return found;
}
