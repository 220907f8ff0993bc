/**
 * The kernel playground: any preset or custom 3×3/5×5 kernel on a shipped image, the reader's own
 * image or the webcam, in colour or grey, with a legend and a pixel inspector. TensorFlow.js loads
 * only when the island hydrates; until then (and without JavaScript) the reader sees a static figure.
 */
import './playground.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  kernelById,
  KERNELS,
  rgbaToChannels,
  type ChannelMode,
  type Legend as LegendData,
  type Scaling,
} from '../../compute';
import type { ImageFilter } from '../../compute/tf';
import { drawFeatureMap } from '../shared/feature-map';
import { NumberGrid } from '../shared/NumberGrid';
import { parseCell } from '../shared/parse';
import { ImagePicker } from './ImagePicker';
import { Inspector } from './Inspector';
import { KernelEditor } from './KernelEditor';
import { Legend } from './Legend';
import { loadImage } from './load-image';
import { centrePixel, matchingPreset, type Pixel, pixelAfterKey, pixelUnder, resizeKernel } from './model';
import { SAMPLES } from './samples';
import { useEngine } from './use-engine';
import { useWebcam } from './use-webcam';

export interface KernelPlaygroundProps {
  /** A preset id from the kernel catalogue. Default: Sobel x. */
  preset?: string;
  /** 'gray' (default) or 'rgb'. */
  mode?: ChannelMode;
  /** A sample image id (public/samples/samples.json). Default: the first. */
  sample?: string;
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
}

let pictureKeys = 0;

