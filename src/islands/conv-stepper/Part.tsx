/**
 * A labelled part of the figure that stands for a formula symbol (data-term): pointing at it lights
 * the symbol, and it lights when the symbol is pointed at.
 */
import type { ComponentChildren } from 'preact';

export interface PartProps {
  term: string;
  lit: boolean;
  onPoint: (term: string | null) => void;
  onPin: (term: string) => void;
  children: ComponentChildren;
}

export function Part({ term, lit, onPoint, onPin, children }: PartProps) {
  return (
    <span
      class={`stepper-part${lit ? ' is-lit' : ''}`}
      data-testid="figure-part"
      data-term={term}
      onPointerEnter={() => onPoint(term)}
      onPointerLeave={() => onPoint(null)}
      onClick={() => onPin(term)}
    >
      {children}
    </span>
  );
}
