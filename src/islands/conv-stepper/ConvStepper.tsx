/**
 * The convolution stepper: the article's animation made explorable, built on the demo toolkit.
 * The server renders this same layout, inert until hydrated, so nothing moves when it wakes up.
 * All numbers come from src/compute's reference, which is exact for grids this small.
 */
import '../shared/demo.css';
import './stepper.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { outputSize, SEED_INPUT, SEED_KERNEL, windowTaps, type Padding } from '../../compute';
import { formatNumber } from '../shared/format';
import { useDemoIds } from '../shared/ids';
import { parseCell } from '../shared/parse';
import { Predict } from '../shared/Predict';
import { useUrlState } from '../shared/use-url-state';
import { Formula } from './Formula';
import { readFormulas, serverFormulas } from './formula-html';
import {
  describe,
  fillHere,
  fillSize,
  litCells,
  makeFrame,
  paddingLabel,
  parsePadding,
  parseSetting,
  resizeGrid,
  setCell,
  spokenText,
  sumText,
  termMeaning,
  termsAt,
  type Frame,
  type Grid,
  type LimitName,
  type Settings as StepperSettings,
} from './model';
import { Part } from './Part';
import { Playback } from './Playback';
import { Products } from './Products';
import { Settings, type SettingName } from './Settings';
import { Stage } from './Stage';
import { STEPPER_CODEC, type StepperState } from './url';

export interface ConvStepperProps {
  input?: readonly (readonly number[])[];
  kernel?: readonly (readonly number[])[];
  stride?: number;
  padding?: Padding;
  dilation?: number;
  /** The stable instance key from src/mdx/instance.ts: element ids and the URL-state key. */
  instance?: string;
}

const BASE_DELAY_MS = 900;
const copy = (rows: readonly (readonly number[])[]): Grid => rows.map((r) => [...r]);

function initialState(props: ConvStepperProps): StepperState {
  return {
    input: copy(props.input ?? SEED_INPUT),
    kernel: copy(props.kernel ?? SEED_KERNEL),
    settings: { stride: props.stride ?? 1, padding: props.padding ?? 'valid', dilation: props.dilation ?? 1 },
    selected: 0,
  };
}

function frameOf(state: StepperState): Frame {
  const frame = makeFrame(state.input, state.kernel, state.settings);
  if (!frame.ok) throw new Error(`ConvStepper: ${frame.message}`);
  return frame.value;
}

type Drafts = Partial<Record<SettingName, string>>;

