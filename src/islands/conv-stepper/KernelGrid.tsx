import { CellInput } from '../shared/CellInput';
import type { Grid } from './model';

export interface KernelGridProps {
  kernel: Grid;
  drafts: ReadonlyMap<number, string>;
  /** Indexes whose draft is not a usable number. */
  invalid: ReadonlySet<number>;
  onText: (index: number, text: string) => void;
  onBlur: (index: number) => void;
}

export function KernelGrid({ kernel, drafts, invalid, onText, onBlur }: KernelGridProps) {
  const k = kernel.length;
  return (
    <div class="stepper-grid stepper-grid--kernel">
      <div
        class="stepper-grid__cells"
        style={{ gridTemplateColumns: `repeat(${k}, var(--cell))` }}
        role="group"
        aria-label={`Kernel, ${k}×${k}`}
      >
        {kernel.flat().map((value, index) => (
          <CellInput
            key={index}
            value={value}
            draft={drafts.get(index)}
            invalid={invalid.has(index)}
            label={`Kernel row ${Math.floor(index / k) + 1}, column ${(index % k) + 1}`}
            testId="kernel-cell"
            onText={(text) => onText(index, text)}
            onBlur={() => onBlur(index)}
          />
        ))}
      </div>
      <p class="stepper-grid__label">
        Kernel <span class="number-grid__size">{`${k}×${k}`}</span>
      </p>
    </div>
  );
}
