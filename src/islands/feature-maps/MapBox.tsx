/**
 * One drawn map of one stage of one filter: a canvas at the map's true size (cells drawn as
 * pixels, scaled up without smoothing), a focus stop whose arrow keys move the inspected cell, and
 * outlines over it (the inspected cell, a pooling window). Before the live maps are drawn, the
 * figure computed at build time shows through as the box's background (a style rule the .astro
 * wrapper writes per map), so nothing moves when the island wakes up.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Stage } from '../../compute';
import { drawStageMap } from '../shared/feature-map';
import { cellAfterKey, cellUnder } from './model';

export interface Outline {
  row: number;
  col: number;
  rows: number;
  cols: number;
  kind: 'cell' | 'window' | 'winner';
}

export interface MapBoxProps {
  stage: Stage;
  filter: number;
  /** Map height and width in cells. */
  h: number;
  w: number;
  /** The map's values (h × w), or null before the first live run. */
  values: Float32Array | null;
  /** The convolution map, for the ReLU stage: cells it zeroed are marked. */
  zeroedFrom?: Float32Array | undefined;
  label: string;
  outlines: Outline[];
  /** The inspected cell in this map, when this map holds the inspection (it keeps the Tab stop). */
  selected: { row: number; col: number } | null;
  onPick: (cell: { row: number; col: number }) => void;
  stale: boolean;
}

export function MapBox(props: MapBoxProps) {
  const { stage, filter, h, w, values, outlines, selected } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);

  useLayoutEffect(() => {
    if (canvas.current && values && values.length === h * w)
      drawStageMap(canvas.current, values, w, h, props.zeroedFrom);
  }, [values, props.zeroedFrom, h, w]);

  const pick = (event: PointerEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    props.onPick(cellUnder(event.clientX, event.clientY, box, h, w));
  };
  const at = selected ?? { row: 0, col: 0 };
  return (
    <div
      class={`fm-map demo-picture${props.stale ? ' is-stale' : ''}`}
      data-testid="fm-stage"
      data-stage={stage}
      data-filter={filter}
      data-h={h}
      data-w={w}
      style={{ aspectRatio: `${w} / ${h}` }}
      onPointerDown={(e) => {
        // A mouse may drag across the map; a finger taps (a swipe still scrolls the page).
        dragging.current = e.pointerType === 'mouse';
        pick(e);
      }}
      onPointerMove={(e) => dragging.current && pick(e)}
      onPointerUp={() => (dragging.current = false)}
      onPointerLeave={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <canvas
        ref={canvas}
        class={values ? 'is-drawn' : undefined}
        tabIndex={0}
        role="img"
        aria-label={`${props.label}, ${h}×${w} cells${selected ? `; inspecting row ${at.row + 1}, column ${at.col + 1}` : ''}. Arrow keys inspect a cell.`}
        onKeyDown={(e) => {
          // In a map not inspected yet, the first key (an arrow, Enter or Space) starts at its centre.
          const centre = { row: Math.floor(h / 2), col: Math.floor(w / 2) };
          const start = (e.key === 'Enter' || e.key === ' ') && !selected;
          const next = start ? centre : cellAfterKey(selected ?? centre, e.key, e.shiftKey, h, w);
          if (next === null) return;
          e.preventDefault();
          props.onPick(next);
        }}
      />
      {outlines.map((o) => (
        <span
          key={`${o.kind}-${o.row}-${o.col}`}
          class={`demo-marker fm-outline--${o.kind}`}
          aria-hidden="true"
          style={{
            left: `${(o.col / w) * 100}%`,
            top: `${(o.row / h) * 100}%`,
            width: `${(o.cols / w) * 100}%`,
            height: `${(o.rows / h) * 100}%`,
          }}
        />
      ))}
    </div>
  );
}
