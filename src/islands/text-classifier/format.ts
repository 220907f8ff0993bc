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

/** A reader's guess of a probability, as a percentage: right within 15 points. */
export function checkGuess(guess: string, spam: number): { correct: boolean; feedback: string } {
  const value = Number(guess.replace('%', '').replace(',', '.').trim());
  if (!Number.isFinite(value) || value < 0 || value > 100)
    return { correct: false, feedback: 'Type a percentage from 0 to 100, such as 40.' };
  const right = Math.abs(value - spam * 100) <= 15;
  return {
    correct: right,
    feedback: `${right ? 'Close' : 'Not quite'}: the network says ${percent(spam)}, you said ${value}%.`,
  };
}
