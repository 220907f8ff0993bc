/**
 * The convolution stepper: the article's animation made explorable. Its first render is the
 * static figure (the server-rendered, no-JavaScript fallback); once hydrated it becomes the live
 * demo. All numbers come from src/compute's reference, which is exact for grids this small.
 */
import './stepper.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SEED_INPUT, SEED_KERNEL, type Padding } from '../../compute';
import { ConvolutionDiagram } from '../shared/ConvolutionDiagram';
import { InputGrid } from './InputGrid';
import { KernelGrid } from './KernelGrid';
import {
  fillFormula,
  makeFrame,
  parseCell,
  parsePadding,
  parseSetting,
  resizeGrid,
  setCell,
  spokenText,
  sumText,
  termsAt,
  windowCells,
  type Frame,
  type Grid,
  type LimitName,
  type Settings as StepperSettings,
} from './model';
import { OutputGrid } from './OutputGrid';
import { Playback } from './Playback';
import { Settings } from './Settings';

export interface ConvStepperProps {
  input?: readonly (readonly number[])[];
  kernel?: readonly (readonly number[])[];
  stride?: number;
  padding?: Padding;
  dilation?: number;
  /**
   * KaTeX's HTML for FORMULA_TEMPLATE_TEX, rendered on the server by the MDX wrapper; the island
   * fills in the numbers (fillFormula), so KaTeX itself never ships to the reader.
   */
  formulaTemplate?: string;
}

const BASE_DELAY_MS = 900;
const copy = (rows: readonly (readonly number[])[]): Grid => rows.map((r) => [...r]);

function initialFrame(props: ConvStepperProps): Frame {
  const settings = {
    stride: props.stride ?? 1,
    padding: props.padding ?? 'valid',
    dilation: props.dilation ?? 1,
  };
  const frame = makeFrame(copy(props.input ?? SEED_INPUT), copy(props.kernel ?? SEED_KERNEL), settings);
  if (!frame.ok) throw new Error(`ConvStepper: ${frame.message}`);
  return frame.value;
}

type Drafts = Map<number, string>;

