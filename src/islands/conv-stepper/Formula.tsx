/**
 * The two formulas, typeset by KaTeX at build time (the island only fills in numbers), wired to
 * the figure: every symbol (data-term) lights its part of the figure when pointed at, tapped, or
 * reached with the arrow keys (the formulas are one Tab stop; the symbol reached is announced and
 * scrolled into view), and lights when its part of the figure is pointed at. A formula wider than
 * the screen scrolls sideways with a visible cue.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

import type { FormulaHtml } from './formula-html';

export interface FormulaProps {
  id: string;
  /** The two formulas and the two filled-in lines. */
  html: FormulaHtml;
  /** The templates of the filled-in lines, kept in the markup for the island to read back. */
  templates: FormulaHtml;
  litTerms: ReadonlySet<string>;
  /** The symbol reached with the keyboard or pointed at, or null. */
  onPoint: (term: string | null) => void;
  onPin: (term: string) => void;
  describe: (term: string) => string;
}

const SPOKEN =
  'The formulas: each output cell y[i, j] is the sum, over kernel rows m and columns n, of x[s·i + d·m − p, s·j + d·n − p] times k[m, n]; ' +
  'and the output size n_y is the floor of (n_x + p_before + p_after − d·(n_k − 1) − 1) divided by s, plus 1. ' +
  'Use the arrow keys to go through their symbols: each lights its part of the figure.';

export function Formula({ id, html, templates, litTerms, onPoint, onPin, describe }: FormulaProps) {
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const [spoken, setSpoken] = useState('');
  const symbols = () => [...(root.current?.querySelectorAll<HTMLElement>('[data-term]') ?? [])];

  const markScrollable = () =>
    root.current?.querySelectorAll<HTMLElement>('.stepper-formula__math').forEach((box) => {
      box.classList.toggle('is-scrollable', box.scrollWidth > box.clientWidth + 1);
    });

  useLayoutEffect(() => {
    symbols().forEach((el, i) => {
      el.classList.toggle('is-lit', litTerms.has(el.dataset.term ?? ''));
      el.classList.toggle('is-active', i === active);
    });
    markScrollable();
  });

  // Widths change when KaTeX's fonts arrive and when the page is resized.
  useEffect(() => {
    const node = root.current;
    if (node === null) return undefined;
    void document.fonts?.ready.then(markScrollable);
    const observer = new ResizeObserver(markScrollable);
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const reach = (index: number | null) => {
    setActive(index);
    const el = index === null ? undefined : symbols()[index];
    const term = el?.dataset.term ?? null;
    onPoint(term);
    if (el && term) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      setSpoken(describe(term));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = symbols().length;
    if (count === 0) return;
    let next: number | null | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown')
      next = active === null ? 0 : (active + 1) % count;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = active === null ? count - 1 : (active - 1 + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else if (event.key === 'Escape') next = null;
    if (next === undefined) return;
    event.preventDefault();
    reach(next);
  };

  const termAt = (target: EventTarget | null) =>
    (target instanceof Element ? target.closest<HTMLElement>('[data-term]') : null)?.dataset.term ?? null;

  return (
    <div
      ref={root}
      id={id}
      class="stepper-formulas"
      tabIndex={0}
      role="group"
      aria-label={SPOKEN}
      data-testid="stepper-formulas"
      onKeyDown={onKeyDown}
      onBlur={() => reach(null)}
      onPointerOver={(e) => onPoint(termAt(e.target))}
      onPointerLeave={() => onPoint(null)}
      onClick={(e) => {
        const term = termAt(e.target);
        if (term) onPin(term);
      }}
    >
      <p class="stepper-formula__label">Each output cell, y[i, j]:</p>
      <div
        class="stepper-formula__math"
        data-formula="general"
        dangerouslySetInnerHTML={{ __html: html.general }}
      />
      <div
        class="stepper-formula__math stepper-formula__here"
        data-testid="cell-formula"
        dangerouslySetInnerHTML={{ __html: html.here }}
      />
      <p class="stepper-formula__label">Output size, along each side:</p>
      <div
        class="stepper-formula__math"
        data-formula="size"
        dangerouslySetInnerHTML={{ __html: html.size }}
      />
      <div
        class="stepper-formula__math stepper-formula__here"
        data-testid="output-formula"
        dangerouslySetInnerHTML={{ __html: html.sizeHere }}
      />
      <template data-formula="here-template" dangerouslySetInnerHTML={{ __html: templates.here }} />
      <template data-formula="size-template" dangerouslySetInnerHTML={{ __html: templates.sizeHere }} />
      <p class="visually-hidden" aria-live="polite" data-testid="formula-announcer">
        {spoken}
      </p>
    </div>
  );
}
