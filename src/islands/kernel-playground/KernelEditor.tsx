import { KERNELS } from '../../compute';
import { CellInput } from '../shared/CellInput';

export interface KernelEditorProps {
  values: readonly number[];
  size: 3 | 5;
  /** The preset these values equal, or 'custom'. */
  preset: string;
  meaning: string;
  drafts: ReadonlyMap<number, string>;
  invalid: ReadonlySet<number>;
  onPreset: (id: string) => void;
  onSize: (size: 3 | 5) => void;
  onText: (index: number, text: string) => void;
  onBlur: (index: number) => void;
}

export function KernelEditor(props: KernelEditorProps) {
  const { values, size, preset, meaning, drafts, invalid } = props;
  return (
    <fieldset class="playground-kernel">
      <legend>Kernel</legend>
      <label class="stepper-field" for="playground-preset">
        <span>Preset</span>
        <select
          id="playground-preset"
          data-testid="kernel-preset"
          value={preset}
          onChange={(e) => props.onPreset(e.currentTarget.value)}
        >
          {KERNELS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
          <option value="custom">Custom</option>
        </select>
      </label>
      <p class="playground-kernel__meaning" data-testid="kernel-meaning">
        {meaning}
      </p>
      <div class="playground-radios" role="radiogroup" aria-label="Kernel size">
        {([3, 5] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="playground-kernel-size"
              value={s}
              checked={size === s}
              onChange={() => props.onSize(s)}
            />
            {s}×{s}
          </label>
        ))}
      </div>
      <div
        class="stepper-grid__cells playground-kernel__cells"
        style={{ gridTemplateColumns: `repeat(${size}, var(--cell))` }}
        role="group"
        aria-label={`Kernel values, ${size}×${size}`}
      >
        {values.map((value, index) => (
          <CellInput
            key={`${size}-${index}`}
            value={value}
            draft={drafts.get(index)}
            invalid={invalid.has(index)}
            label={`Kernel row ${Math.floor(index / size) + 1}, column ${(index % size) + 1}`}
            testId="kernel-cell"
            onText={(text) => props.onText(index, text)}
            onBlur={() => props.onBlur(index)}
          />
        ))}
      </div>
    </fieldset>
  );
}
