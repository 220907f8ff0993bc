/**
 * The kernel playground: any preset or custom 3×3/5×5 kernel on a shipped image, the reader's own
 * image or the webcam, in colour or grey, with a legend, a pixel inspector and a question to guess
 * before looking. The server renders the same layout as the live demo, with the figure computed at
 * build time (passed in as children), so nothing moves when the island wakes up.
 */
import '../shared/demo.css';
import './playground.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  KERNELS,
  rgbaToChannels,
  type ChannelMode,
  type Legend as LegendData,
  type Scaling,
} from '../../compute';
import type { ImageFilter } from '../../compute/tf';
import { drawFeatureMap } from '../shared/feature-map';
import { useDemoIds } from '../shared/ids';
import { useUrlState } from '../shared/use-url-state';
import { ImagePicker } from './ImagePicker';
import { Inspector } from './Inspector';
import { KernelEditor } from './KernelEditor';
import { Legend } from './Legend';
import { loadImage } from './load-image';
import {
  arrowStep,
  centrePixel,
  matchingPreset,
  type Pixel,
  pixelAfterKey,
  pixelUnder,
  resizeKernel,
  strongestPixel,
} from './model';
import { Predict, type Answer } from './Predict';
import { SAMPLES } from './samples';
import { Status } from './Status';
import { playgroundCodec, type PlaygroundState } from './url-state';
import { useEngine } from './use-engine';
import { useWebcam } from './use-webcam';
import { ViewSettings } from './ViewSettings';

export interface KernelPlaygroundProps {
  /** A preset id from the kernel catalogue. Default: Sobel x. */
  preset?: string;
  /** 'gray' (default) or 'rgb'. */
  mode?: ChannelMode;
  /** A sample image id (public/samples/samples.json). Default: the first. */
  sample?: string;
  /** Unique on the page (the .astro wrapper numbers its playgrounds): element ids and the URL key. */
  instance?: string;
  /** The legend of the figure computed at build time (the figure itself is the children). */
  staticLegend?: LegendData | undefined;
  /** Where the build-time figure responds most: the answer shown without JavaScript. */
  staticAnswer?: Answer | null;
  children?: ComponentChildren;
}

interface Picture {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  /** Changes with every new picture, so the engine uploads it once. */
  key: number;
}

interface Stats {
  ms: number;
  legend: LegendData;
  strongest: Answer | null;
}

type Messages = { kernel: string; image: string };

let pictureKeys = 0;

const codec = playgroundCodec(SAMPLES.map((s) => s.id));

