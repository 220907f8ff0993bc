import { KERNELS } from '../../compute';
import { CellInput } from '../shared/CellInput';

export interface KernelEditorProps {
  uid: string;
  values: readonly number[];
  size: 3 | 5;
  /** The preset these values equal, or 'custom'. */
  preset: string;
  meaning: string;
  drafts: ReadonlyMap<number, string>;
  invalid: ReadonlySet<number>;
  /** A sentence about a kernel value that cannot be used, shown under the grid. */
  message: string;
  onPreset: (id: string) => void;
  onSize: (size: 3 | 5) => void;
  onText: (index: number, text: string) => void;
  onCommit: (index: number) => void;
}

export function KernelEditor(props: KernelEditorProps) {
  const { uid, values, size, preset, meaning, drafts, invalid, message } = props;
  return (
    <fieldset class="playground-kernel">
      <legend>Kernel</legend>
      <div class="playground-kernel__pick">
        <label class="playground-field" for={`${uid}-preset`}>
          <span>Preset</span>
          <select
            id={`${uid}-preset`}
            data-testid="kernel-preset"
            value={preset}
            onChange={(e) => props.onPreset(e.currentTarget.value)}
          >
            {KERNELS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
            <option value="custom">Your own</option>
          </select>
        </label>
        <div class="playground-radios" role="radiogroup" aria-label="Kernel size">
          {([3, 5] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`${uid}-kernel-size`}
                value={s}
                checked={size === s}
                onChange={() => props.onSize(s)}
              />
              {s}×{s}
            </label>
          ))}
        </div>
      </div>
      <div class="playground-kernel__body">
        <div
          class={`playground-kernel__cells playground-kernel__cells--${size}`}
          role="group"
          aria-label={`Kernel values, ${size}×${size}`}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const index = [...e.currentTarget.querySelectorAll('input')].indexOf(
              e.target as HTMLInputElement,
            );
            if (index >= 0) props.onCommit(index);
          }}
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
              onBlur={() => props.onCommit(index)}
            />
          ))}
        </div>
        <p class="playground-kernel__meaning" data-testid="kernel-meaning">
          {meaning}
        </p>
      </div>
      <p class="demo-message" data-testid="demo-message" data-for="kernel" role="status">
        {message}
      </p>
    </fieldset>
  );
}
