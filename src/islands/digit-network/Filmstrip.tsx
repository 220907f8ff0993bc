/**
 * Each first-layer filter over training, from "Reset to random weights" on: one row per filter,
 * one 3×3 heat map per frame (at 0, 500, 1,000, 2,000, 4,000 … examples seen).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { filterRows } from './model';
import { paintFilter } from './paint';
import type { FilmFrame } from './use-training';

export function Filmstrip({ film }: { film: FilmFrame[] }) {
  const table = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    table.current?.querySelectorAll<HTMLCanvasElement>('canvas[data-frame]').forEach((c) => {
      const frame = film[Number(c.dataset['frame'])];
      if (frame) paintFilter(c, filterRows(frame.kernel, Number(c.dataset['filter'])).flat());
    });
  }, [film]);
  return (
    <div class="dn-film" data-testid="filter-film">
      <table ref={table}>
        <caption>Each filter as it learned (examples seen since the reset)</caption>
        <thead>
          <tr>
            <th scope="col">Filter</th>
            {film.map((f) => (
              <th key={f.examples} scope="col">
                {f.examples.toLocaleString('en')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 8 }, (_, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {film.map((f, k) => (
                <td key={f.examples}>
                  <canvas
                    class="dn-film__map"
                    width={3}
                    height={3}
                    data-frame={k}
                    data-filter={i}
                    role="img"
                    aria-label={`Filter ${i + 1} after ${f.examples.toLocaleString('en')} examples`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
