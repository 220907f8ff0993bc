/**
 * Convolution over text: the reader types a sentence; each character becomes a one-hot vector;
 * 1 to 3 filters of width 2 to 5 (edited as grids, or made from a selected piece of the sentence)
 * slide along it with a stride, padding and dilation; every window's score is drawn, max-over-time
 * pooling marks each filter's winner, and the selected window shows its products and sum. All of it
 * is src/compute's reference, synchronous, redrawn on every keystroke; the server renders the same
 * component for the static figure, so the figure before hydration is the live one (its box and
 * buttons inert until the island is live, so nothing typed before then is lost).
 */
import '../shared/demo.css';
import './text-conv.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_TEXT_FILTERS, resizeFilter, setFilterWeight, shownToken, type TextFilter } from '../../compute';
import { CopyFigureLink } from '../shared/CopyFigureLink';
import { formatNumber } from '../shared/format';
import { useDemoIds } from '../shared/ids';
import { Message } from '../shared/Message';
import { TextInput } from '../shared/TextInput';
import { readDraft } from '../shared/parse';
import { Predict } from '../shared/Predict';
import { RadioGroup } from '../shared/RadioGroup';
import { useUrlState } from '../shared/use-url-state';
import { FilterPanel } from './FilterPanel';
import {
  addFilterFrom,
  checkPrediction,
  DILATIONS,
  initialState,
  STRIDES,
  textConvCodec,
  typeText,
  view as viewOf,
  windowTaps,
  type Padding1,
  type TextConvInit,
  type TextConvState,
} from './model';
import { TokenGrid } from './TokenGrid';

export interface TextConvProps extends TextConvInit {
  instance?: string;
}

interface Selection {
  filter: number;
  position: number;
}

