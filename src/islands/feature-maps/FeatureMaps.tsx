/**
 * Feature maps: a picture through a bank of 1 to 8 filters, then ReLU, then pooling, every stage
 * drawn for every filter, each row one filter (kernel → convolution → ReLU → pool) so an edit and
 * what it did stay in view on a phone. Any cell of any map can be inspected (pointer, touch or
 * keyboard) and followed back across the stages. The server renders this same layout, with the
 * maps computed at build time as the boxes' backgrounds, so nothing moves when it goes live.
 */
import '../shared/demo.css';
import './feature-maps.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  layerShapes,
  MAX_FILTERS,
  shapeText,
  sizeFormula,
  STAGES,
  planesOf,
  type BankFilter,
  type LayerResult,
  type LayerSpec,
  type PoolMode,
  type Stage,
} from '../../compute';
import type { FeatureMapEngine } from '../../compute/tf';
import { ImagePicker } from '../kernel-playground/ImagePicker';
import { loadImage } from '../kernel-playground/load-image';
import { SAMPLES } from '../kernel-playground/samples';
import { useEngine } from '../kernel-playground/use-engine';
import { useWebcam } from '../kernel-playground/use-webcam';
import { CopyFigureLink } from '../shared/CopyFigureLink';
import { useDemoIds } from '../shared/ids';
import { Predict } from '../shared/Predict';
import { RadioGroup } from '../shared/RadioGroup';
import { Select } from '../shared/Select';
import { useUrlState } from '../shared/use-url-state';
import { FilterRow } from './FilterRow';
import { Inspector } from './Inspector';
import { MapBox, type Outline } from './MapBox';
import {
  addFilter,
  clampInspect,
  featureMapsCodec,
  follow,
  moveFilter,
  removeFilter,
  resizeBank,
  strongestPooled,
  toSpec,
  guessWindowCell,
  windowCellName,
  workingPicture,
  type FeatureMapsState,
  type Inspect,
} from './model';

export interface FeatureMapsProps {
  size?: 3 | 5;
  filters?: BankFilter[];
  relu?: boolean;
  pool?: { mode: PoolMode; size: number; stride: number };
  sample?: string;
  /** The working picture's size (the .astro wrapper knows it from the sample), for the server render. */
  inputH?: number | undefined;
  inputW?: number | undefined;
  instance?: string;
}

interface Picture {
  values: Float32Array;
  width: number;
  height: number;
}

const codec = featureMapsCodec(SAMPLES.map((s) => s.id));
const POOL_WORD: Record<PoolMode, string> = { max: 'Max pool', avg: 'Average pool' };

