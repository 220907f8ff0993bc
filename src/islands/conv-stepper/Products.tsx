/**
 * The sum behind the selected output cell, laid out as the kernel is: a small grid of products
 * (each with its "value×weight"), then "= total" beside it, so the total never sits alone on a
 * line. Pointing at or moving through a product lights its input cell and kernel cell.
 */
import type { WindowTerm } from '../../compute';
import { EditableGrid } from '../shared/EditableGrid';
import { formatNumber } from '../shared/format';

export interface ProductsProps {
  id: string;
  k: number;
  row: number;
  col: number;
  terms: readonly WindowTerm[];
  value: number;
  tap: number;
  lit: ReadonlySet<number>;
  stale: boolean;
  onTap: (tap: number) => void;
  onPointTap: (tap: number | null) => void;
}

export function Products({
  id,
  k,
  row,
  col,
  terms,
  value,
  tap,
  lit,
  stale,
  onTap,
  onPointTap,
}: ProductsProps) {
  const products = terms.map((t) => t.value * t.weight);
  return (
    <div class={`stepper-sum${stale ? ' demo-is-stale' : ''}`} data-testid="window-sum">
      <p class="stepper-sum__title">
        Output row {row + 1}, column {col + 1}: each input value under the window times its weight, added up
      </p>
      <div class="stepper-sum__row">
        <EditableGrid
          id={id}
          class="stepper-products"
          mode="pick"
          label={`The ${terms.length} products of the window`}
          rows={k}
          cols={k}
          values={products}
          selected={tap}
          onSelect={onTap}
          cellTestId="product-term"
          cellLabel={(i) => {
            const t = terms[i];
            return t ? `${formatNumber(t.value)} times ${formatNumber(t.weight)}` : '';
          }}
          decorate={(i) => {
            const t = terms[i];
            return {
              className: lit.has(i) ? 'is-lit' : '',
              ...(t && { weight: `${formatNumber(t.value)}×${formatNumber(t.weight)}` }),
            };
          }}
          onCellPoint={onPointTap}
        />
        <span class="stepper-sum__total" data-testid="window-total">
          <span aria-hidden="true">Σ =</span>
          <span class="visually-hidden">sum:</span> <strong>{formatNumber(value)}</strong>
        </span>
      </div>
    </div>
  );
}