export default function ConvStepper(props: ConvStepperProps) {
  const [frame, setFrame] = useState(() => initialFrame(props));
  const [ready, setReady] = useState(false);
  const [selected, setSelected] = useState(0);
  const [filling, setFilling] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [message, setMessage] = useState('');
  const [followFocus, setFollowFocus] = useState(false);
  const [inputDrafts, setInputDrafts] = useState<Drafts>(new Map());
  const [kernelDrafts, setKernelDrafts] = useState<Drafts>(new Map());
  const [settingDrafts, setSettingDrafts] = useState<Partial<Record<LimitName, string>>>({});
  const root = useRef<HTMLDivElement>(null);
  const pausedOffscreen = useRef(false);

  const { plan } = frame;
  const count = plan.outH * plan.outW;
  const row = Math.floor(selected / plan.outW);
  const col = selected % plan.outW;
  const terms = useMemo(() => termsAt(frame, selected), [frame, selected]);
  const value = frame.output[row]?.[col] ?? 0;
  const formula = useMemo(
    () => (props.formulaTemplate ? fillFormula(props.formulaTemplate, plan) : ''),
    [props.formulaTemplate, plan],
  );

  // Hydrated: become interactive; play like the original animation unless motion is unwelcome.
  useEffect(() => {
    setReady(true);
    if (!window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
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

  // One step per tick; at the end, hold a beat and start filling again, as the GIF did.
  useEffect(() => {
    if (!playing) return undefined;
    const atEnd = selected >= count - 1;
    const id = setTimeout(
      () => {
        if (atEnd) {
          setFilling(true);
          setSelected(0);
        } else setSelected(selected + 1);
      },
      (atEnd ? 2 : 1) * (BASE_DELAY_MS / speed),
    );
    return () => clearTimeout(id);
  }, [playing, selected, speed, count]);

  if (!ready) {
    return (
      <div class="conv-stepper" data-testid="conv-stepper" data-ready="false" ref={root}>
        <ConvolutionDiagram
          input={frame.input}
          kernel={frame.kernel}
          output={frame.output}
          focus={{ row, col }}
          terms={terms}
        />
      </div>
    );
  }

  /** Replaces the frame if the change leaves an output; otherwise says why and keeps the last one. */
  const commit = (input: Grid, kernel: Grid, settings: StepperSettings): boolean => {
    const next = makeFrame(input, kernel, settings);
    if (!next.ok) {
      setMessage(next.message);
      return false;
    }
    setFrame(next.value);
    setMessage('');
    setPlaying(false);
    setFilling(false);
    setSelected((s) => Math.min(s, next.value.plan.outH * next.value.plan.outW - 1));
    return true;
  };

  const cellHandlers = (which: 'input' | 'kernel') => {
    const drafts = which === 'input' ? inputDrafts : kernelDrafts;
    const setDrafts = which === 'input' ? setInputDrafts : setKernelDrafts;
    return {
      drafts,
      invalid: new Set([...drafts].filter(([, text]) => !parseCell(text).ok).map(([i]) => i)),
      onText: (index: number, text: string) => {
        setDrafts(new Map(drafts).set(index, text));
        const parsed = parseCell(text);
        if (!parsed.ok) {
          setMessage(parsed.message);
          return;
        }
        const grid = setCell(which === 'input' ? frame.input : frame.kernel, index, parsed.value);
        commit(
          which === 'input' ? grid : frame.input,
          which === 'kernel' ? grid : frame.kernel,
          frame.settings,
        );
      },
      onBlur: (index: number) => {
        const next = new Map(drafts);
        next.delete(index);
        setDrafts(next);
      },
    };
  };

  const values = { inputSize: plan.inH, kernelSize: plan.kH, stride: plan.strideH, dilation: plan.dilationH };
  const onSetting = (name: LimitName, text: string) => {
    setSettingDrafts({ ...settingDrafts, [name]: text });
    const parsed = parseSetting(name, text);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    const v = parsed.value;
    commit(
      name === 'inputSize' ? resizeGrid(frame.input, v) : frame.input,
      name === 'kernelSize' ? resizeGrid(frame.kernel, v) : frame.kernel,
      name === 'stride' || name === 'dilation' ? { ...frame.settings, [name]: v } : frame.settings,
    );
  };
  const onSettingBlur = (name: LimitName) => {
    const { [name]: _dropped, ...rest } = settingDrafts;
    setSettingDrafts(rest);
  };
  const settingInvalid = Object.fromEntries(
    Object.entries(settingDrafts).filter(([name, text]) => text.trim() !== String(values[name as LimitName])),
  ) as Partial<Record<LimitName, string>>;

  const select = (index: number) => {
    setPlaying(false);
    setFilling(false);
    setFollowFocus(true);
    setSelected(index);
  };

  return (
    <div class="conv-stepper" data-testid="conv-stepper" data-ready="true" ref={root}>
      <Settings
        values={values}
        padding={String(frame.settings.padding)}
        drafts={settingDrafts}
        invalid={settingInvalid}
        onSetting={onSetting}
        onSettingBlur={onSettingBlur}
        onPadding={(text, control) => {
          const parsed = parsePadding(text);
          const ok =
            parsed.ok && commit(frame.input, frame.kernel, { ...frame.settings, padding: parsed.value });
          if (!parsed.ok) setMessage(parsed.message);
          if (!ok) control.value = String(frame.settings.padding);
        }}
      />
      <div class="stepper-grids">
        <InputGrid
          input={frame.input}
          plan={plan}
          window={windowCells(plan, selected)}
          {...cellHandlers('input')}
        />
        <span class="conv-diagram__op" aria-hidden="true">
          ⋆
        </span>
        <KernelGrid kernel={frame.kernel} {...cellHandlers('kernel')} />
        <span class="conv-diagram__op" aria-hidden="true">
          =
        </span>
        <OutputGrid
          output={frame.output}
          selected={selected}
          revealedUpTo={filling ? selected : count - 1}
          followFocus={followFocus}
          onSelect={select}
        />
      </div>
      <Playback
        playing={playing}
        speed={speed}
        atStart={selected === 0}
        atEnd={selected === count - 1}
        onPlay={() => {
          if (!filling || selected >= count - 1) {
            setFilling(true);
            setSelected(0);
          }
          setFollowFocus(false);
          setPlaying(true);
        }}
        onPause={() => setPlaying(false)}
        onStep={(delta) => {
          setPlaying(false);
          setFollowFocus(false);
          setSelected(Math.min(count - 1, Math.max(0, selected + delta)));
        }}
        onSpeed={setSpeed}
      />
      <p class="conv-diagram__sum" data-testid="window-sum">
        Output row {row + 1}, column {col + 1}: {sumText(terms, value)}
      </p>
      <p class="visually-hidden" aria-live="polite" data-testid="step-announcer">
        {spokenText(terms, row, col, value)}
      </p>
      <div
        class="stepper-formula"
        data-testid="output-formula"
        dangerouslySetInnerHTML={{ __html: formula }}
      />
      <p class="demo-message" data-testid="demo-message" role="status">
        {message}
      </p>
    </div>
  );
}
