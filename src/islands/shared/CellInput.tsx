import { formatNumber } from '../shared/format';

export interface CellInputProps {
  value: number;
  /** What the reader is typing, shown instead of the value while the cell is being edited. */
  draft: string | undefined;
  /** The draft is not a number the stepper could use. */
  invalid: boolean;
  label: string;
  testId: string;
  highlighted?: boolean;
  onText: (text: string) => void;
  onBlur: () => void;
}

/** One editable number of a grid: a text input, so that "-", "1." and "abc" can be typed and answered. */
export function CellInput({
  value,
  draft,
  invalid,
  label,
  testId,
  highlighted,
  onText,
  onBlur,
}: CellInputProps) {
  return (
    <input
      class={`cell${highlighted ? ' is-window' : ''}`}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      spellcheck={false}
      aria-label={label}
      aria-invalid={invalid}
      data-testid={testId}
      value={draft ?? formatNumber(value).replace('−', '-')}
      onInput={(e) => onText(e.currentTarget.value)}
      onBlur={onBlur}
    />
  );
}