export default function TextConv(props: TextConvProps) {
  const id = useDemoIds(props.instance);
  const defaults = useMemo(() => initialState(props), []);
  const [state, setState] = useState<TextConvState>(defaults);
  const [draft, setDraft] = useState(defaults.text);
  const [textMessage, setTextMessage] = useState<{ text: string; tone: 'error' | 'notice' }>({
    text: '',
    tone: 'notice',
  });
  const [makeMessage, setMakeMessage] = useState('');
  const [biasDrafts, setBiasDrafts] = useState<Record<number, string>>({});
  const [pending, setPending] = useState(false);
  const [picked, setPicked] = useState<Selection | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => setHydrated(true), []);

  const url = useUrlState<TextConvState>({
    key: props.instance,
    codec: textConvCodec,
    state,
    defaults,
    live: hydrated,
    onRestore: (s) => {
      setState(s);
      setDraft(s.text);
      setBiasDrafts({});
    },
  });

  const v = useMemo(() => viewOf(state), [state]);
  // The selected window: the reader's pick while it exists, else filter 1's winner.
  const sel: Selection | null = (() => {
    const f = picked && picked.filter < v.filters.length ? picked.filter : 0;
    const fv = v.filters[f];
    if (!fv || fv.values.length === 0) return null;
    const position =
      picked && picked.filter === f && picked.position >= 0 && picked.position < fv.values.length
        ? picked.position
        : fv.winner;
    return { filter: f, position };
  })();
  const taps = sel ? windowTaps(state, v.tokens, v.result, sel.filter, sel.position) : null;
  const windowSet = new Set((taps ?? []).flatMap((t) => (t.position === null ? [] : [t.position])));
  const windowKeys = (taps ?? []).flatMap((t) =>
    t.position === null ? [] : [v.tokens.keys[t.position] ?? ''],
  );

  const onText = (text: string) => {
    const typed = typeText(state, text);
    setDraft(typed.draft);
    setState(typed.state);
    setTextMessage({ text: typed.message, tone: typed.tone });
  };

  const mapFilter = (f: number, fn: (x: TextFilter) => TextFilter) =>
    setState((s) => ({ ...s, filters: s.filters.map((x, i) => (i === f ? fn(x) : x)) }));

  const onBias = (f: number, text: string) => {
    setBiasDrafts((d) => ({ ...d, [f]: text }));
    const read = readDraft(text);
    if (read.kind === 'value') mapFilter(f, (x) => ({ ...x, bias: read.value }));
  };
  const biasMessage = (f: number) => {
    const text = biasDrafts[f];
    if (text === undefined) return '';
    const read = readDraft(text);
    return read.kind === 'error'
      ? `${read.message} The bias stays ${formatNumber(state.filters[f]?.bias ?? 0)}.`
      : '';
  };

  const makeFromSelection = () => {
    const el = input.current;
    const piece = el ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : '';
    const made = addFilterFrom(state, piece);
    setMakeMessage(made.message);
    if (made.message === '') {
      setState(made.state);
      setPicked({ filter: made.state.filters.length - 1, position: -1 });
    }
  };

  const first = v.filters[0];
  const live = hydrated;
  return (
    <div class="demo tc" data-testid="text-conv" data-ready={live ? 'true' : undefined}>
      <TextInput
        id={id('text')}
        label="Your sentence"
        class="tc-text"
        value={draft}
        live={live}
        message={textMessage.text}
        tone={textMessage.tone}
        onInput={onText}
        inputRef={input}
      />
      <div class="tc-make demo-anchor">
        <button
          type="button"
          class="demo-button"
          data-testid="make-filter"
          disabled={!live}
          onClick={makeFromSelection}
          aria-describedby={`${id('make')}-message`}
        >
          Make a filter that finds the selected text
        </button>
        <Message id={`${id('make')}-message`} text={makeMessage} />
      </div>

      <TokenGrid tokens={v.tokens.tokens} keys={v.tokens.keys} vocab={v.result.vocab} window={windowSet} />

      <div class="tc-settings">
        <RadioGroup
          id={id('stride')}
          label="Stride"
          value={String(state.stride)}
          options={STRIDES.map((s) => ({ value: String(s), label: String(s) }))}
          onChange={(s) => setState({ ...state, stride: Number(s) })}
          testId="stride"
        />
        <RadioGroup
          id={id('padding')}
          label="Padding"
          value={state.padding}
          options={[
            { value: 'valid', label: 'valid' },
            { value: 'same', label: 'same' },
          ]}
          onChange={(p) => setState({ ...state, padding: p as Padding1 })}
          testId="padding"
        />
        <RadioGroup
          id={id('dilation')}
          label="Dilation"
          value={String(state.dilation)}
          options={DILATIONS.map((d) => ({ value: String(d), label: String(d) }))}
          onChange={(d) => setState({ ...state, dilation: Number(d) })}
          testId="dilation"
        />
      </div>

      <div class={`tc-filters${pending ? ' demo-is-stale' : ''}`}>
        {v.filters.map((fv, f) => {
          const own = fv.filter.rows.map((r) => r.key);
          const extra = sel?.filter === f ? windowKeys.filter((k) => !own.includes(k)) : [];
          return (
            <FilterPanel
              key={f}
              id={id(`filter-${f}`)}
              index={f}
              view={fv}
              rowKeys={[...own, ...new Set(extra)]}
              selected={sel?.filter === f ? sel.position : null}
              taps={sel?.filter === f ? taps : null}
              canRemove={state.filters.length > 1}
              biasText={biasDrafts[f] ?? String(fv.filter.bias)}
              biasMessage={biasMessage(f)}
              onWeight={(key, tap, value) => mapFilter(f, (x) => setFilterWeight(x, key, tap, value))}
              onWidth={(w) => mapFilter(f, (x) => resizeFilter(x, w))}
              onBias={(text) => onBias(f, text)}
              onRemove={() => {
                setState({ ...state, filters: state.filters.filter((_, i) => i !== f) });
                setBiasDrafts({});
                setPicked(null);
              }}
              onSelect={(position) => setPicked({ filter: f, position })}
              onPending={setPending}
            />
          );
        })}
        {state.filters.length < MAX_TEXT_FILTERS && (
          <p class="tc-note">Select a piece of your sentence and press “Make a filter” to add a filter.</p>
        )}
      </div>

      {first && first.winner >= 0 && (
        <Predict
          id={id('predict')}
          live={live}
          question="Where will filter 1 fire hardest? Type the characters of the window, or its number."
          answer={
            <p>
              Window {first.winner + 1}, “{first.windows[first.winner]}”, scores {first.max}: each character
              in the place where the filter weighs it adds its weight
              {first.values.filter((x) => x === first.max).length > 1 &&
                '; other windows tie with it, and max pooling keeps the first'}
              .
            </p>
          }
          check={(text) => checkPrediction(first, text)}
        />
      )}
      <div class="tc-foot">
        <CopyFigureLink id={id('copy-link')} link={url.link} notice={url.notice} />
        <span class="tc-note">
          {v.tokens.tokens.length} characters, {v.result.vocab.length} distinct
          {v.result.vocab.includes(' ') && ` (${shownToken(' ')} is a space)`}.
        </span>
      </div>
    </div>
  );
}
