import { formatNumber } from './format';

export interface NumberGridProps {
  /** Visible name of the grid ("Input"), also its accessible name. */
  label: string;
  rows: readonly (readonly number[])[];
  /** Cells drawn as part of the current window, as "row,col". */
  highlight?: ReadonlySet<string>;
  /** data-testid given to each cell. */
  cellTestId?: string;
  kind: 'input' | 'kernel' | 'output';
  /** How a value is written; default formatNumber (3 decimals). */
  format?: (value: number) => string;
  /** Also give each cell its exact value as data-value (for tests and scripts). */
  exact?: boolean;
}

/** A labelled grid of numbers; the same markup serves the static figure and the live demos. */
export function NumberGrid({
  label,
  rows,
  highlight,
  cellTestId,
  kind,
  format = formatNumber,
  exact,
}: NumberGridProps) {
  const size = `${rows.length}×${rows[0]?.length ?? 0}`;
  return (
    <figure class={`number-grid number-grid--${kind}`}>
      <table aria-label={`${label}, ${size}`}>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) => (
                <td
                  key={c}
                  class={highlight?.has(`${r},${c}`) ? 'is-window' : undefined}
                  data-testid={cellTestId}
                  data-value={exact ? value : undefined}
                >
                  {format(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption>
        {label} <span class="number-grid__size">{size}</span>
      </figcaption>
    </figure>
  );
}
