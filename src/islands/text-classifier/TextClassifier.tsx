/**
 * A small text CNN that reads e-mail subject lines: the reader types one and sees the probability
 * of spam, how much each word pushed it, and what each filter picked; "Train from scratch" trains
 * the same network in a background thread (TensorFlow.js, WebAssembly) and swaps its weights in.
 * Every number shown is classify() in model.ts (src/compute's reference), on every keystroke; the
 * server renders the same component from the view computed at build time (`start`), so the figure
 * before hydration (and without JavaScript) is the live one for the default sentence.
 */
import '../shared/demo.css';
import './text-classifier.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CopyFigureLink } from '../shared/CopyFigureLink';
import { useDemoIds } from '../shared/ids';
import { TextInput } from '../shared/TextInput';
import { Predict } from '../shared/Predict';
import { siteUrl } from '../shared/site-url';
import { useUrlState } from '../shared/use-url-state';
import type { UrlCodec } from '../shared/url-state';
import { Filters } from './Filters';
import { checkGuess, CLASS_NAMES, percent, signed } from './format';
import type { Classifier, ClassifierView } from './model';
import { EPOCHS, SEED, useTraining } from './use-training';

export interface Accuracies {
  model: number;
  bagOfWords: number;
  majority: number;
  heldOut: number;
}

export interface TextClassifierProps {
  /** The view of the default sentence, computed at build time. */
  start: ClassifierView;
  accuracy: Accuracies;
  /** Words the network reads. */
  length: number;
  /** "Predict, then reveal": a subject and its P(spam) by the pretrained weights (build time). */
  question: { text: string; spam: number };
  instance?: string;
}

const codec: UrlCodec<{ text: string }> = {
  version: 1,
  encode: (s) => ({ t: s.text }),
  decode: (f) => {
    // The box's own limit (model.ts MAX_CHARS) applies when the reader next types.
    const text = (f.t ?? '').slice(0, 1000);
    return text.trim() === '' ? { ok: false, message: 'its text is empty.' } : { ok: true, value: { text } };
  },
};

