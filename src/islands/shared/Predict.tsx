/**
 * "Predict, then reveal": a question the reader may answer before seeing the result. Optional and
 * never blocking: it is a closed <details> until opened, and the demo works the same either way.
 * Server-rendered (no JavaScript, the feed) it is a <details> holding the question's answer; live,
 * the same <details> holds an answer box (predict-input) and a Check / Reveal button
 * (predict-reveal) whose feedback can say where a wrong answer came from.
 *
 *   <Predict id={id('next')} live={ready} question="What will the next output be?"
 *            answer={<p>4: …</p>} check={(text) => ({ correct: …, feedback: … })} />
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface PredictResult {
  correct: boolean;
  feedback: ComponentChildren;
}

export interface PredictProps {
  id: string;
  question: string;
  /** The answer with its reason: the static form's content, and what Reveal shows. */
  answer: ComponentChildren;
  /** Reads the reader's guess; omitted, the live form only reveals. */
  check?: (text: string) => PredictResult;
  /** False for the server-rendered form (and the feed). */
  live: boolean;
  inputLabel?: string;
}

export function Predict({ id, question, answer, check, live, inputLabel = 'Your answer' }: PredictProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<PredictResult | 'revealed' | null>(null);
  useEffect(() => {
    setResult(null);
    setText('');
  }, [question]);
  if (!live) {
    return (
      <details class="demo-predict">
        <summary>{question}</summary>
        <div class="demo-predict__body">{answer}</div>
      </details>
    );
  }
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setResult(check && text.trim() !== '' ? check(text) : 'revealed');
  };
  return (
    <details class="demo-predict">
      <summary>{question}</summary>
      <form class="demo-predict__body" onSubmit={onSubmit}>
        <label for={`${id}-input`}>{inputLabel}</label>
        <input
          id={`${id}-input`}
          class="demo-input demo-predict__input"
          type="text"
          autoComplete="off"
          data-testid="predict-input"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="demo-button" data-testid="predict-reveal">
          {check && text.trim() !== '' ? 'Check' : 'Reveal'}
        </button>
        <div class="demo-predict__feedback" role="status" data-testid="predict-feedback">
          {result === 'revealed' && answer}
          {result !== null && result !== 'revealed' && (
            <div class={result.correct ? 'is-right' : 'is-wrong'}>{result.feedback}</div>
          )}
        </div>
      </form>
    </details>
  );
}
