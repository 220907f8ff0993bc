import { formatNumber } from '../shared/format';
import { distance, type Pixel } from './model';

export type Answer = Pixel & { value: number };

export interface PredictProps {
  uid: string;
  /** False on the server and in the first render: the question and answer sit in a <details>. */
  hydrated: boolean;
  /** The answer computed at build time, for readers without JavaScript. */
  staticAnswer: Answer | null;
  guessing: boolean;
  guess: Pixel | null;
  revealed: Answer | null;
  /** The live picture is there to guess about. */
  canStart: boolean;
  onStart: () => void;
  onReveal: () => void;
}

const QUESTION = 'Before you look: where will this kernel respond most strongly?';
const where = (a: Answer) =>
  `at (${a.x}, ${a.y}), where it gives ${formatNumber(Math.round(a.value * 10) / 10)}`;

/** Optional: guess where the kernel responds most, then see. Never blocks the demo. */
export function Predict(props: PredictProps) {
  const { hydrated, staticAnswer, guessing, guess, revealed } = props;
  if (!hydrated) {
    return (
      <details class="playground-predict">
        <summary>{QUESTION}</summary>
        <p>
          {staticAnswer
            ? `Strongest ${where(staticAnswer)} (the largest value of either sign, leaving out the border, where padding counts).`
            : 'Everywhere alike: this picture gives the same value at every pixel.'}
        </p>
      </details>
    );
  }
  const away = revealed && guess ? distance(guess, revealed) : null;
  return (
    <div class="playground-predict" data-testid="predict" aria-live="polite">
      {guessing ? (
        <>
          <p>
            {guess
              ? `Your guess: (${guess.x}, ${guess.y}). Tap again to move it, or reveal.`
              : 'The feature map is hidden. Tap the input picture where you expect the strongest response (or focus it and use the arrow keys).'}
          </p>
          <button
            type="button"
            class="playground-button"
            data-testid="predict-reveal"
            onClick={props.onReveal}
          >
            {guess ? 'Reveal' : 'Reveal without guessing'}
          </button>
        </>
      ) : revealed ? (
        <>
          <p data-testid="predict-result">
            Strongest {where(revealed)}, marked on both pictures.{' '}
            {away === null
              ? ''
              : away <= 12
                ? `Your guess was ${away} pixels away: spot on.`
                : `Your guess was ${away} pixels away.`}
          </p>
          <button type="button" class="playground-button" onClick={props.onStart}>
            Guess again
          </button>
        </>
      ) : (
        <>
          <p>{QUESTION}</p>
          <button
            type="button"
            class="playground-button"
            data-testid="predict-start"
            disabled={!props.canStart}
            onClick={props.onStart}
          >
            Hide the output and guess
          </button>
        </>
      )}
    </div>
  );
}
