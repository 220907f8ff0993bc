/**
 * A grid of numbers with one Tab stop: arrow keys (Home, End) move between cells; Enter, F2 or
 * typing a character starts editing a cell; Enter or leaving the cell commits; Escape cancels.
 * "-", "1." or "" are drafts while typed (no error); a usable number reaches the demo at once
 * (`onValue`, so the output follows the typing); an unusable draft marks the grid pending
 * (`onPending(true)`, so the demo can mark its output stale), and on commit gets a sentence
 * beside the grid while the cell goes back to its last good value. parse.ts is the one parser.
 *
 * mode 'pick' makes the cells buttons that select (a demo's output): arrows move the selection.
 * Cells for which `fixed(i)` is true are drawn but take no focus (the stepper's zero padding).
 * `decorate(i)` adds classes and two small labels per cell (the weight "×w" and the product);
 * `onCellPoint(i | null)` reports the cell under the pointer or focus (to light linked terms).
 *
 *   <EditableGrid id={id('kernel')} label="Kernel, 3×3" rows={3} cols={3} values={flat}
 *     cellLabel={(i) => `Kernel row ${…}`} cellTestId="kernel-cell" onValue={(i, v) => …} />
 */
import { useRef, useState } from 'preact/hooks';
import { formatNumber } from './format';
import { firstFocusable, moveInGrid } from './grid-nav';
import { Message } from './Message';
import { parseCell, readDraft } from './parse';

export interface CellDecoration {
  /** Extra classes on the cell, e.g. 'is-window' or 'is-lit'. */
  className?: string;
  /** A small label in the cell's top corner, e.g. the kernel weight "×2". */
  weight?: string;
  /** A small label along the cell's foot, e.g. the product "=2". */
  product?: string;
  /** Extra data-* attributes of the cell (e.g. data-term for figure parts). */
  data?: Record<string, string>;
}

export interface EditableGridProps {
  /** Unique prefix (from useDemoIds) for the ids inside the grid. */
  id: string;
  /** Accessible name of the grid, e.g. "Kernel, 3×3". */
  label: string;
  rows: number;
  cols: number;
  /** Row-major values, rows × cols of them. */
  values: readonly number[];
  mode?: 'edit' | 'pick';
  fixed?: (index: number) => boolean;
  /** Accessible name of one cell, e.g. "Kernel row 1, column 2". */
  cellLabel: (index: number) => string;
  cellTestId?: string;
  /** Text shown instead of the value (e.g. '' for an output cell not computed yet). */
  display?: (index: number) => string;
  decorate?: (index: number) => CellDecoration | undefined;
  onValue?: (index: number, value: number) => void;
  onPending?: (pending: boolean) => void;
  /** 'pick' mode: the selected cell (the Tab stop) and what choosing one does. */
  selected?: number;
  onSelect?: (index: number) => void;
  onCellPoint?: (index: number | null) => void;
  /** Keyboard shown on touch screens. 'text' (default) has a minus sign everywhere. */
  inputMode?: 'text' | 'decimal' | 'numeric';
  class?: string;
}

interface Edit {
  index: number;
  text: string;
  /** The value when editing started, for Escape. */
  original: number;
}

const cellText = (value: number) => formatNumber(value).replace('−', '-');

