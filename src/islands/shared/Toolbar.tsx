/**
 * A row of buttons with one Tab stop (the ARIA toolbar pattern): Left/Right (and Home/End) move
 * between its enabled buttons; the last one used keeps the Tab stop. Children are ordinary
 * buttons; the toolbar sets their tabindex after each render.
 *
 *   <Toolbar label="Animation"><button …>Play</button><button …>Step</button></Toolbar>
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface ToolbarProps {
  label: string;
  children: ComponentChildren;
  class?: string;
}

const items = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('button, select, input')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  );

export function Toolbar({ label, children, class: className }: ToolbarProps) {
  const root = useRef<HTMLDivElement>(null);
  const current = useRef(0);

  useLayoutEffect(() => {
    const el = root.current;
    if (el === null) return;
    const list = items(el);
    const focused = list.indexOf(document.activeElement as HTMLElement);
    if (focused >= 0) current.current = focused;
    current.current = Math.min(current.current, list.length - 1);
    list.forEach((item, i) => (item.tabIndex = i === current.current ? 0 : -1));
    el.querySelectorAll<HTMLElement>('button:disabled').forEach((b) => (b.tabIndex = -1));
  });

  const onKeyDown = (event: KeyboardEvent) => {
    const el = root.current;
    if (el === null) return;
    const list = items(el);
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (at + 1) % list.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + list.length) % list.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = list.length - 1;
    if (next === null) return;
    event.preventDefault();
    list.forEach((item, i) => (item.tabIndex = i === next ? 0 : -1));
    current.current = next;
    list[next]?.focus();
  };

  const onFocusIn = (event: FocusEvent) => {
    const el = root.current;
    if (el === null) return;
    const list = items(el);
    const at = list.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    current.current = at;
    list.forEach((item, i) => (item.tabIndex = i === at ? 0 : -1));
  };

  return (
    <div
      ref={root}
      class={`demo-toolbar${className ? ` ${className}` : ''}`}
      role="toolbar"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocusIn={onFocusIn}
    >
      {children}
    </div>
  );
}