export default function FeatureMaps(props: FeatureMapsProps) {
  const id = useDemoIds(props.instance);
  const defaults: FeatureMapsState = {
    size: props.size ?? 3,
    filters: props.filters ?? [],
    relu: props.relu ?? true,
    pool: props.pool ?? { mode: 'max', size: 2, stride: 2 },
    sample: props.sample ?? SAMPLES[0]?.id ?? '',
  };
  const [state, setState] = useState<FeatureMapsState>(defaults);
  const [hydrated, setHydrated] = useState(false);
  const [picture, setPicture] = useState<Picture | null>(null);
  const [drawn, setDrawn] = useState<{ maps: LayerResult; spec: LayerSpec } | null>(null);
  const result = drawn?.maps ?? null;
  const [inspect, setInspect] = useState<Inspect | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState('');
  const [imageMessage, setImageMessage] = useState('');
  const [notice, setNotice] = useState('');
  const [fileName, setFileName] = useState('');
  const [webcam, setWebcam] = useState(false);
  const [updates, setUpdates] = useState(0);
  const [tensors, setTensors] = useState<number | null>(null);
  const engineState = useEngine();
  const engine = useRef<FeatureMapEngine | null>(null);
  const uploaded = useRef<Picture | null>(null);
  const job = useRef({ running: false, again: false });
  const latest = useRef({ state, picture });
  latest.current = { state, picture };
  const webcamCanvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => setHydrated(true), []);

  const url = useUrlState<FeatureMapsState>({
    key: props.instance,
    codec,
    state: { ...state, sample: state.sample === 'own' ? defaults.sample : state.sample },
    defaults,
    live: hydrated,
    onRestore: setState,
  });

  // A sample picture: loaded on start and whenever the reader picks another.
  useEffect(() => {
    const chosen = SAMPLES.find((s) => s.id === state.sample);
    if (chosen === undefined || webcam) return;
    let live = true;
    void loadImage(chosen.src).then((loaded) => {
      if (!live) return;
      if (loaded.ok) setPicture(workingPicture(loaded.rgba, loaded.width, loaded.height));
      else setImageMessage(loaded.message);
    });
    return () => {
      live = false;
    };
  }, [state.sample, webcam]);

  // One run at a time; edits that arrive meanwhile collapse into one more run with the latest state.
  const update = async () => {
    if (engineState.status !== 'ready') return;
    if (job.current.running) {
      job.current.again = true;
      return;
    }
    job.current.running = true;
    engine.current ??= new engineState.engine.FeatureMapEngine();
    try {
      do {
        job.current.again = false;
        const { state: s, picture: pic } = latest.current;
        if (pic === null) break;
        if (uploaded.current !== pic) {
          engine.current.setInput(pic.values, pic.height, pic.width, 1);
          uploaded.current = pic;
        }
        try {
          const used = toSpec(s);
          const maps = await engine.current.run(used);
          // The maps with the settings that made them: the inspector explains what is drawn.
          setDrawn({ maps, spec: used });
          setMessage('');
          setUpdates((n) => n + 1);
        } catch (error) {
          // The reader's last good maps stay; the sentence says why these settings cannot run.
          setMessage(error instanceof Error ? error.message.replace(/^featureMaps: /, '') : String(error));
        }
        setTensors(engineState.engine.tensorCount());
      } while (job.current.again);
    } finally {
      job.current.running = false;
    }
  };

  useEffect(() => {
    void update();
  }, [engineState.status, picture, state]);

  useEffect(() => () => engine.current?.dispose(), []);

  // The input box shows the picture as the layer sees it: grey, at its working size.
  useEffect(() => {
    const canvas = webcamCanvas.current;
    if (picture === null || canvas === null) return;
    canvas.width = picture.width;
    canvas.height = picture.height;
    const image = new ImageData(picture.width, picture.height);
    picture.values.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
    canvas.getContext('2d')?.putImageData(image, 0, 0);
  }, [picture]);

  useWebcam(webcam, webcamCanvas, {
    onFrame: (frame) => setPicture(workingPicture(frame.rgba, frame.width, frame.height)),
    busy: () => job.current.running,
    onStarted: () => setNotice('The webcam picture stays in your browser; nothing is sent anywhere.'),
    onFailed: (why) => {
      setImageMessage(why);
      setWebcam(false);
    },
  });

  const onFile = async (file: File) => {
    setWebcam(false);
    const loaded = await loadImage(file);
    if (!loaded.ok) {
      setImageMessage(loaded.message);
      return;
    }
    setFileName(file.name);
    setImageMessage('');
    setNotice(loaded.notice);
    setState((s) => ({ ...s, sample: 'own' }));
    setPicture(workingPicture(loaded.rgba, loaded.width, loaded.height));
  };

  const spec = toSpec(state);
  // Shapes: of the live maps once drawn (they lag an edit by one run), else of the settings.
  const inH = picture?.height ?? props.inputH ?? 64;
  const inW = picture?.width ?? props.inputW ?? 64;
  const shapes = layerShapes(inH, inW, 1, spec);
  const live = result !== null;
  const mapShape = (stage: Stage) => {
    const t = result?.[stage];
    return t
      ? { h: t.shape[1], w: t.shape[2], c: t.shape[3] }
      : { h: shapes[stage][0], w: shapes[stage][1], c: shapes[stage][2] };
  };
  const channels = useMemo(() => {
    if (result === null) return null;
    const [conv, relu, pool] = [planesOf(result.conv), planesOf(result.relu), planesOf(result.pool)];
    return conv.map((c, f) => ({ conv: c, relu: relu[f] as Float32Array, pool: pool[f] as Float32Array }));
  }, [result]);

  // The inspected cell: where the reader put it, kept inside the maps; at first the strongest
  // pooled cell of filter 1.
  const at: Inspect | null = (() => {
    if (result === null) return null;
    const count = result.conv.shape[3];
    if (inspect === null) return { filter: 0, stage: 'pool', ...strongestPooled(result) };
    const { h, w } = mapShape(inspect.stage);
    return clampInspect(inspect, count, h, w);
  })();
  const followed = at && drawn ? follow(drawn.maps, drawn.spec, at) : null;

  const outlinesFor = (filter: number, stage: Stage): Outline[] => {
    if (!at || !followed || at.filter !== filter) return [];
    const { cell, pooled } = followed;
    const out: Outline[] = [];
    const p = drawn?.spec.pool ?? state.pool;
    if (stage === 'pool' && pooled) out.push({ ...pooled, rows: 1, cols: 1, kind: 'cell' });
    if (stage === 'relu' && pooled)
      out.push({
        row: pooled.row * p.stride,
        col: pooled.col * p.stride,
        rows: p.size,
        cols: p.size,
        kind: 'window',
      });
    if (stage !== 'pool')
      out.push({
        ...cell,
        rows: 1,
        cols: 1,
        kind: stage === 'relu' && followed.pool?.winner != null ? 'winner' : 'cell',
      });
    return out;
  };

  const change = (next: Partial<FeatureMapsState>) => setState((s) => ({ ...s, ...next }));
  const setFilters = (filters: BankFilter[]) => change({ filters });

  const poolName = POOL_WORD[state.pool.mode];
  /** The pooling of the maps on screen (the controls may be ahead of them by one run). */
  const shownPool = drawn?.spec.pool ?? state.pool;
  const stageTitle: Record<Stage, string> = {
    conv: 'Convolution',
    relu: state.relu ? 'ReLU' : 'ReLU off',
    pool: poolName,
  };
  const headTitle: Record<Stage, string> = {
    conv: 'Conv',
    relu: state.relu ? 'ReLU' : 'ReLU off',
    pool: state.pool.mode === 'max' ? 'Max pool' : 'Avg pool',
  };
  const gridColumns = `auto ${mapShape('conv').w}fr ${mapShape('relu').w}fr ${mapShape('pool').w}fr`;
  const winnerQuestion = followed?.pool && followed.pool.winner !== null && at;

  return (
    <div
      class={`demo feature-maps${pending ? ' is-pending' : ''}`}
      data-testid="feature-maps"
      data-ready={engineState.status === 'ready' && live ? 'true' : 'false'}
      data-updates={updates}
      data-tensors={tensors ?? undefined}
      data-instance={props.instance}
      aria-busy={engineState.status === 'loading'}
    >
      <div class="fm-controls">
        <div class="fm-input">
          <div class="fm-input__box" style={{ aspectRatio: `${inW} / ${inH}` }}>
            {(() => {
              const chosen = SAMPLES.find((s) => s.id === state.sample);
              return chosen && !webcam ? (
                <img src={chosen.src} alt={chosen.alt} width={64} height={64} />
              ) : null;
            })()}
            <canvas
              ref={webcamCanvas}
              class={picture ? 'is-drawn' : undefined}
              role="img"
              aria-label="The input as the filters see it: grey, at its working size"
            />
          </div>
          <span class="fm-input__label">
            Input{' '}
            <span data-testid="fm-shape" data-stage="input">
              {shapeText(shapes.input)}
            </span>
          </span>
        </div>
        <fieldset class="fm-pool" data-testid="fm-pool">
          <legend>Pool</legend>
          <RadioGroup
            id={id('pool-mode')}
            label="Pooling"
            hideLabel
            value={state.pool.mode}
            testId="fm-pool-mode"
            options={[
              { value: 'max', label: 'max' },
              { value: 'avg', label: 'avg' },
            ]}
            onChange={(mode) => change({ pool: { ...state.pool, mode } })}
          />
          <Select
            id={id('pool-size')}
            label="window"
            inline
            value={String(state.pool.size)}
            testId="fm-pool-size"
            options={[2, 3].map((n) => ({ value: String(n), label: `${n}×${n}` }))}
            onChange={(v) => change({ pool: { ...state.pool, size: Number(v) } })}
          />
          <Select
            id={id('pool-stride')}
            label="stride"
            inline
            value={String(state.pool.stride)}
            testId="fm-pool-stride"
            options={[1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))}
            onChange={(v) => change({ pool: { ...state.pool, stride: Number(v) } })}
          />
        </fieldset>
        <div class="fm-layer">
          <label class="demo-radio fm-relu">
            <input
              type="checkbox"
              checked={state.relu}
              data-testid="fm-relu"
              onChange={(e) => change({ relu: e.currentTarget.checked })}
            />
            ReLU
          </label>
          <Select
            id={id('size')}
            label="kernels"
            inline
            value={String(state.size)}
            testId="fm-size"
            options={[
              { value: '3', label: '3×3' },
              { value: '5', label: '5×5' },
            ]}
            onChange={(v) => {
              const to = Number(v) as 3 | 5;
              setState((s) => ({ ...s, size: to, filters: resizeBank(s.filters, s.size, to) }));
            }}
          />
        </div>
      </div>

      <div class={`fm-bank fm-bank--${state.size}`} style={{ gridTemplateColumns: gridColumns }}>
        <div class="fm-heads" aria-hidden="true">
          <span class="fm-head">Kernel · bias</span>
          {STAGES.map((stage) => (
            <span key={stage} class="fm-head">
              {headTitle[stage]}
              <span class="fm-head__shape">
                {shapeText([mapShape(stage).h, mapShape(stage).w, mapShape(stage).c])}
              </span>
            </span>
          ))}
        </div>
        {state.filters.map((filter, index) => (
          <FilterRow
            key={index}
            id={id}
            index={index}
            count={state.filters.length}
            size={state.size}
            filter={filter}
            onChange={(next) => setFilters(state.filters.map((f, i) => (i === index ? next : f)))}
            onMove={(by) => setFilters(moveFilter(state.filters, index, by))}
            onRemove={() => setFilters(removeFilter(state.filters, index))}
            onPending={setPending}
          >
            {STAGES.map((stage) => {
              const { h, w } = mapShape(stage);
              const maps = channels?.[index];
              const mine =
                at && at.filter === index && at.stage === stage ? { row: at.row, col: at.col } : null;
              return (
                <MapBox
                  key={stage}
                  stage={stage}
                  filter={index}
                  h={h}
                  w={w}
                  values={maps?.[stage] ?? null}
                  zeroedFrom={stage === 'relu' && state.relu ? maps?.conv : undefined}
                  label={`Filter ${index + 1}, ${stageTitle[stage]}`}
                  outlines={outlinesFor(index, stage)}
                  selected={mine}
                  stale={pending || message !== ''}
                  onPick={(cell) => setInspect({ filter: index, stage, ...cell })}
                />
              );
            })}
          </FilterRow>
        ))}
      </div>
      <div class="fm-bank-actions demo-anchor">
        <button
          type="button"
          class="demo-button"
          data-testid="fm-add"
          disabled={state.filters.length >= MAX_FILTERS}
          onClick={() => setFilters(addFilter(state.filters, state.size))}
        >
          Add a filter
        </button>
        <span class="fm-legend">
          <span class="fm-swatch fm-swatch--neg" /> negative <span class="fm-swatch fm-swatch--zero" /> 0{' '}
          <span class="fm-swatch fm-swatch--pos" /> positive
          {state.relu && (
            <>
              {' '}
              · <span class="fm-swatch fm-swatch--zeroed" /> set to 0 by ReLU
            </>
          )}
        </span>
        <p class="fm-message" role="status" data-testid="fm-message">
          {message && (
            <span class="demo-message__bubble">
              {message} The maps shown are from the last settings that worked.
            </span>
          )}
        </p>
      </div>

      <Inspector
        at={at ?? { filter: 0, stage: 'pool', row: 0, col: 0 }}
        followed={followed}
        size={state.size}
        relu={state.relu}
        poolName={poolName}
        poolSize={shownPool.size}
      />

      <dl class="fm-shapes">
        <div>
          <dt>Convolution</dt>
          <dd>
            <span data-testid="fm-shape" data-stage="conv">
              {shapeText([mapShape('conv').h, mapShape('conv').w, mapShape('conv').c])}
            </span>
            : {sizeFormula(inH, state.size, 1)} with no padding (‘valid’) and stride 1; one channel per
            filter.
          </dd>
        </div>
        <div>
          <dt>ReLU</dt>
          <dd>
            <span data-testid="fm-shape" data-stage="relu">
              {shapeText([mapShape('relu').h, mapShape('relu').w, mapShape('relu').c])}
            </span>
            : the same shape; each value becomes max(0, value){state.relu ? '' : ' (off: unchanged)'}.
          </dd>
        </div>
        <div>
          <dt>{poolName}</dt>
          <dd>
            <span data-testid="fm-shape" data-stage="pool">
              {shapeText([mapShape('pool').h, mapShape('pool').w, mapShape('pool').c])}
            </span>
            : {sizeFormula(mapShape('conv').h, state.pool.size, state.pool.stride)} (window {state.pool.size},
            stride {state.pool.stride}).
          </dd>
        </div>
      </dl>

      {winnerQuestion && followed?.pool ? (
        <Predict
          id={id('predict')}
          live={hydrated}
          question={`Which cell of the outlined ${shownPool.size}×${shownPool.size} window (filter ${at.filter + 1}, ReLU map) survives the max pool?`}
          inputLabel={
            shownPool.size === 2
              ? 'top left, top right, bottom left or bottom right'
              : 'row and column, e.g. 2, 3'
          }
          check={(text) => {
            const winner = followed.pool?.winner ?? 0;
            const guess = guessWindowCell(text, shownPool.size);
            if (guess === null) {
              return {
                correct: false,
                feedback: <p>Name a cell of the window, such as “{windowCellName(0, shownPool.size)}”.</p>,
              };
            }
            const value = followed.pool?.cells[guess]?.value ?? 0;
            return guess === winner
              ? {
                  correct: true,
                  feedback: <p>Yes: it holds the largest value, {Math.round(value * 100) / 100}.</p>,
                }
              : {
                  correct: false,
                  feedback: (
                    <p>
                      Not that one: it holds {Math.round(value * 100) / 100}, and the{' '}
                      {windowCellName(winner, shownPool.size)} cell holds{' '}
                      {Math.round((followed.pool?.value ?? 0) * 100) / 100}.
                    </p>
                  ),
                };
          }}
          answer={
            <p>
              The {windowCellName(followed.pool.winner ?? 0, shownPool.size)} cell: it holds the largest
              value, {Math.round(followed.pool.value * 100) / 100}. Max pooling keeps only the strongest
              response of each window.
            </p>
          }
        />
      ) : (
        <Predict
          id={id('predict')}
          live={hydrated}
          question="Max pooling keeps one cell of each window: which one?"
          answer={
            <p>The cell with the largest value: the strongest response of the filter in that window.</p>
          }
        />
      )}

      <div class="fm-status">
        <span class="fm-status__line" data-testid="fm-status">
          {engineState.status === 'ready'
            ? `Computed in your browser (${engineState.report.name}).`
            : engineState.status === 'failed'
              ? `${engineState.message} The maps shown were computed when this page was built.`
              : 'The maps shown were computed when this page was built.'}
        </span>
        <CopyFigureLink id={id('copy-link')} link={url.link} notice={url.notice} />
      </div>
      <details class="fm-picture">
        <summary>
          Picture:{' '}
          {state.sample === 'own'
            ? fileName || 'yours'
            : webcam
              ? 'webcam'
              : (SAMPLES.find((s) => s.id === state.sample)?.title ?? '')}
        </summary>
        <ImagePicker
          id={id}
          samples={SAMPLES}
          sample={state.sample}
          fileName={fileName}
          webcamOn={webcam}
          message={imageMessage}
          notice={notice}
          onSample={(sample) => {
            setWebcam(false);
            setNotice('');
            setFileName('');
            setImageMessage('');
            change({ sample });
          }}
          onFile={(file) => void onFile(file)}
          onWebcam={() => setWebcam(!webcam)}
        />
      </details>
    </div>
  );
}
