/**
 * The authors' props of <FeatureMaps>, checked at build time: a mistake fails the build with a
 * sentence naming the prop. Pure: tested in Node.
 *
 *   <FeatureMaps filters={[{ kernel: 'sobel-x' }, { kernel: [[0, 1, 0], [1, -4, 1], [0, 1, 0]], bias: -10 }]}
 *     relu={true} pool={{ mode: 'max', size: 2, stride: 2 }} sample="shapes" caption="…" />
 */
import { KERNELS, layerProblem, type BankFilter, type PoolMode } from '../../compute';
import { DEFAULT_FILTERS, type FeatureMapsState } from './model';

export interface AuthorFilter {
  /** A kernel id from src/compute/kernels.ts, or a square grid of 3 or 5 rows. */
  kernel: string | number[][];
  bias?: number;
}

export interface FeatureMapsAuthorProps {
  filters?: AuthorFilter[];
  relu?: boolean;
  pool?: { mode?: PoolMode; size?: number; stride?: number };
  sample?: string;
}

export type Checked = { ok: true; value: FeatureMapsState } | { ok: false; message: string };

const ids = () => KERNELS.map((k) => k.id).join(', ');

/** The demo's starting state from an author's props, or the sentence that says what is wrong. */
export function checkFeatureMapsProps(props: FeatureMapsAuthorProps, samples: readonly string[]): Checked {
  const given: AuthorFilter[] = props.filters ?? DEFAULT_FILTERS.map((kernel) => ({ kernel }));
  if (!Array.isArray(given) || given.length < 1 || given.length > 8) {
    return {
      ok: false,
      message: `filters must list 1 to 8 filters, got ${Array.isArray(given) ? given.length : typeof given}.`,
    };
  }
  const filters: BankFilter[] = [];
  let size: number | null = null;
  for (const [i, f] of given.entries()) {
    const n = i + 1;
    let values: number[];
    let rows: number;
    if (typeof f?.kernel === 'string') {
      const preset = KERNELS.find((k) => k.id === f.kernel);
      if (!preset)
        return {
          ok: false,
          message: `filter ${n}: there is no kernel "${f.kernel}". Use one of: ${ids()}, or a grid of numbers.`,
        };
      values = [...preset.values];
      rows = preset.size;
    } else if (Array.isArray(f?.kernel)) {
      rows = f.kernel.length;
      if ((rows !== 3 && rows !== 5) || f.kernel.some((r) => !Array.isArray(r) || r.length !== rows)) {
        return {
          ok: false,
          message: `filter ${n}: a kernel is a square grid of 3 or 5 rows of numbers, such as [[0, 1, 0], [1, -4, 1], [0, 1, 0]].`,
        };
      }
      values = f.kernel.flat();
      if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        return { ok: false, message: `filter ${n}: every kernel value must be a finite number.` };
      }
    } else {
      return {
        ok: false,
        message: `filter ${n} needs a kernel: a kernel id (${ids()}) or a grid of numbers.`,
      };
    }
    if (size !== null && rows !== size) {
      return {
        ok: false,
        message: `filter ${n} is ${rows}×${rows} but filter 1 is ${size}×${size}: the filters of one layer share one kernel size.`,
      };
    }
    size = rows;
    const bias = f.bias ?? 0;
    if (typeof bias !== 'number' || !Number.isFinite(bias)) {
      return { ok: false, message: `filter ${n}: bias must be a finite number, got ${String(bias)}.` };
    }
    filters.push({ values, bias });
  }
  if (props.relu !== undefined && typeof props.relu !== 'boolean') {
    return { ok: false, message: `relu must be true or false, got ${JSON.stringify(props.relu)}.` };
  }
  const pool = {
    mode: props.pool?.mode ?? 'max',
    size: props.pool?.size ?? 2,
    stride: props.pool?.stride ?? props.pool?.size ?? 2,
  };
  const sample = props.sample ?? samples[0] ?? '';
  if (!samples.includes(sample)) {
    return {
      ok: false,
      message: `there is no sample picture "${sample}". Use one of: ${samples.join(', ')}.`,
    };
  }
  const state: FeatureMapsState = {
    size: (size ?? 3) as 3 | 5,
    filters,
    relu: props.relu ?? true,
    pool,
    sample,
  };
  const problem = layerProblem(state);
  if (problem !== null) return { ok: false, message: `pool: ${problem}` };
  return { ok: true, value: state };
}
