/**
 * How the text classifier writes its numbers; small and free of src/compute, so the island's first
 * chunk stays small (the reference forward pass, model.ts, loads with the weights).
 */
export const CLASS_NAMES = ['not spam', 'spam'] as const;

/** "+0.42" / "−0.18": a signed number as shown. */
export function signed(value: number, digits = 2): string {
  const s = Math.abs(value).toFixed(digits);
  return Number(s) === 0 ? s : `${value > 0 ? '+' : '−'}${s}`;
}

export const percent = (p: number) => `${(p * 100).toFixed(1)}%`;
