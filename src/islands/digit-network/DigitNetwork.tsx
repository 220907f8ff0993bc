/**
 * A network that learns in the reader's browser. Draw a digit (or pick a held-out one) and watch
 * it go through the network: the 28×28 input, the first layer's 8 feature maps, the second's 16,
 * the ten probabilities. Every number is src/compute's reference forward pass on the current
 * weights, on the main thread (under a millisecond: no TensorFlow.js needed to draw). Training
 * runs TensorFlow.js in a worker (use-training.ts) and sends back weights the figure redraws with.
 */
import '../shared/demo.css';
import './digit-network.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { digitImage, type DigitWeights } from '../../compute';
import { CopyFigureLink } from '../shared/CopyFigureLink';
import { Field } from '../shared/Field';
import { Message } from '../shared/Message';
import { Predict } from '../shared/Predict';
import { RadioGroup } from '../shared/RadioGroup';
import { Select } from '../shared/Select';
import { Toolbar } from '../shared/Toolbar';
import { useDemoIds } from '../shared/ids';
import { useUrlState } from '../shared/use-url-state';
import { Cover } from './Cover';
import { DrawPad, drawDigitOnPad, PAD } from './DrawPad';
import { Filmstrip } from './Filmstrip';
import { Filters } from './Filters';
import { LineChart } from './LineChart';
import { loadDigits, loadPretrained } from './load';
import {
  DEFAULT_RATE,
  DEFAULT_SETTINGS,
  digitInput,
  filtersOf,
  padInput,
  readBatchSize,
  readLearningRate,
  readSeed,
  runNetwork,
  settingsCodec,
  type Optimizer,
  type TrainSettings,
} from './model';
import { fromBase64, TEST_DIGITS, type StartFigure } from './props';
import { StepView } from './StepView';
import { useTraining } from './use-training';

export interface DigitNetworkProps {
  start: StartFigure;
  instance?: string;
}

type Source = { kind: 'test'; index: number; label: number } | { kind: 'drawing' };
type WeightsKind = 'pretrained' | 'trained' | 'random';

const WEIGHTS_WORDS: Record<WeightsKind, string> = {
  pretrained: 'the pretrained weights',
  trained: 'weights trained here',
  random: 'random weights (seeded)',
};

