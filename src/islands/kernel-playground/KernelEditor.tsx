import { KERNELS } from '../../compute';
import { EditableGrid } from '../shared/EditableGrid';
import { RadioGroup } from '../shared/RadioGroup';
import { Select } from '../shared/Select';

export interface KernelEditorProps {
  /** Builds this playground's element ids (useDemoIds). */
  id: (part: string) => string;
  values: readonly number[];
  size: 3 | 5;
  /** The preset these values equal, or 'custom'. */
  preset: string;
  meaning: string;
  onPreset: (id: string) => void;
  onSize: (size: 3 | 5) => void;
  onValue: (index: number, value: number) => void;
  /** True while a cell holds text that is not (yet) a number: the output is then stale. */
  onPending: (pending: boolean) => void;
}

const PRESETS = [
  ...KERNELS.map((k) => ({ value: k.id, label: k.name })),
  { value: 'custom', label: 'Your own' },
];

/** The kernel: a preset, its size, its values as one editable grid (one Tab stop) and what it does. */
export function KernelEditor(props: KernelEditorProps) {
  const { id, values, size, preset, meaning } = props;
  return (
    <fieldset class="playground-kernel">
      <legend>Kernel</legend>
      <div class="playground-kernel__pick">
        <Select
          id={id('preset')}
          label="Preset"
          value={preset}
          options={PRESETS}
          testId="kernel-preset"
          onChange={(value) => props.onPreset(value)}
        />
        <RadioGroup
          id={id('kernel-size')}
          label="Size"
          hideLabel
          value={String(size) as '3' | '5'}
          options={[
            { value: '3', label: '3×3' },
            { value: '5', label: '5×5' },
          ]}
          onChange={(value) => props.onSize(value === '5' ? 5 : 3)}
        />
      </div>
      <EditableGrid
        id={id('kernel')}
        label={`Kernel values, ${size}×${size}`}
        rows={size}
        cols={size}
        values={values}
        class="demo-grid--kernel playground-kernel__grid"
        cellLabel={(i) => `Kernel row ${Math.floor(i / size) + 1}, column ${(i % size) + 1}`}
        cellTestId="kernel-cell"
        onValue={props.onValue}
        onPending={props.onPending}
      />
      <p class="playground-kernel__meaning" data-testid="kernel-meaning">
        {meaning}
      </p>
    </fieldset>
  );
}
