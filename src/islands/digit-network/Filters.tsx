/**
 * The first layer's eight 3×3 filters: each as a heat map (blue negative, white 0, red positive)
 * and as its numbers, in the stepper's grid. They change as the network trains.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { NumberGrid } from '../shared/NumberGrid';
import { formatWeight } from './model';
import { paintFilter } from './paint';

export function Filters({ filters }: { filters: readonly (readonly number[])[] }) {
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  useLayoutEffect(() => {
    filters.forEach((f, i) => {
      const c = canvases.current[i];
      if (c) paintFilter(c, f);
    });
  }, [filters]);
  return (
    <ol class="dn-filters" aria-label="The first layer's 8 filters">
      {filters.map((f, i) => (
        <li key={i} class="dn-filter" data-testid="filter-grid" data-filter={i}>
          <canvas
            ref={(el) => {
              canvases.current[i] = el;
            }}
            class="dn-map dn-filter__map"
            data-map={`f-${i}`}
            width={3}
            height={3}
            role="img"
            aria-label={`Filter ${i + 1} as colours`}
          />
          <NumberGrid
            kind="kernel"
            label={`Filter ${i + 1}`}
            rows={[f.slice(0, 3), f.slice(3, 6), f.slice(6, 9)]}
            cellTestId="kernel-cell"
            format={formatWeight}
            exact
          />
        </li>
      ))}
    </ol>
  );
}
