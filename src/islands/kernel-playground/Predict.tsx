/**
 * "Predict, then reveal" for the playground: where will this kernel respond most? The reader taps
 * the input picture (predict-input), the feature map hiding meanwhile; Reveal (predict-reveal)
 * marks the true maximum on both pictures and says how far the guess was. Built like the
 * toolkit's Predict (a closed <details>, optional, never blocking; without JavaScript it holds the
 * answer computed at build time), but the answer is a point on a picture, not typed text, so this
 * one lives here.
 */
import { formatNumber } from '../shared/format';
import { distance, type Pixel } from './model';

export type Answer = Pixel & { value: number };

export interface PredictProps {
  /** False on the server and in the first render: the answer computed at build time is shown. */
  live: boolean;
  staticAnswer: Answer | null;
  guessing: boolean;
  guess: Pixel | null;
  revealed: Answer | null;
  /** The live picture is there to guess about. */
  canStart: boolean;
  onStart: () => void;
  onReveal: () => void;
}

const QUESTION = 'Guess first: where will this kernel respond most strongly?';
const where = (a: Answer) =>
  `at (${a.x}, ${a.y}), where it gives ${formatNumber(Math.round(a.value * 10) / 10)}`;
const WHY =
  'Strongest means the largest value of either sign; the picture’s border, where the padding’s zeros count, is left out.';

export function Predict(props: PredictProps) {
  const { live, staticAnswer, guessing, guess, revealed } = props;
  if (!live) {
    return (
      <details class="demo-predict playground-predict">
        <summary>{QUESTION}</summary>
        <div class="demo-predict__body">
          <p>
            {staticAnswer
              ? `Strongest ${where(staticAnswer)}. ${WHY}`
              : 'Everywhere alike: this kernel gives the same value at every pixel.'}
          </p>
        </div>
      </details>
    );
  }
  const away = revealed && guess ? distance(guess, revealed) : null;
  return (
    <details class="demo-predict playground-predict">
      <summary>{QUESTION}</summary>
      <div class="demo-predict__body" aria-live="polite">
        {guessing ? (
          <>
            <p>
              {guess
                ? `Your guess: (${guess.x}, ${guess.y}). Tap again to move it, or reveal.`
                : 'The feature map is hidden. Tap the input picture where you expect the strongest response (or focus it and use the arrow keys).'}
            </p>
            <button type="button" class="demo-button" data-testid="predict-reveal" onClick={props.onReveal}>
              {guess ? 'Reveal' : 'Reveal without guessing'}
            </button>
          </>
        ) : revealed ? (
          <>
            <p data-testid="predict-feedback">
              Strongest {where(revealed)}: the red ring on both pictures.{' '}
              {away === null
                ? ''
                : away <= 12
                  ? `Your guess was ${away} pixels away: spot on.`
                  : `Your guess (the dashed ring) was ${away} pixels away.`}{' '}
              {WHY}
            </p>
            <button type="button" class="demo-button" onClick={props.onStart}>
              Guess again
            </button>
          </>
        ) : (
          <>
            <p>
              Pick a kernel, then hide the feature map and tap the input where you expect it to respond most.
            </p>
            <button
              type="button"
              class="demo-button"
              data-testid="predict-start"
              disabled={!props.canStart}
              onClick={props.onStart}
            >
              Hide the feature map and guess
            </button>
          </>
        )}
      </div>
    </details>
  );
}
