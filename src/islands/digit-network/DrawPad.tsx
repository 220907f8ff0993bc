/**
 * The drawing pad: pointer, touch and pen draw round strokes on a 112×112 canvas (paper is
 * transparent, ink opaque). After each stroke segment the island reads the pad.
 * The keyboard alternative (pick a test digit) and Clear sit beside it.
 */
import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';

export const PAD = 112;
/** Stroke width in pad pixels: about 2 pixels of the 28×28 picture once the digit is scaled. */
const STROKE = 9;

export interface DrawPadProps {
  canvasRef: Ref<HTMLCanvasElement>;
  /** Called after each stroke segment (pointer moves arrive once per frame). */
  onStroke: () => void;
  label: string;
}

export function DrawPad({ canvasRef, onStroke, label }: DrawPadProps) {
  const last = useRef<{ x: number; y: number } | null>(null);

  const point = (canvas: HTMLCanvasElement, e: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * PAD, y: ((e.clientY - box.top) / box.height) * PAD };
  };

  const line = (canvas: HTMLCanvasElement, from: { x: number; y: number }, to: { x: number; y: number }) => {
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) return;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  };

  // Browsers deliver pointer moves once per frame (coalesced), so each is read at once: waiting
  // for the next animation frame would add up to 16 ms before the maps follow the pen.
  const schedule = () => {
    performance.mark('dn:stroke');
    onStroke();
  };

  return (
    <canvas
      ref={canvasRef}
      class="dn-pad"
      width={PAD}
      height={PAD}
      data-testid="draw-pad"
      role="img"
      aria-label={label}
      onPointerDown={(e) => {
        const canvas = e.currentTarget;
        canvas.setPointerCapture(e.pointerId);
        const p = point(canvas, e);
        last.current = p;
        line(canvas, p, p);
        schedule();
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        const from = last.current;
        if (from === null) return;
        const canvas = e.currentTarget;
        const events = e.getCoalescedEvents?.() ?? [e];
        let at = from;
        for (const ev of events.length ? events : [e]) {
          const p = point(canvas, ev);
          line(canvas, at, p);
          at = p;
        }
        last.current = at;
        schedule();
      }}
      onPointerUp={() => (last.current = null)}
      onPointerCancel={() => (last.current = null)}
    />
  );
}

/** Draws a 28×28 digit (bytes 0-255, ink high) onto the pad, 4 pad pixels per digit pixel. */
export function drawDigitOnPad(canvas: HTMLCanvasElement, bytes: ArrayLike<number>): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) return;
  const image = new ImageData(PAD, PAD);
  const scale = PAD / 28;
  for (let y = 0; y < PAD; y++) {
    for (let x = 0; x < PAD; x++) {
      const v = bytes[Math.floor(y / scale) * 28 + Math.floor(x / scale)] as number;
      image.data[(y * PAD + x) * 4 + 3] = v;
    }
  }
  ctx.putImageData(image, 0, 0);
}