export default function DigitNetwork({ start, instance }: DigitNetworkProps) {
  const id = useDemoIds(instance);
  const root = useRef<HTMLDivElement>(null);
  const pad = useRef<HTMLCanvasElement>(null);
  const [weights, setWeights] = useState<DigitWeights | null>(null);
  const pretrained = useRef<DigitWeights | null>(null);
  const [kind, setKind] = useState<WeightsKind>('pretrained');
  const startPixels = useMemo(() => fromBase64(start.pixels), [start.pixels]);
  const [input, setInput] = useState<Float32Array>(() => digitInput(startPixels));
  const [source, setSource] = useState<Source>({ kind: 'test', index: start.index, label: start.label });
  const [blank, setBlank] = useState(false);
  const [loadMessage, setLoadMessage] = useState('');
  const [settings, setSettings] = useState<TrainSettings>(DEFAULT_SETTINGS);
  const [rateText, setRateText] = useState(String(DEFAULT_SETTINGS.learningRate));
  const [batchText, setBatchText] = useState(String(DEFAULT_SETTINGS.batchSize));
  const [seedText, setSeedText] = useState(String(DEFAULT_SETTINGS.seed));
  const [problems, setProblems] = useState({ rate: '', batch: '', seed: '' });
  const [stepFilter, setStepFilter] = useState(0);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    if (pad.current) drawDigitOnPad(pad.current, startPixels);
    loadPretrained().then(
      (w) => {
        pretrained.current = w;
        setWeights((now) => now ?? w);
      },
      (error: Error) => setLoadMessage(`The weights could not be loaded: ${error.message}.`),
    );
  }, []);

  // Settings and seed in the page's address: a link reopens the same run.
  const url = useUrlState<TrainSettings>({
    key: instance,
    codec: settingsCodec,
    state: settings,
    defaults: DEFAULT_SETTINGS,
    live: hydrated,
    onRestore: (s) => {
      setSettings(s);
      setRateText(String(s.learningRate));
      setBatchText(String(s.batchSize));
      setSeedText(String(s.seed));
    },
  });

  const training = useTraining({
    weights,
    settings,
    onWeights: (w, k) => {
      performance.mark('dn:weights');
      setWeights(w);
      setKind(k);
    },
    root,
  });
  const t = training.state;

  const stages = useMemo(() => (weights ? runNetwork(weights, input) : null), [weights, input]);
  const probabilities = stages ? Array.from(stages.probabilities.data) : start.probabilities;
  const filters = useMemo(
    () => (weights ? filtersOf(weights.conv1.kernel.data) : start.filters),
    [weights, start.filters],
  );

  const onStroke = () => {
    const canvas = pad.current;
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    if (!canvas || !ctx) return;
    const next = padInput(ctx.getImageData(0, 0, PAD, PAD).data, PAD, PAD);
    if (next === null) {
      setBlank(true);
      return;
    }
    setBlank(false);
    setInput(next);
    setSource({ kind: 'drawing' });
  };

  const clear = () => {
    const canvas = pad.current;
    canvas?.getContext('2d')?.clearRect(0, 0, PAD, PAD);
    setBlank(true);
  };

  const pickTestDigit = async () => {
    try {
      const set = await loadDigits();
      const index = source.kind === 'test' ? (source.index + 1) % TEST_DIGITS : start.index;
      const bytes = digitImage(set.test, index);
      if (pad.current) drawDigitOnPad(pad.current, bytes);
      setInput(digitInput(bytes));
      setSource({ kind: 'test', index, label: set.test.labels[index] as number });
      setBlank(false);
      setLoadMessage('');
    } catch (error) {
      setLoadMessage(`The test digits could not be loaded: ${(error as Error).message}.`);
    }
  };

  const onRate = (text: string) => {
    setRateText(text);
    const read = readLearningRate(text);
    setProblems((p) => ({ ...p, rate: read.ok ? '' : read.message }));
    if (read.ok) setSettings((s) => ({ ...s, learningRate: read.value }));
  };
  const onBatch = (text: string) => {
    setBatchText(text);
    const read = readBatchSize(text);
    setProblems((p) => ({ ...p, batch: read.ok ? '' : read.message }));
    if (read.ok) setSettings((s) => ({ ...s, batchSize: read.value }));
  };
  const onSeed = (text: string) => {
    setSeedText(text);
    const read = readSeed(text);
    setProblems((p) => ({ ...p, seed: read.ok ? '' : read.message }));
    if (read.ok) setSettings((s) => ({ ...s, seed: read.value }));
  };
  const onOptimizer = (optimizer: Optimizer) => {
    const rate = DEFAULT_RATE[optimizer];
    setSettings((s) => ({ ...s, optimizer, learningRate: rate }));
    setRateText(String(rate));
    setProblems((p) => ({ ...p, rate: '' }));
  };

  const sourceText =
    source.kind === 'test'
      ? `Held-out digit no. ${source.index}, labelled ${source.label}.`
      : 'Your drawing, centred and scaled the way MNIST digits are.';
  const busy = t.status === 'starting';
  const accuracy = t.accuracy;

  return (
    <div
      ref={root}
      class="demo digit-network"
      data-testid="digit-network"
      data-ready={weights !== null ? 'true' : 'false'}
      data-weights={kind}
      data-source={source.kind === 'test' ? `test-${source.index}` : 'drawing'}
      data-learning-rate={settings.learningRate}
      data-examples={t.examples}
      data-tensors={t.tensors ?? undefined}
      data-backend={t.backend ?? undefined}
      data-rate={t.examplesPerSecond ?? undefined}
      data-instance={instance}
    >
      <div class="dn-top">
        <div class="dn-pad-box">
          <DrawPad
            canvasRef={pad}
            onStroke={onStroke}
            label="Drawing pad: draw a digit with a mouse, finger or pen"
          />
          <Toolbar label="Drawing" class="dn-pad-tools">
            <button type="button" class="demo-button" data-testid="clear-drawing" onClick={clear}>
              Clear
            </button>
            <button
              type="button"
              class="demo-button"
              data-testid="pick-test-digit"
              disabled={!hydrated}
              onClick={() => void pickTestDigit()}
            >
              Pick a test digit
            </button>
          </Toolbar>
          <p class="dn-source" data-testid="digit-source">
            {sourceText}
          </p>
          <Message
            text={
              blank
                ? 'The pad is blank: draw a digit, or pick a test digit. The prediction shown is still for the last one.'
                : loadMessage
            }
            placement="inline"
            testId="draw-message"
          />
        </div>
        <Cover input={input} stages={stages} probabilities={probabilities} stale={blank} />
      </div>
      <p class="dn-weights-line">
        Computed with {WEIGHTS_WORDS[kind]}
        {weights === null && hydrated && !loadMessage ? ' (loading…)' : ''}
        {weights === null && !hydrated ? ' when this page was built' : ''}.
      </p>

      <section class="dn-section" aria-labelledby={id('filters')}>
        <h3 class="dn-heading" id={id('filters')}>
          The first layer's filters
        </h3>
        <Filters filters={filters} />
        {t.film.length > 1 && <Filmstrip film={t.film} />}
      </section>

      <section class="dn-section dn-train" aria-labelledby={id('train')}>
        <h3 class="dn-heading" id={id('train')}>
          Training
        </h3>
        <div class="dn-controls">
          <Toolbar label="Training">
            <button
              type="button"
              class="demo-button"
              data-testid="train-toggle"
              aria-pressed={t.running}
              disabled={weights === null || busy || problems.rate !== '' || problems.batch !== ''}
              onClick={training.toggle}
            >
              {t.running ? 'Pause' : 'Train'}
            </button>
            <button
              type="button"
              class="demo-button"
              data-testid="train-step"
              disabled={weights === null || busy || problems.rate !== '' || problems.batch !== ''}
              onClick={() => void training.step()}
            >
              One step
            </button>
            <button
              type="button"
              class="demo-button"
              data-testid="reset-weights"
              disabled={weights === null || busy || problems.seed !== ''}
              onClick={() => void training.reset()}
            >
              Reset to random weights
            </button>
            <button
              type="button"
              class="demo-button"
              data-testid="pretrained-weights"
              disabled={pretrained.current === null || kind === 'pretrained'}
              onClick={() => pretrained.current && void training.usePretrained(pretrained.current)}
            >
              Pretrained weights
            </button>
          </Toolbar>
          <div class="dn-fields">
            <RadioGroup
              id={id('optimizer')}
              label="Optimiser"
              value={settings.optimizer}
              testId="optimizer"
              options={[
                { value: 'sgd', label: 'SGD' },
                { value: 'adam', label: 'Adam' },
              ]}
              onChange={(v) => onOptimizer(v as Optimizer)}
            />
            <Field
              id={id('rate')}
              label="Learning rate η"
              value={rateText}
              inputMode="decimal"
              onInput={onRate}
              invalid={problems.rate !== ''}
              message={problems.rate}
              testId="learning-rate"
              inline
            />
            <Field
              id={id('batch')}
              label="Batch size"
              value={batchText}
              inputMode="numeric"
              onInput={onBatch}
              invalid={problems.batch !== ''}
              message={problems.batch}
              testId="batch-size"
              inline
            />
            <Field
              id={id('seed')}
              label="Seed"
              value={seedText}
              inputMode="numeric"
              onInput={onSeed}
              invalid={problems.seed !== ''}
              message={problems.seed}
              testId="seed"
              inline
            />
          </div>
        </div>
        <p class="dn-progress" data-testid="train-progress" role="status">
          {t.status === 'off'
            ? 'Training runs in your browser, in a background thread, on 6,000 handwritten digits (fetched when you start).'
            : t.status === 'starting'
              ? 'Starting: loading TensorFlow.js and the digits…'
              : t.status === 'failed'
                ? ''
                : `Epoch ${t.epoch} · ${t.examples.toLocaleString('en')} examples seen${t.examplesPerSecond ? ` · ${Math.round(t.examplesPerSecond).toLocaleString('en')} examples/s` : ''} (${t.backend === 'wasm' ? 'WebAssembly' : 'JavaScript'})${t.held ? ' · paused while the demo is off screen or the tab is hidden' : ''}`}
        </p>
        <p class="dn-accuracy">
          Held-out accuracy (1,000 digits the network never trains on):{' '}
          <strong data-testid="accuracy-value" data-value={accuracy ?? undefined}>
            {accuracy === null ? 'measured when training starts' : `${(accuracy * 100).toFixed(1)}%`}
          </strong>
        </p>
        <Message text={t.message} placement="inline" testId="train-message" />
        {t.diverged && (
          <p class="dn-diverged">
            <button
              type="button"
              class="demo-button"
              data-testid="diverged-reset"
              disabled={busy || problems.seed !== ''}
              onClick={() => void training.reset()}
            >
              Start over from random weights
            </button>
          </p>
        )}
        <div class="dn-charts">
          <LineChart
            title="Training loss"
            yUnit="cross-entropy, nats"
            points={t.losses}
            testId="loss-chart"
            formatY={(v) => String(Number(v.toPrecision(2)))}
          />
          <LineChart
            title="Held-out accuracy"
            yUnit="%"
            points={t.accuracies}
            yMax={100}
            testId="accuracy-chart"
            formatY={(v) => `${v}`}
          />
        </div>
        {t.step && (
          <div class="dn-step-box">
            <Select
              id={id('step-filter')}
              label="Show the step for"
              inline
              value={String(stepFilter)}
              testId="step-filter"
              options={Array.from({ length: 8 }, (_, i) => ({ value: String(i), label: `filter ${i + 1}` }))}
              onChange={(v) => setStepFilter(Number(v))}
            />
            <StepView step={t.step} filter={stepFilter} optimizer={settings.optimizer} />
          </div>
        )}
      </section>
      <div class="dn-link">
        <CopyFigureLink id={id('copy-link')} link={url.link} notice={url.notice} />
      </div>
      <Predict
        id={id('predict')}
        live={hydrated}
        question="Reset to random weights and train: will any filter become an edge detector (negative numbers on one side, positive on the other)?"
        answer={
          <p>
            Usually several do, within a few thousand examples: compare the heat maps before and after. No one
            told the network about edges; they are simply useful for telling digits apart.
          </p>
        }
      />
    </div>
  );
}