export default function KernelPlayground(props: KernelPlaygroundProps) {
  const id = useDemoIds(props.instance);
  const initialPreset = KERNELS.find((k) => k.id === props.preset) ?? KERNELS.find((k) => k.id === 'sobel-x');
  const defaults: PlaygroundState = {
    size: (initialPreset?.size ?? 3) as 3 | 5,
    values: [...(initialPreset?.values ?? [])],
    mode: props.mode ?? 'gray',
    scaling: 'auto' as Scaling,
    sample: props.sample ?? SAMPLES[0]?.id ?? '',
  };
  const [hydrated, setHydrated] = useState(false);
  const [sample, setSample] = useState(defaults.sample);
  const [picture, setPicture] = useState<Picture | null>(null);
  const [mode, setMode] = useState<ChannelMode>(defaults.mode);
  const [scaling, setScaling] = useState<Scaling>(defaults.scaling);
  const [kernel, setKernel] = useState({ values: defaults.values, size: defaults.size });
  const [stale, setStale] = useState(false);
  const [messages, setMessages] = useState<Messages>({ kernel: '', image: '' });
  const [notice, setNotice] = useState('');
  const [fileName, setFileName] = useState('');
  const [stats, setStats] = useState<Stats | null>(null);
  const [updates, setUpdates] = useState(0);
  const [tensors, setTensors] = useState<number | null>(null);
  const [inspect, setInspect] = useState<Pixel | null>(null);
  const [webcam, setWebcam] = useState(false);
  const [guessing, setGuessing] = useState(false);
  const [guess, setGuess] = useState<Pixel | null>(null);
  const [revealed, setRevealed] = useState<Answer | null>(null);
  const engineState = useEngine();

  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const outputCanvas = useRef<HTMLCanvasElement>(null);
  const filter = useRef<ImageFilter | null>(null);
  const uploaded = useRef<string>('');
  const lastOutput = useRef<Float32Array | null>(null);
  const inspectMoved = useRef(false);
  const job = useRef({ running: false, again: false });
  const latest = useRef({ picture, mode, kernel, scaling });
  latest.current = { picture, mode, kernel, scaling };

  const channels: 1 | 3 = mode === 'rgb' ? 3 : 1;
  const channelValues = useMemo(
    () => (picture ? rgbaToChannels(picture.rgba, picture.width, picture.height, mode) : null),
    [picture, mode],
  );
  const preset = matchingPreset(kernel.values, kernel.size);

  useEffect(() => setHydrated(true), []);

  // The figure's state in the page's address (a reader's own picture or the webcam is not linkable:
  // the link then names the sample the playground started with).
  const url = useUrlState<PlaygroundState>({
    key: props.instance,
    codec,
    state: {
      size: kernel.size,
      values: kernel.values,
      mode,
      scaling,
      sample: sample === 'own' ? defaults.sample : sample,
    },
    defaults,
    live: hydrated,
    onRestore: (state) => {
      setKernel({ values: state.values, size: state.size });
      setMode(state.mode);
      setScaling(state.scaling);
      setSample(state.sample);
    },
  });

  // A sample image: loaded on start and whenever the reader picks another.
  useEffect(() => {
    const chosen = SAMPLES.find((s) => s.id === sample);
    if (chosen === undefined || webcam) return;
    let live = true;
    loadImage(chosen.src).then((loaded) => {
      if (!live) return;
      if (loaded.ok) {
        performance.mark('kp:picture');
        setPicture({ ...loaded, key: ++pictureKeys });
      } else setMessages((m) => ({ ...m, image: loaded.message }));
    });
    return () => {
      live = false;
    };
  }, [sample, webcam]);

  // The input as the engine sees it.
  useEffect(() => {
    const canvas = inputCanvas.current;
    if (picture === null || canvas === null) return;
    canvas.width = picture.width;
    canvas.height = picture.height;
    canvas
      .getContext('2d')
      ?.putImageData(new ImageData(new Uint8ClampedArray(picture.rgba), picture.width), 0, 0);
  }, [picture]);

  // One update at a time; edits that arrive meanwhile collapse into one more run with the latest state.
  const update = async () => {
    if (engineState.status !== 'ready' || outputCanvas.current === null) return;
    if (job.current.running) {
      job.current.again = true;
      return;
    }
    job.current.running = true;
    const { engine } = engineState;
    filter.current ??= new engine.ImageFilter({ reuseOutput: true });
    try {
      do {
        job.current.again = false;
        const { picture: pic, mode: m, kernel: k, scaling: sc } = latest.current;
        if (pic === null) break;
        const start = performance.now();
        const imageKey = `${pic.key}/${m}`;
        if (uploaded.current !== imageKey) {
          filter.current.setImage(pic.rgba, pic.width, pic.height, m);
          uploaded.current = imageKey;
        }
        const values = await filter.current.apply(k.values, k.size);
        const ch = m === 'rgb' ? 3 : 1;
        const legend = drawFeatureMap(outputCanvas.current, values, pic.width, pic.height, ch, sc);
        const ms = performance.now() - start;
        lastOutput.current = values;
        const strongest = strongestPixel(values, pic.width, pic.height, ch, k.size);
        if (!inspectMoved.current && strongest) setInspect({ x: strongest.x, y: strongest.y });
        setStats({ ms, legend, strongest });
        if (lastOutput.current === values) performance.mark('kp:drawn');
        setUpdates((n) => n + 1);
        setTensors(engine.tensorCount());
      } while (job.current.again);
    } catch (error) {
      setMessages((msg) => ({
        ...msg,
        kernel: `The filter could not run: ${error instanceof Error ? error.message : String(error)}`,
      }));
    } finally {
      job.current.running = false;
    }
  };

  useEffect(() => {
    void update();
  }, [engineState.status, picture, mode, kernel, scaling]);

  useEffect(
    () => () => {
      filter.current?.dispose();
    },
    [],
  );

  useWebcam(webcam, inputCanvas, {
    onFrame: (frame) => setPicture({ ...frame, key: ++pictureKeys }),
    busy: () => job.current.running,
    onStarted: () => setNotice('The webcam picture stays in your browser; nothing is sent anywhere.'),
    onFailed: (why) => {
      setMessages((m) => ({ ...m, image: why }));
      setWebcam(false);
    },
  });

  const readerChanged = () => setRevealed(null);

  const setKernelValues = (values: number[], size: 3 | 5) => {
    readerChanged();
    setKernel({ values, size });
    setMessages((m) => ({ ...m, kernel: '' }));
  };

  const onFile = async (file: File) => {
    setWebcam(false);
    const loaded = await loadImage(file);
    if (!loaded.ok) {
      setMessages((m) => ({ ...m, image: loaded.message }));
      return;
    }
    readerChanged();
    setFileName(file.name);
    setMessages((m) => ({ ...m, image: '' }));
    setNotice(loaded.notice);
    setSample('own');
    setPicture({ ...loaded, key: ++pictureKeys });
  };

  const width = picture?.width ?? 256;
  const height = picture?.height ?? 256;
  const step = arrowStep(width, height);

  const onCanvasKey = (event: KeyboardEvent, target: 'input' | 'output') => {
    if (picture === null) return;
    if (guessing && target === 'input') {
      const next = pixelAfterKey(
        guess ?? centrePixel(picture.width, picture.height),
        event.key,
        event.shiftKey,
        picture.width,
        picture.height,
      );
      if (!next) return;
      event.preventDefault();
      setGuess(next);
      return;
    }
    const at = inspect ?? centrePixel(picture.width, picture.height);
    const next = pixelAfterKey(at, event.key, event.shiftKey, picture.width, picture.height);
    if (!next) return;
    event.preventDefault();
    inspectMoved.current = true;
    setInspect(next);
  };
  const onPointer = (event: PointerEvent, target: 'input' | 'output') => {
    if (picture === null) return;
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const at = pixelUnder(event.clientX, event.clientY, box, picture.width, picture.height);
    if (guessing && target === 'input') {
      if (event.type === 'pointerdown') setGuess(at);
      return;
    }
    // A tap moves the inspector; a mouse moving over the picture does too.
    inspectMoved.current = true;
    setInspect(at);
  };

  const marker = (at: Pixel | null, kind: string, size: number) =>
    at ? (
      <span
        class={`demo-marker playground-marker playground-marker--${kind}`}
        aria-hidden="true"
        style={{
          left: `${((at.x - (size - 1) / 2) / width) * 100}%`,
          top: `${((at.y - (size - 1) / 2) / height) * 100}%`,
          width: `${(size / width) * 100}%`,
          height: `${(size / height) * 100}%`,
        }}
      />
    ) : null;
  const markers = (target: 'input' | 'output') => (
    <>
      {!guessing && marker(inspect, 'inspect', kernel.size)}
      {target === 'input' && guessing && marker(guess, 'guess', Math.max(kernel.size, 2 * step))}
      {revealed && marker(revealed, 'answer', Math.max(kernel.size, 2 * step))}
      {revealed && target === 'input' && marker(guess, 'guess', Math.max(kernel.size, 2 * step))}
    </>
  );

  const chosenSample = SAMPLES.find((s) => s.id === sample) ?? SAMPLES[0];
  const live = updates > 0;
  const legend = stats?.legend ?? props.staticLegend;
  const loadingStep =
    engineState.status === 'ready'
      ? 2 + (picture ? 1 : 0)
      : engineState.status === 'loading'
        ? engineState.step
        : 0;
  const ratio = `${width} / ${height}`;

  return (
    <div
      class="demo kernel-playground"
      data-testid="kernel-playground"
      data-ready={engineState.status === 'ready' && live ? 'true' : 'false'}
      data-updates={updates}
      data-tensors={tensors ?? undefined}
      data-instance={props.instance}
      aria-busy={engineState.status === 'loading'}
    >
      <div class="playground-stage">
        <figure class="playground-picture playground-picture--input">
          <div
            class={`playground-box${guessing ? ' is-guessing' : ''}`}
            style={{ aspectRatio: ratio }}
            data-testid="predict-input"
            onPointerDown={(e) => onPointer(e, 'input')}
            onPointerMove={(e) => onPointer(e, 'input')}
          >
            {chosenSample && sample !== 'own' && !webcam && (
              <img src={chosenSample.src} alt="" width={256} height={256} />
            )}
            <canvas
              ref={inputCanvas}
              data-testid="input-canvas"
              class={picture ? 'is-drawn' : undefined}
              tabIndex={0}
              role="img"
              aria-label={
                guessing
                  ? 'Input picture: tap where you think the kernel responds most, or use the arrow keys'
                  : `Input picture${chosenSample && sample !== 'own' ? `: ${chosenSample.alt}` : ''}. Arrow keys move the inspected pixel.`
              }
              onKeyDown={(e) => onCanvasKey(e, 'input')}
            />
            {markers('input')}
          </div>
          <figcaption>
            Input{' '}
            <span class="playground-picture__detail">
              {sample === 'own'
                ? fileName
                  ? `· ${fileName}`
                  : ''
                : webcam
                  ? '· webcam'
                  : `· ${chosenSample?.title}`}
            </span>
          </figcaption>
        </figure>
        <figure class="playground-picture playground-picture--output">
          <div
            class={`playground-box demo-picture${stale ? ' is-stale' : ''}`}
            style={{ aspectRatio: ratio }}
            data-stale={stale ? 'true' : 'false'}
            onPointerDown={(e) => onPointer(e, 'output')}
            onPointerMove={(e) => onPointer(e, 'output')}
          >
            {!live && <div class="playground-static">{props.children}</div>}
            <canvas
              ref={outputCanvas}
              data-testid="feature-map"
              class={live ? 'is-drawn' : undefined}
              tabIndex={0}
              role="img"
              aria-label="Feature map: the input filtered by the kernel. Arrow keys move the inspected pixel."
              onKeyDown={(e) => onCanvasKey(e, 'output')}
            />
            {markers('output')}
            {guessing && (
              <div class="playground-veil">
                <span>Hidden while you guess</span>
              </div>
            )}
            {stale && (
              <span class="demo-stale-badge playground-badge" data-testid="stale">
                Out of date until the kernel value is a number
              </span>
            )}
            {!live && engineState.status !== 'failed' && (
              <div class="playground-loading" role="status">
                <progress max={4} value={loadingStep} aria-label="Loading the live demo" />
                <span>
                  Computed when the page was built · going live, step {Math.min(4, loadingStep + 1)} of 4
                </span>
              </div>
            )}
          </div>
          <figcaption>Feature map</figcaption>
        </figure>
        {legend && <Legend legend={legend} />}
        <KernelEditor
          id={id}
          values={kernel.values}
          size={kernel.size}
          preset={preset?.id ?? 'custom'}
          meaning={
            messages.kernel ||
            (preset?.meaning ??
              'Your own kernel: each output is the sum of the window’s values times these weights.')
          }
          onPreset={(chosenId) => {
            const chosen = KERNELS.find((k) => k.id === chosenId);
            if (!chosen) return;
            inspectMoved.current = false;
            setKernelValues([...chosen.values], chosen.size as 3 | 5);
          }}
          onSize={(size) => setKernelValues(resizeKernel(kernel.values, kernel.size, size), size)}
          onValue={(index, value) =>
            setKernelValues(
              kernel.values.map((v, i) => (i === index ? value : v)),
              kernel.size,
            )
          }
          onPending={setStale}
        />
      </div>
      <Status
        id={id}
        engineState={engineState}
        ms={stats?.ms ?? null}
        live={live}
        linkNotice={url.notice}
        link={url.link}
      />
      <ViewSettings
        id={id}
        mode={mode}
        scaling={scaling}
        summary={`${chosenSample && sample !== 'own' ? chosenSample.title : sample === 'own' ? 'Your picture' : ''} · ${mode === 'rgb' ? 'RGB' : 'grey'} · ${scaling === 'auto' ? 'automatic scale' : scaling === 'clip' ? 'clipped to 0–255' : 'stretched'}`}
        onMode={(m) => {
          readerChanged();
          setMode(m);
        }}
        onScaling={(s) => {
          readerChanged();
          setScaling(s);
        }}
      >
        <ImagePicker
          id={id}
          samples={SAMPLES}
          sample={sample}
          fileName={fileName}
          webcamOn={webcam}
          message={messages.image}
          notice={notice}
          onSample={(id) => {
            readerChanged();
            setWebcam(false);
            setNotice('');
            setFileName('');
            setMessages((m) => ({ ...m, image: '' }));
            setSample(id);
          }}
          onFile={(file) => void onFile(file)}
          onWebcam={() => setWebcam(!webcam)}
        />
      </ViewSettings>
      <Predict
        live={hydrated}
        staticAnswer={props.staticAnswer ?? null}
        guessing={guessing}
        guess={guess}
        revealed={revealed}
        canStart={live}
        onStart={() => {
          setRevealed(null);
          setGuess(null);
          setGuessing(true);
        }}
        onReveal={() => {
          setGuessing(false);
          setRevealed(stats?.strongest ?? null);
        }}
      />
      {inspect && picture && channelValues && live && (
        <Inspector
          image={channelValues}
          width={picture.width}
          height={picture.height}
          channels={channels}
          x={inspect.x}
          y={inspect.y}
          kernel={kernel.values}
          size={kernel.size}
          output={lastOutput.current}
          step={step}
        />
      )}
    </div>
  );
}
