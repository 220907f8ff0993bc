/**
 * One filter of the bank in one row: its preset, bias and order controls, its kernel, and its
 * three maps (convolution → ReLU → pool), so an edit and what it did stay side by side.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { KERNELS, type BankFilter } from '../../compute';
import { EditableGrid } from '../shared/EditableGrid';
import { Message } from '../shared/Message';
import { parseCell } from '../shared/parse';
import { presetOf } from './model';

export interface FilterRowProps {
  id: (part: string) => string;
  index: number;
  count: number;
  size: number;
  filter: BankFilter;
  onChange: (filter: BankFilter) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onPending: (pending: boolean) => void;
  /** The three maps. */
  children: ComponentChildren;
}

export function FilterRow(props: FilterRowProps) {
  const { id, index, count, size, filter } = props;
  const n = index + 1;
  const preset = presetOf(filter.values, size);
  const [biasText, setBiasText] = useState(String(filter.bias));
  const [biasMessage, setBiasMessage] = useState('');
  useEffect(() => {
    const typed = parseCell(biasText);
    if (!typed.ok || typed.value !== filter.bias) setBiasText(String(filter.bias));
  }, [filter.bias]);
  const prefix = id(`filter-${n}`);
  return (
    <div
      class="fm-filter"
      data-testid="fm-filter"
      data-filter={index}
      role="group"
      aria-label={`Filter ${n}`}
    >
      <div class="fm-filter__bar">
        <span class="fm-filter__name" aria-hidden="true">
          {n}
        </span>
        <label class="visually-hidden" for={`${prefix}-preset`}>
          Filter {n} kernel
        </label>
        <select
          id={`${prefix}-preset`}
          class="demo-select fm-filter__preset"
          value={preset?.id ?? 'custom'}
          data-testid="fm-preset"
          onChange={(e) => {
            const chosen = KERNELS.find((k) => k.id === e.currentTarget.value);
            if (chosen) props.onChange({ values: [...chosen.values], bias: filter.bias });
          }}
        >
          {KERNELS.filter((k) => k.size === size).map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
          <option value="custom" disabled={preset !== undefined}>
            Your own
          </option>
        </select>
        <span class="fm-filter__bias demo-anchor">
          <label for={`${prefix}-bias`}>bias</label>
          <input
            id={`${prefix}-bias`}
            class="demo-input fm-filter__bias-input"
            type="text"
            inputMode="text"
            autoComplete="off"
            spellcheck={false}
            data-testid="fm-bias"
            value={biasText}
            aria-invalid={biasMessage ? 'true' : undefined}
            aria-describedby={biasMessage ? `${prefix}-bias-message` : undefined}
            onInput={(e) => {
              const text = e.currentTarget.value;
              setBiasText(text);
              const parsed = parseCell(text);
              if (parsed.ok) {
                setBiasMessage('');
                props.onPending(false);
                if (parsed.value !== filter.bias) props.onChange({ ...filter, bias: parsed.value });
              } else props.onPending(true);
            }}
            onBlur={() => {
              const parsed = parseCell(biasText);
              if (!parsed.ok) {
                setBiasMessage(`${parsed.message} The bias of filter ${n} keeps ${filter.bias}.`);
                setBiasText(String(filter.bias));
                props.onPending(false);
              }
            }}
          />
          <Message id={`${prefix}-bias-message`} text={biasMessage} />
        </span>
        <span class="fm-filter__order">
          <button
            type="button"
            class="demo-button fm-icon"
            aria-label={`Move filter ${n} up`}
            disabled={index === 0}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="demo-button fm-icon"
            aria-label={`Move filter ${n} down`}
            disabled={index === count - 1}
            onClick={() => props.onMove(1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="demo-button fm-icon"
            aria-label={`Remove filter ${n}`}
            data-testid="fm-remove"
            disabled={count <= 1}
            onClick={props.onRemove}
          >
            ✕
          </button>
        </span>
      </div>
      <EditableGrid
        id={`${prefix}-kernel`}
        label={`Filter ${n} kernel, ${size}×${size}`}
        rows={size}
        cols={size}
        values={filter.values}
        class="demo-grid--kernel fm-kernel"
        cellTestId="kernel-cell"
        cellLabel={(i) => `Filter ${n} kernel row ${Math.floor(i / size) + 1}, column ${(i % size) + 1}`}
        onValue={(i, v) =>
          props.onChange({ ...filter, values: filter.values.map((w, j) => (j === i ? v : w)) })
        }
        onPending={props.onPending}
      />
      {props.children}
    </div>
  );
}