export default function TextClassifier(props: TextClassifierProps) {
  const id = useDemoIds(props.instance);
  const defaults = useMemo(() => ({ text: props.start.text }), []);
  const [text, setText] = useState(props.start.text);
  const [draft, setDraft] = useState(props.start.text);
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'notice' }>({
    text: '',
    tone: 'notice',
  });
  const [pretrained, setPretrained] = useState<Classifier | null>(null);
  const [model, setModel] = useState<Classifier | null>(null);
  const [accuracy, setAccuracy] = useState(props.accuracy.model);
  const [loadError, setLoadError] = useState('');
  const [hydrated, setHydrated] = useState(false);
  const lib = useRef<typeof import('./model') | null>(null);
  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    let live = true;
    // The reference forward pass (model.ts, with src/compute) loads beside the weights.
    Promise.all([import('./model'), import('../../compute/text-cnn-file')])
      .then(async ([m, file]) => {
        const r = await fetch(siteUrl(file.TEXT_MODEL_URL));
        if (!r.ok) throw new Error(`${file.TEXT_MODEL_URL} could not be fetched (${r.status})`);
        const c = m.classifierFromFile(file.parseTextModel(await r.json()));
        if (!live) return;
        lib.current = m;
        setPretrained(c);
        setModel(c);
      })
      .catch((e: Error) => setLoadError(`The network's weights did not load: ${e.message}.`));
    return () => {
      live = false;
    };
  }, []);

  const root = useRef<HTMLDivElement>(null);
  const training = useTraining(
    pretrained,
    (trained, acc) => {
      setModel(trained);
      setAccuracy(acc);
    },
    root,
  );

  const url = useUrlState({
    key: props.instance,
    codec,
    state: { text },
    defaults,
    live: hydrated,
    onRestore: (s) => {
      setText(s.text);
      setDraft(s.text);
    },
  });

  // For `npm run bench -- text-classifier`: each keystroke's input event to its figure in the DOM,
  // laid out, as a performance measure.
  const typedAt = useRef<number | null>(null);
  const onText = (value: string) => {
    if (lib.current === null) return;
    typedAt.current = performance.now();
    const typed = lib.current.typeText(value, props.length);
    setDraft(typed.draft);
    if (typed.text !== null) setText(typed.text);
    setMessage({ text: typed.message, tone: typed.tone });
  };

  const v = useMemo(
    () => (model && lib.current ? lib.current.classify(model, text) : props.start),
    [model, text],
  );
  useLayoutEffect(() => {
    if (typedAt.current === null) return;
    void document.body.offsetHeight;
    performance.measure('tx:keystroke-to-redraw', { start: typedAt.current });
    typedAt.current = null;
  }, [v]);
  const live = hydrated && model !== null;
  const trainedNow = model !== null && model !== pretrained;
  const t = training.state;
  const busy = t.status === 'starting' || t.status === 'training';

  return (
    <div class="demo tx" ref={root} data-testid="text-classifier" data-ready={live ? 'true' : undefined}>
      <TextInput
        id={id('text')}
        label="An e-mail subject line"
        class="tx-text"
        value={draft}
        live={live}
        message={loadError || message.text}
        tone={loadError ? 'error' : message.tone}
        onInput={onText}
      />

      <div class="tx-result" aria-live="polite">
        {([1, 0] as const).map((c) => (
          <div
            class={`tx-class tx-class--${c === 1 ? 'spam' : 'ham'}`}
            data-testid="class-probability"
            data-class={CLASS_NAMES[c]}
            data-value={v.probabilities[c]}
          >
            <span class="tx-class__name">{CLASS_NAMES[c]}</span>
            <span class="tx-class__bar">
              <span style={{ width: `${(v.probabilities[c] * 100).toFixed(1)}%` }} />
            </span>
            <span class="tx-class__value">{percent(v.probabilities[c])}</span>
          </div>
        ))}
      </div>

      <div class="tx-words" aria-label="How much each word pushed towards spam">
        {v.words.map((w, i) => (
          <span
            key={i}
            class={`tx-word ${w.value > 0.005 ? 'is-spam' : w.value < -0.005 ? 'is-ham' : ''}${w.known ? '' : ' is-unknown'}`}
            style={{ '--tx-strength': Math.min(1, Math.abs(w.value) / 2).toFixed(2) }}
            data-testid="word-contribution"
            data-word={w.text}
            data-value={w.value}
            title={w.known ? undefined : 'not in the vocabulary: read as <unk>'}
          >
            <span class="tx-word__text" dir="auto">
              {w.text}
            </span>
            <span class="tx-word__value">{signed(w.value)}</span>
          </span>
        ))}
      </div>
      <p class="tx-note" data-testid="spam-score">
        Spam score {signed(v.spamScore)} = bias {signed(v.bias)} + the words' pushes
        {Math.abs(v.padding) >= 0.005 && <> + padding {signed(v.padding)}</>}; red words pushed towards spam,
        blue away{v.totalWords > props.length && <>; only the first {props.length} words are read</>}.
      </p>

      <p class="tx-accuracy" data-testid="accuracy">
        Right on the {props.accuracy.heldOut} held-out subjects:{' '}
        {trainedNow ? 'your trained network' : 'this network'}{' '}
        <b data-testid="accuracy-model" data-value={accuracy}>
          {percent(accuracy)}
        </b>
        ; bag-of-words baseline{' '}
        <b data-testid="accuracy-baseline" data-value={props.accuracy.bagOfWords}>
          {percent(props.accuracy.bagOfWords)}
        </b>
        ; always “not spam” {percent(props.accuracy.majority)}.
      </p>

      <div class="tx-train demo-toolbar">
        <button
          type="button"
          class="demo-button"
          data-testid="train-scratch"
          disabled={!live || busy}
          onClick={() => void training.train()}
        >
          Train from scratch (seed {SEED})
        </button>
        <button
          type="button"
          class="demo-button"
          data-testid="use-pretrained"
          disabled={!live || (!trainedNow && !busy)}
          onClick={() => {
            training.stop();
            setModel(pretrained);
            setAccuracy(props.accuracy.model);
          }}
        >
          Use the pretrained weights
        </button>
      </div>
      {t.status !== 'idle' && (
        <p
          class="tx-progress"
          data-testid="train-progress"
          data-status={t.status}
          data-progress={t.progress}
          data-held={t.held ? 'true' : 'false'}
        >
          {t.status === 'failed' && t.message}
          {t.status === 'starting' && 'Starting TensorFlow.js in the background…'}
          {(t.status === 'training' || t.status === 'done') && (
            <>
              <progress max={1} value={t.progress} aria-label="Training progress" /> Epoch{' '}
              {Math.min(t.epoch, EPOCHS)} of {EPOCHS}
              {t.loss !== null && <>, loss {t.loss.toFixed(3)}</>}
              {t.accuracies.length > 0 && <>, held out {t.accuracies.map(percent).join(' → ')}</>};{' '}
              {t.seconds.toFixed(1)} s{t.backend && <> ({t.backend})</>}
              {t.status === 'done' && '. The figure now uses the weights you trained.'}
              {t.held && '. Paused while the demo is off screen or the tab is hidden.'}
            </>
          )}
        </p>
      )}

      <Predict
        id={id('predict')}
        live={hydrated}
        question={`Guess first: how likely is “${props.question.text}” to be spam, by the pretrained network? Type a percentage.`}
        answer={
          <p>
            {percent(props.question.spam)}.{' '}
            {props.question.spam > 0.5
              ? '“make money” pushes towards spam harder than the mailing-list tag “[ilug]” pulls towards “not spam”.'
              : 'The mailing-list tag “[ilug]” pulls towards “not spam” harder than “make money” pushes towards spam.'}{' '}
            Type the subject into the box to see each word's share.
          </p>
        }
        check={(guess) => checkGuess(guess, props.question.spam)}
      />

      <Filters filters={v.filters} />
      <div class="tx-foot">
        <CopyFigureLink id={id('copy-link')} link={url.link} notice={url.notice} />
      </div>
    </div>
  );
}