export function EditableGrid(props: EditableGridProps) {
  const { id, rows, cols, values, mode = 'edit' } = props;
  const [active, setActive] = useState(0);
  const [edit, setEdit] = useState<Edit | null>(null);
  const [message, setMessage] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const fixed = props.fixed ?? (() => false);
  const shape = { rows, cols, focusable: (i: number) => !fixed(i) };
  const stop = firstFocusable(mode === 'pick' ? (props.selected ?? 0) : active, shape);
  const messageId = `${id}-message`;

  const focusCell = (index: number) => {
    const el = root.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    el?.focus();
  };
  const setPending = (pending: boolean) => props.onPending?.(pending);

  const commit = (index: number) => {
    if (edit === null || edit.index !== index) return;
    const read = readDraft(edit.text);
    if (read.kind === 'value') {
      if (read.value !== values[index]) props.onValue?.(index, read.value);
      setMessage('');
    } else {
      const parsed = parseCell(edit.text);
      const why = parsed.ok ? '' : parsed.message;
      setMessage(`${why} ${props.cellLabel(index)} keeps ${formatNumber(values[index] ?? 0)}.`);
    }
    setEdit(null);
    setPending(false);
  };

  const cancel = (index: number) => {
    if (edit === null || edit.index !== index) return;
    if (edit.original !== values[index]) props.onValue?.(index, edit.original);
    setEdit(null);
    setPending(false);
  };

  const onInput = (index: number, text: string) => {
    const original = edit?.index === index ? edit.original : (values[index] ?? 0);
    setEdit({ index, text, original });
    setMessage('');
    const read = readDraft(text);
    if (read.kind === 'value') {
      if (read.value !== values[index]) props.onValue?.(index, read.value);
      setPending(false);
    } else setPending(true);
  };

  const onKeyDown = (index: number, event: KeyboardEvent) => {
    const editing = edit?.index === index;
    if (editing) {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit(index);
        (event.currentTarget as HTMLInputElement).select();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        cancel(index);
        requestAnimationFrame(() => (event.target as HTMLInputElement).select());
      }
      return;
    }
    if (mode === 'edit' && (event.key === 'Enter' || event.key === 'F2')) {
      event.preventDefault();
      const input = event.currentTarget as HTMLInputElement;
      setEdit({ index, text: input.value, original: values[index] ?? 0 });
      input.setSelectionRange(input.value.length, input.value.length);
      return;
    }
    const next = moveInGrid(index, event.key, shape);
    if (next === null) return;
    event.preventDefault();
    if (mode === 'pick') props.onSelect?.(next);
    else setActive(next);
    focusCell(next);
  };

  const cells = Array.from({ length: rows * cols }, (_, i) => {
    const decoration = props.decorate?.(i);
    const data = Object.fromEntries(Object.entries(decoration?.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
    const shown = props.display?.(i) ?? formatNumber(values[i] ?? 0);
    let control;
    if (fixed(i)) {
      control = (
        <span class="demo-grid__value" aria-hidden="true">
          {shown}
        </span>
      );
    } else if (mode === 'pick') {
      const picked = props.selected === i;
      control = (
        <button
          type="button"
          class="demo-grid__value demo-grid__button"
          data-index={i}
          data-testid={props.cellTestId}
          tabIndex={i === stop ? 0 : -1}
          aria-pressed={picked}
          aria-label={`${props.cellLabel(i)}: ${shown === '' ? 'not computed yet' : shown}`}
          onClick={() => props.onSelect?.(i)}
          onKeyDown={(e) => onKeyDown(i, e)}
          onFocus={() => props.onCellPoint?.(i)}
          onBlur={() => props.onCellPoint?.(null)}
        >
          {shown}
        </button>
      );
    } else {
      const draft = edit?.index === i ? edit.text : undefined;
      const read = draft === undefined ? undefined : readDraft(draft);
      control = (
        <input
          class="demo-grid__value demo-grid__input"
          data-index={i}
          type="text"
          inputMode={props.inputMode ?? 'text'}
          enterKeyHint="done"
          autoComplete="off"
          spellcheck={false}
          aria-label={props.cellLabel(i)}
          aria-invalid={read?.kind === 'error' ? 'true' : undefined}
          aria-describedby={message ? messageId : undefined}
          data-testid={props.cellTestId}
          data-draft={read !== undefined && read.kind !== 'value' ? 'true' : undefined}
          tabIndex={i === stop ? 0 : -1}
          value={draft ?? cellText(values[i] ?? 0)}
          onFocus={(e) => {
            setActive(i);
            e.currentTarget.select();
            props.onCellPoint?.(i);
          }}
          onBlur={() => {
            commit(i);
            props.onCellPoint?.(null);
          }}
          onInput={(e) => onInput(i, e.currentTarget.value)}
          onKeyDown={(e) => onKeyDown(i, e)}
        />
      );
    }
    return (
      <div
        key={i}
        class={`demo-grid__cell${fixed(i) ? ' demo-grid__cell--fixed' : ''}${decoration?.className ? ` ${decoration.className}` : ''}`}
        onPointerEnter={() => props.onCellPoint?.(i)}
        onPointerLeave={() => props.onCellPoint?.(null)}
        {...data}
      >
        {control}
        {decoration?.weight !== undefined && (
          <span class="demo-grid__weight" aria-hidden="true">
            {decoration.weight}
          </span>
        )}
        {decoration?.product !== undefined && (
          <span class="demo-grid__product" aria-hidden="true">
            {decoration.product}
          </span>
        )}
      </div>
    );
  });

  return (
    <div class={`demo-grid demo-anchor${props.class ? ` ${props.class}` : ''}`}>
      <div
        ref={root}
        id={id}
        class="demo-grid__cells"
        role="group"
        aria-label={props.label}
        style={{ gridTemplateColumns: `repeat(${cols}, var(--cell))` }}
      >
        {cells}
      </div>
      <Message id={messageId} text={message} />
    </div>
  );
}