export default function ConvStepper(props: ConvStepperProps) {
  const id = useDemoIds(props.instance);
  const defaults = useMemo(() => initialState(props), []);
  const [frame, setFrame] = useState(() => frameOf(defaults));
  const [selected, setSelected] = useState(0);
  const [ready, setReady] = useState(false);
  const [filling, setFilling] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [problem, setProblem] = useState<{ name: SettingName; message: string } | null>(null);
  const [pending, setPending] = useState({ input: false, kernel: false });
  const [announce, setAnnounce] = useState('');
  const [point, setPoint] = useState<string[] | null>(null);
  const [formulaTerm, setFormulaTerm] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  const [tap, setTap] = useState(() => Math.floor((frame.plan.kH * frame.plan.kW) / 2));
  const root = useRef<HTMLDivElement>(null);
  const pausedOffscreen = useRef(false);

  const { plan } = frame;
  const count = plan.outH * plan.outW;
  const row = Math.floor(selected / plan.outW);
  const col = selected % plan.outW;
  const terms = useMemo(() => termsAt(frame, selected), [frame, selected]);
  const taps = useMemo(() => windowTaps(plan, row, col), [plan, row, col]);
  const value = frame.output[row]?.[col] ?? 0;
  const kk = plan.kH * plan.kW;
  const safeTap = Math.min(tap, kk - 1);
  const stale = Object.keys(drafts).length > 0 || pending.input || pending.kernel;
  const litTerms = new Set([...(point ?? []), formulaTerm, pinned].filter((t): t is string => t !== null));
  const lit = litCells(frame, selected, litTerms, safeTap);

  // KaTeX's HTML for the formulas, rendered at build time (formula-html.ts); the island only fills
  // in the numbers, so KaTeX itself never ships to the reader.
  const [templates] = useState(() =>
    typeof document === 'undefined' ? serverFormulas.html : readFormulas(id('formulas')),
  );
  const formulas = useMemo(() => {
    const f = templates;
    if (!f) return null;
    return {
      general: f.general,
      here: fillHere(f.here, plan, selected),
      size: f.size,
      sizeHere: fillSize(f.sizeHere, plan),
    };
  }, [templates, plan, selected]);

  const restore = (state: StepperState) => {
    const next = makeFrame(state.input, state.kernel, state.settings);
    if (!next.ok) return;
    setFrame(next.value);
    setSelected(state.selected);
    setPlaying(false);
    setFilling(false);
  };
  const url = useUrlState({
    key: props.instance,
    codec: STEPPER_CODEC,
    state: { input: frame.input, kernel: frame.kernel, settings: frame.settings, selected },
    defaults,
    onRestore: restore,
    live: ready,
  });

  // Hydrated: become interactive; play like the original animation unless motion is unwelcome
  // or the address asks for a particular figure.
  useEffect(() => {
    setReady(true);
    const linked = props.instance !== undefined && location.hash.includes(`${props.instance}=`);
    if (!linked && !window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      setFilling(true);
      setPlaying(true);
    }
  }, []);

  // Pause while offscreen; resume on return if it was playing.
  useEffect(() => {
    const node = root.current;
    if (!ready || node === null) return undefined;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry === undefined) return;
      if (!entry.isIntersecting) {
        setPlaying((was) => {
          if (was) pausedOffscreen.current = true;
          return false;
        });
      } else if (pausedOffscreen.current) {
        pausedOffscreen.current = false;
        setPlaying(true);
      }
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [ready]);

  // One step per tick (announced only on pause, step and pick); at the end, hold a beat and refill.
  useEffect(() => {
    if (!playing) return undefined;
    const atEnd = selected >= count - 1;
    const timer = setTimeout(
      () => {
        if (atEnd) {
          setFilling(true);
          setSelected(0);
        } else setSelected(selected + 1);
      },
      (atEnd ? 2 : 1) * (BASE_DELAY_MS / speed),
    );
    return () => clearTimeout(timer);
  }, [playing, selected, speed, count]);

  const stop = () => {
    setPlaying(false);
    setFilling(false);
    pausedOffscreen.current = false;
  };

  const commit = (input: Grid, kernel: Grid, settings: StepperSettings): string | null => {
    const next = makeFrame(input, kernel, settings);
    if (!next.ok) return next.message;
    setFrame(next.value);
    stop();
    setSelected((s) => Math.min(s, next.value.plan.outH * next.value.plan.outW - 1));
    setTap((t) => Math.min(t, next.value.plan.kH * next.value.plan.kW - 1));
    return null;
  };

  const values: Record<LimitName, number> = {
    inputSize: plan.inH,
    kernelSize: plan.kH,
    stride: plan.strideH,
    dilation: plan.dilationH,
  };

  /** Applies every setting draft together, or keeps them as drafts and says why (beside `name`). */
  const onSetting = (name: SettingName, text: string) => {
    const all: Drafts = { ...drafts, [name]: text };
    const numbers = { ...values };
    const order = ['inputSize', 'kernelSize', 'stride', 'dilation'] as const;
    // The setting just changed is checked first, so its own message shows.
    for (const key of [...order].sort((a, b) => Number(b === name) - Number(a === name))) {
      const draft = all[key];
      if (draft === undefined) continue;
      const parsed = parseSetting(key, draft);
      if (!parsed.ok) {
        setDrafts(all);
        setProblem({ name: key, message: parsed.message });
        return;
      }
      numbers[key] = parsed.value;
    }
    const padding = parsePadding(all.padding ?? String(frame.settings.padding));
    if (!padding.ok) {
      setDrafts(all);
      setProblem({ name: 'padding', message: padding.message });
      return;
    }
    const why = commit(
      resizeGrid(frame.input, numbers.inputSize),
      resizeGrid(frame.kernel, numbers.kernelSize),
      { stride: numbers.stride, dilation: numbers.dilation, padding: padding.value },
    );
    if (why !== null) {
      setDrafts(all);
      setProblem({ name, message: `${why} Make it smaller, or add padding.` });
      return;
    }
    setDrafts({});
    setProblem(null);
  };

  const select = (index: number, how: 'pick' | 'step' = 'pick') => {
    stop();
    setSelected(index);
    const r = Math.floor(index / plan.outW);
    const c = index % plan.outW;
    const said = spokenText(termsAt(frame, index), r, c, frame.output[r]?.[c] ?? 0);
    setAnnounce(how === 'step' ? `Step: ${said}` : said);
  };

  const part = (term: string, children: preact.ComponentChildren) => (
    <Part
      term={term}
      lit={litTerms.has(term)}
      onPoint={(t) => setPoint(t === null ? null : [t])}
      onPin={(t) => setPinned((p) => (p === t ? null : t))}
    >
      {children}
    </Part>
  );

  // Predict the next output value.
  const nextIndex = (selected + 1) % count;
  const nextRow = Math.floor(nextIndex / plan.outW);
  const nextCol = nextIndex % plan.outW;
  const nextTerms = termsAt(frame, nextIndex);
  const nextValue = frame.output[nextRow]?.[nextCol] ?? 0;
  const nextSum = sumText(nextTerms, nextValue);
  const where = `Output row ${nextRow + 1}, column ${nextCol + 1}`;

  // Predict the output size with another stride.
  const otherStride = plan.strideH === 1 ? 2 : 1;
  const otherSize = outputSize(plan.inH, plan.kH, otherStride, frame.settings.padding, plan.dilationH);
  const sizeWorking = `⌊(${plan.inH} + ${plan.pad[0]} + ${plan.pad[1]} − ${plan.dilationH}·(${plan.kH} − 1) − 1) / ${otherStride}⌋ + 1 = ${otherSize}`;

  const settingsSummary = `${plan.inH}×${plan.inW} input · ${plan.kH}×${plan.kW} kernel · stride ${plan.strideH} · padding ${paddingLabel(frame.settings.padding)} · dilation ${plan.dilationH}`;

  return (
    <div
      class="demo conv-stepper"
      data-testid="conv-stepper"
      data-ready={ready ? 'true' : 'false'}
      data-instance={props.instance}
      ref={root}
    >
      <div class="stepper-live" inert={!ready}>
        <Settings
          id={id}
          values={values}
          padding={String(frame.settings.padding === 0 ? 'valid' : frame.settings.padding)}
          drafts={drafts}
          problem={problem}
          summary={settingsSummary}
          onSetting={onSetting}
        />
        <Stage
          id={id}
          frame={frame}
          selected={selected}
          taps={taps}
          tap={safeTap}
          revealedUpTo={filling ? selected : count - 1}
          lit={lit}
          stale={stale}
          onInput={(i, v) => commit(setCell(frame.input, i, v), frame.kernel, frame.settings)}
          onKernel={(i, v) => commit(frame.input, setCell(frame.kernel, i, v), frame.settings)}
          onPending={(which, p) => setPending((was) => ({ ...was, [which]: p }))}
          onSelect={(i) => select(i)}
          onPointCell={(t, q) => {
            setPoint(t);
            if (q !== undefined) setTap(q);
          }}
          part={part}
        />
        <Products
          id={id('products')}
          k={plan.kH}
          row={row}
          col={col}
          terms={terms}
          value={value}
          tap={safeTap}
          lit={lit.products}
          stale={stale}
          onTap={(q) => {
            setTap(q);
            setPinned(null);
            setPoint(['m', 'n']);
          }}
          onPointTap={(q) => {
            if (q === null) return setPoint(null);
            setTap(q);
            setPoint(['m', 'n']);
          }}
        />
        <Playback
          id={id}
          playing={playing}
          speed={speed}
          atStart={selected === 0}
          atEnd={selected === count - 1}
          onPlay={() => {
            if (!filling || selected >= count - 1) {
              setFilling(true);
              setSelected(0);
            }
            setPlaying(true);
            setAnnounce('Playing.');
          }}
          onPause={() => {
            setPlaying(false);
            setAnnounce(`Paused at ${spokenText(terms, row, col, value)}`);
          }}
          onStep={(delta) => select(Math.min(count - 1, Math.max(0, selected + delta)), 'step')}
          onSpeed={setSpeed}
          link={url.link}
          linkNotice={url.notice}
        />
        <p class="stepper-caption" data-testid="stepper-caption">
          {describe(frame, selected, playing)}
        </p>
        {formulas && templates && (
          <Formula
            id={id('formulas')}
            html={formulas}
            templates={templates}
            litTerms={litTerms}
            onPoint={setFormulaTerm}
            onPin={(t) => setPinned((p) => (p === t ? null : t))}
            describe={(t) => termMeaning(t, frame, selected, safeTap)}
          />
        )}
      </div>
      <div class="stepper-predict">
        <Predict
          id={id('predict-next')}
          live={ready}
          question="Predict: what is the next output value?"
          inputLabel={`${where} =`}
          onOpen={stop}
          answer={
            <p>
              {where} is {formatNumber(nextValue)}: {nextSum}.
            </p>
          }
          check={(text) => {
            const guess = parseCell(text);
            if (!guess.ok) return { correct: false, feedback: <p>{guess.message}</p> };
            if (Math.abs(guess.value - nextValue) < 1e-9) {
              return { correct: true, feedback: <p>Right: {nextSum}.</p> };
            }
            const plain = nextTerms.reduce((a, t) => a + t.value, 0);
            return {
              correct: false,
              feedback: (
                <p>
                  Not quite: {where} is {formatNumber(nextValue)}, the sum of these products: {nextSum}.
                  {Math.abs(guess.value - plain) < 1e-9 && plain !== nextValue
                    ? ' Your answer adds the input values alone: multiply each by its kernel weight first.'
                    : ''}
                </p>
              ),
            };
          }}
        />
        <Predict
          id={id('predict-size')}
          live={ready}
          question={`Predict: with stride ${otherStride} instead of ${plan.strideH}, how many output cells along each side?`}
          inputLabel="Cells along each side"
          onOpen={stop}
          answer={
            <p>{otherSize === 0 ? 'None: the kernel would not fit.' : `${otherSize}: ${sizeWorking}.`}</p>
          }
          check={(text) => {
            const guess = Number(text.trim());
            const right = Number.isInteger(guess) && guess === otherSize;
            return {
              correct: right,
              feedback: (
                <p>
                  {right ? 'Right' : `Not quite: it is ${otherSize}`}. By the size formula, {sizeWorking}.
                </p>
              ),
            };
          }}
        />
      </div>
      <p class="visually-hidden" aria-live="polite" data-testid="step-announcer">
        {announce}
      </p>
    </div>
  );
}