export default function KernelPlayground(props: KernelPlaygroundProps) {
  const initial = kernelById((KERNELS.find((k) => k.id === props.preset)?.id ?? 'sobel-x') as 'sobel-x');
  const [ready, setReady] = useState(false);
  const [sample, setSample] = useState(props.sample ?? SAMPLES[0]?.id ?? '');
  const [picture, setPicture] = useState<Picture | null>(null);
  const [mode, setMode] = useState<ChannelMode>(props.mode ?? 'gray');
  const [scaling, setScaling] = useState<Scaling>('clip');
  const [kernel, setKernel] = useState({ values: [...initial.values], size: initial.size as 3 | 5 });
  const [drafts, setDrafts] = useState<Map<number, string>>(new Map());
  const [message, setMessage] = useState('');
  const [notice, setNotice] = useState('');
  const [stats, setStats] = useState<Stats | null>(null);
  const [updates, setUpdates] = useState(0);
  const [tensors, setTensors] = useState<number | null>(null);
  const [inspect, setInspect] = useState<Pixel | null>(null);
  const [webcam, setWebcam] = useState(false);
  const engineState = useEngine();

  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const outputCanvas = useRef<HTMLCanvasElement>(null);
  const filter = useRef<ImageFilter | null>(null);
  const uploaded = useRef<string>('');
  const lastOutput = useRef<Float32Array | null>(null);
  const job = useRef({ running: false, again: false });
  const latest = useRef({ picture, mode, kernel, scaling });
  latest.current = { picture, mode, kernel, scaling };

  const channels: 1 | 3 = mode === 'rgb' ? 3 : 1;
  const channelValues = useMemo(
    () => (picture ? rgbaToChannels(picture.rgba, picture.width, picture.height, mode) : null),
    [picture, mode],
  );
  const preset = matchingPreset(kernel.values, kernel.size);

  useEffect(() => setReady(true), []);

  // A sample image: loaded on start and whenever the reader picks another.
  useEffect(() => {
    const chosen = SAMPLES.find((s) => s.id === sample);
    if (!ready || chosen === undefined || webcam) return;
    let live = true;
    loadImage(chosen.file).then((loaded) => {
      if (!live) return;
      if (loaded.ok) setPicture({ ...loaded, key: ++pictureKeys });
      else setMessage(loaded.message);
    });
    return () => {
      live = false;
    };
  }, [ready, sample, webcam]);

  // The input as the engine sees it.
  useEffect(() => {
    const canvas = inputCanvas.current;
    if (picture === null || canvas === null) return;
    canvas.width = picture.width;
    canvas.height = picture.height;
    canvas
      .getContext('2d')
      ?.putImageData(new ImageData(new Uint8ClampedArray(picture.rgba), picture.width), 0, 0);
  }, [picture, ready]);

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
        const legend = drawFeatureMap(
          outputCanvas.current,
          values,
          pic.width,
          pic.height,
          m === 'rgb' ? 3 : 1,
          sc,
        );
        lastOutput.current = values;
        setStats({ ms: performance.now() - start, legend });
        setUpdates((n) => n + 1);
        setTensors(engine.tensorCount());
      } while (job.current.again);
    } catch (error) {
      setMessage(`The filter could not run: ${error instanceof Error ? error.message : String(error)}`);
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
      setMessage(why);
      setWebcam(false);
    },
  });

  const chosenSample = SAMPLES.find((s) => s.id === sample) ?? SAMPLES[0];

  if (!ready) {
    return (
      <div class="kernel-playground" data-testid="kernel-playground" data-ready="false">
        <div class="playground-fallback">
          {chosenSample && <img src={chosenSample.file} alt={chosenSample.alt} width={256} height={256} />}
          <NumberGrid kind="kernel" label={initial.name} rows={rows(initial.values, initial.size)} />
        </div>
        <p class="playground-fallback__note">
          {initial.meaning} The live playground, which applies this kernel and any other to the picture, loads
          here when JavaScript runs.
        </p>
      </div>
    );
  }

  const setKernelValues = (values: number[], size: 3 | 5) => {
    setKernel({ values, size });
    setMessage('');
  };

  const onText = (index: number, text: string) => {
    setDrafts(new Map(drafts).set(index, text));
    const parsed = parseCell(text);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    setKernelValues(
      kernel.values.map((v, i) => (i === index ? parsed.value : v)),
      kernel.size,
    );
  };

  const onFile = async (file: File) => {
    setWebcam(false);
    const loaded = await loadImage(file);
    if (!loaded.ok) {
      setMessage(loaded.message);
      return;
    }
    setMessage('');
    setNotice(loaded.notice);
    setSample('own');
    setPicture({ ...loaded, key: ++pictureKeys });
  };

  const onCanvasKey = (event: KeyboardEvent) => {
    if (picture === null) return;
    const at = inspect ?? centrePixel(picture.width, picture.height);
    const next = pixelAfterKey(at, event.key, event.shiftKey, picture.width, picture.height);
    if (!next) return;
    event.preventDefault();
    setInspect(next);
  };
  const onPointer = (event: PointerEvent) => {
    if (picture === null) return;
    const box = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    setInspect(pixelUnder(event.clientX, event.clientY, box, picture.width, picture.height));
  };
  const canvasProps = (label: string) => ({
    tabIndex: 0,
    role: 'img' as const,
    'aria-label': label,
    onPointerMove: onPointer,
    onPointerDown: onPointer,
    onKeyDown: onCanvasKey,
    onFocus: () => picture && !inspect && setInspect(centrePixel(picture.width, picture.height)),
  });
  const marker =
    inspect && picture ? (
      <span
        class="playground-marker"
        aria-hidden="true"
        style={{
          left: `${((inspect.x - (kernel.size - 1) / 2) / picture.width) * 100}%`,
          top: `${((inspect.y - (kernel.size - 1) / 2) / picture.height) * 100}%`,
          width: `${(kernel.size / picture.width) * 100}%`,
          height: `${(kernel.size / picture.height) * 100}%`,
        }}
      />
    ) : null;

  const busy = engineState.status === 'loading';
  return (
    <div
      class="kernel-playground"
      data-testid="kernel-playground"
      data-ready={engineState.status === 'ready' && updates > 0 ? 'true' : 'false'}
      data-updates={updates}
      data-tensors={tensors ?? undefined}
      aria-busy={busy}
    >
      <div class="playground-controls">
        <ImagePicker
          samples={SAMPLES}
          sample={sample}
          webcamOn={webcam}
          onSample={(id) => {
            setWebcam(false);
            setNotice('');
            setMessage('');
            setSample(id);
          }}
          onFile={(file) => void onFile(file)}
          onWebcam={() => setWebcam(!webcam)}
        />
        <KernelEditor
          values={kernel.values}
          size={kernel.size}
          preset={preset?.id ?? 'custom'}
          meaning={
            preset?.meaning ??
            'Your own kernel: each output is the sum of the window’s values times these weights.'
          }
          drafts={drafts}
          invalid={new Set([...drafts].filter(([, t]) => !parseCell(t).ok).map(([i]) => i))}
          onPreset={(id) => {
            const chosen = KERNELS.find((k) => k.id === id);
            if (chosen) setKernelValues([...chosen.values], chosen.size as 3 | 5);
          }}
          onSize={(size) => setKernelValues(resizeKernel(kernel.values, kernel.size, size), size)}
          onText={onText}
          onBlur={(index) => {
            const next = new Map(drafts);
            next.delete(index);
            setDrafts(next);
          }}
        />
        <fieldset class="playground-view">
          <legend>View</legend>
          <div class="playground-radios" role="radiogroup" aria-label="Colour">
            {(['gray', 'rgb'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="playground-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                {m === 'gray' ? 'Grayscale' : 'RGB, per channel'}
              </label>
            ))}
          </div>
          <div class="playground-radios" role="radiogroup" aria-label="Output scale">
            {(['clip', 'normalize'] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="playground-scaling"
                  value={s}
                  checked={scaling === s}
                  onChange={() => setScaling(s)}
                />
                {s === 'normalize' ? 'Stretch to the range' : 'Clip to 0–255'}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="playground-images">
        <figure>
          <div class="playground-canvas">
            <canvas
              ref={inputCanvas}
              data-testid="input-canvas"
              {...canvasProps('Input image; move over it or use the arrow keys to inspect a pixel')}
            />
            {marker}
          </div>
          <figcaption>
            Input{picture ? ` ${picture.width}×${picture.height}` : ''}
            {sample !== 'own' && chosenSample ? ` · ${chosenSample.title}: ${chosenSample.credit}` : ''}
          </figcaption>
        </figure>
        <figure>
          <div class="playground-canvas">
            <canvas
              ref={outputCanvas}
              data-testid="feature-map"
              {...canvasProps('Feature map; move over it or use the arrow keys to inspect a pixel')}
            />
            {marker}
            {busy && (
              <div class="playground-loading" role="status">
                <progress aria-label="Loading TensorFlow.js" />
                <span>Loading TensorFlow.js…</span>
              </div>
            )}
          </div>
          <figcaption>Feature map</figcaption>
          {stats && <Legend legend={stats.legend} />}
        </figure>
      </div>
      {inspect && picture && channelValues && (
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
        />
      )}
      <p class="playground-status">
        <span data-testid="backend">
          {engineState.status === 'ready'
            ? engineState.report.name
            : engineState.status === 'loading'
              ? 'loading'
              : 'unavailable'}
        </span>
        {stats && <span data-testid="update-time"> · last update {stats.ms.toFixed(1)} ms</span>}
        {engineState.status === 'ready' && (
          <details class="playground-why">
            <summary>why this backend</summary>
            {engineState.report.reason}
          </details>
        )}
      </p>
      <p
        class={`demo-message${message || engineState.status === 'failed' ? '' : ' demo-message--notice'}`}
        data-testid="demo-message"
        role="status"
      >
        {engineState.status === 'failed' ? engineState.message : message || notice}
      </p>
    </div>
  );
}

function rows(values: readonly number[], size: number): number[][] {
  return Array.from({ length: size }, (_, r) => values.slice(r * size, r * size + size));
}
