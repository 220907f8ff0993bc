/** Build-time checks of what an author passes to the stepper: a sentence per mistake, or null. */
import { LIMITS, MAX_ABS, makeFrame, parsePadding } from './model';
import type { ConvStepperProps } from './ConvStepper';
import { SEED_INPUT, SEED_KERNEL } from '../../compute';

function checkGrid(name: string, rows: unknown, min: number, max: number): string | null {
  if (!Array.isArray(rows) || rows.length < min || rows.length > max) {
    return `${name} must be a square grid of ${min} to ${max} rows, such as [[1, 0], [0, 1]].`;
  }
  for (const [i, row] of rows.entries()) {
    if (!Array.isArray(row) || row.length !== rows.length) {
      return `${name} row ${i + 1} has ${Array.isArray(row) ? row.length : 'no'} values; a ${rows.length}-row grid needs ${rows.length} in every row.`;
    }
    for (const v of row) {
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > MAX_ABS) {
        return `${name} row ${i + 1} holds ${String(v)}; values must be finite numbers between −${MAX_ABS} and ${MAX_ABS}.`;
      }
    }
  }
  return null;
}

export function validateStepperProps(props: ConvStepperProps): string | null {
  const input = props.input ?? SEED_INPUT;
  const kernel = props.kernel ?? SEED_KERNEL;
  const gridProblem =
    checkGrid('input', input, LIMITS.inputSize.min, LIMITS.inputSize.max) ??
    checkGrid('kernel', kernel, LIMITS.kernelSize.min, LIMITS.kernelSize.max);
  if (gridProblem) return gridProblem;
  for (const name of ['stride', 'dilation'] as const) {
    const v = props[name];
    if (v !== undefined && (!Number.isInteger(v) || v < LIMITS[name].min || v > LIMITS[name].max)) {
      return `${name} must be a whole number from ${LIMITS[name].min} to ${LIMITS[name].max}, got ${v}.`;
    }
  }
  if (props.padding !== undefined && !parsePadding(String(props.padding)).ok) {
    return `padding must be 'valid', 'same', 0, 1 or 2, got ${JSON.stringify(props.padding)}.`;
  }
  const frame = makeFrame(
    input.map((r) => [...r]),
    kernel.map((r) => [...r]),
    { stride: props.stride ?? 1, padding: props.padding ?? 'valid', dilation: props.dilation ?? 1 },
  );
  return frame.ok ? null : frame.message;
}
