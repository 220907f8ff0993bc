import type { WindowTerm } from '../../compute';
import { NumberGrid } from './NumberGrid';
import { formatNumber } from './format';

export interface ConvolutionDiagramProps {
  input: readonly (readonly number[])[];
  kernel: readonly (readonly number[])[];
  output: readonly (readonly number[])[];
  /** The output cell whose window is shown, 0-based. */
  focus: { row: number; col: number };
  /** The products behind the focused output cell. */
  terms: readonly WindowTerm[];
}

/** "Input ⋆ kernel = output" with one window highlighted and its sum written out. */
export function ConvolutionDiagram({ input, kernel, output, focus, terms }: ConvolutionDiagramProps) {
  const window = new Set(terms.filter((t) => t.row !== null).map((t) => `${t.row},${t.col}`));
  const value = output[focus.row]?.[focus.col] ?? 0;
  const sum = terms.map((t) => `${formatNumber(t.value)}×${formatNumber(t.weight)}`).join(' + ');
  return (
    <div class="conv-diagram">
      <div class="conv-diagram__grids">
        <NumberGrid kind="input" label="Input" rows={input} highlight={window} />
        <span class="conv-diagram__op" aria-hidden="true">
          ⋆
        </span>
        <NumberGrid kind="kernel" label="Kernel" rows={kernel} />
        <span class="conv-diagram__op" aria-hidden="true">
          =
        </span>
        <NumberGrid
          kind="output"
          label="Output"
          rows={output}
          highlight={new Set([`${focus.row},${focus.col}`])}
        />
      </div>
      <p class="conv-diagram__sum" data-testid="window-sum">
        Output row {focus.row + 1}, column {focus.col + 1}: {sum} = <strong>{formatNumber(value)}</strong>
      </p>
    </div>
  );
}
