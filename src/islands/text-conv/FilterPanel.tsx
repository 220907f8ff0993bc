/**
 * One filter: its weights as an editable grid (a row per character it weighs, plus the characters
 * of the selected window so they can be given a weight; every other character weighs 0), its width
 * and bias, its output at every window position, the max-over-time winner, and (for the selected
 * filter) the window's products and sum, as the stepper shows them.
 */
import { shownToken, filterWeight, type TextFilter } from '../../compute';
import { EditableGrid } from '../shared/EditableGrid';
import { Field } from '../shared/Field';
import { formatNumber } from '../shared/format';
import { Message } from '../shared/Message';
import { Select } from '../shared/Select';
import { WIDTHS, type FilterView, type WindowTap } from './model';

export interface FilterPanelProps {
  id: string;
  index: number;
  view: FilterView;
  /** Characters shown as rows: the filter's own, then the selected window's. */
  rowKeys: readonly string[];
  /** The selected output position of this filter, or null when another filter is selected. */
  selected: number | null;
  taps: readonly WindowTap[] | null;
  canRemove: boolean;
  biasText: string;
  biasMessage: string;
  onWeight: (key: string, tap: number, value: number) => void;
  onWidth: (width: number) => void;
  onBias: (text: string) => void;
  onRemove: () => void;
  onSelect: (position: number) => void;
  onPending: (pending: boolean) => void;
}

const shade = (v: number, max: number) => (max > 0 ? Math.max(0, Math.min(1, v / max)) : 0);

export function FilterPanel(props: FilterPanelProps) {
  const { id, index, view, rowKeys, selected } = props;
  const f: TextFilter = view.filter;
  const values = rowKeys.flatMap((key) => Array.from({ length: f.width }, (_, k) => filterWeight(f, key, k)));
  const top = Math.max(0, ...view.values);
  const name = `Filter ${index + 1}`;
  return (
    <section class="tc-filter" data-testid="text-filter" data-filter={index} aria-label={name}>
      <div class="tc-filter__head">
        <h3 class="tc-filter__title">{name}</h3>
        <Select
          id={`${id}-width`}
          label="Width"
          inline
          value={String(f.width)}
          options={WIDTHS.map((w) => ({ value: String(w), label: `${w} characters` }))}
          onChange={(v) => props.onWidth(Number(v))}
          testId="filter-width"
        />
        <Field
          id={`${id}-bias`}
          label="Bias"
          inline
          value={props.biasText}
          inputMode="text"
          invalid={props.biasMessage !== ''}
          message={props.biasMessage}
          onInput={props.onBias}
          testId="filter-bias"
        />
        {props.canRemove && (
          <button type="button" class="demo-button" onClick={props.onRemove}>
            Remove<span class="visually-hidden"> {name}</span>
          </button>
        )}
      </div>
      <div class="tc-filter__weights">
        <div class="tc-filter__labels" aria-hidden="true">
          <span class="tc-filter__tapnums">
            {Array.from({ length: f.width }, (_, k) => (
              <span key={k}>{k + 1}</span>
            ))}
          </span>
          {rowKeys.map((key) => (
            <span key={key} class="tc-filter__label">
              <bdi>{shownToken(key)}</bdi>
            </span>
          ))}
        </div>
        <EditableGrid
          id={`${id}-grid`}
          class="demo-grid--kernel"
          label={`${name}: weights, one row per character, one column per tap`}
          rows={rowKeys.length}
          cols={f.width}
          values={values}
          inputMode="text"
          cellTestId="kernel-cell"
          cellLabel={(i) => {
            const key = rowKeys[Math.floor(i / f.width)] ?? '';
            return `${name}, weight of “${key === ' ' ? 'space' : key}” at tap ${(i % f.width) + 1}`;
          }}
          onValue={(i, v) => props.onWeight(rowKeys[Math.floor(i / f.width)] ?? '', i % f.width, v)}
          onPending={props.onPending}
        />
      </div>
      <p class="tc-note">Every other character weighs 0 at every tap.</p>
      <div class="tc-outputs demo-anchor">
        <p class="tc-outputs__title" id={`${id}-out-label`}>
          Output at each window position
        </p>
        <div class="tc-scroll" role="group" aria-labelledby={`${id}-out-label`}>
          <div class="tc-outputs__row">
            {Array.from(view.values, (v, t) => (
              <button
                key={t}
                type="button"
                class={`tc-out${t === view.winner ? ' is-winner' : ''}${t === selected ? ' is-selected' : ''}`}
                style={{ '--tc-shade': shade(v, top) }}
                data-testid="conv1d-output"
                data-position={t}
                data-value={v}
                aria-pressed={t === selected}
                aria-label={`Window ${t + 1}, “${view.windows[t] ?? ''}”: ${formatNumber(v)}`}
                onClick={() => props.onSelect(t)}
              >
                <span class="tc-out__window" aria-hidden="true">
                  {view.windows[t]}
                </span>
                <span class="tc-out__value">{formatNumber(v)}</span>
              </button>
            ))}
          </div>
        </div>
        <Message text={view.problem} placement="inline" />
      </div>
      {view.winner >= 0 && (
        <p
          class="tc-winner"
          data-testid="maxpool-winner"
          data-filter={index}
          data-position={view.winner}
          data-value={view.max}
        >
          <span class="tc-winner__mark" aria-hidden="true">
            ▲
          </span>{' '}
          Max over time: <strong>{formatNumber(view.max)}</strong> at window {view.winner + 1}, “
          <bdi>{view.windows[view.winner]}</bdi>”
          {view.values.filter((v) => v === view.max).length > 1 && ' (a tie: the first window wins)'}.
        </p>
      )}
      {props.taps && selected !== null && (
        <p class="tc-sum" data-testid="window-sum">
          Window {selected + 1}:{' '}
          {props.taps.map((t, k) => (
            <span key={k} class="tc-term">
              {k > 0 && ' + '}
              <span class="tc-term__box">
                <bdi>{t.position === null ? '□' : shownToken(t.token)}</bdi>×{formatNumber(t.weight)}
              </span>
            </span>
          ))}{' '}
          + bias {formatNumber(f.bias)} ={' '}
          <strong data-testid="window-total">{formatNumber(view.values[selected] ?? 0)}</strong>
        </p>
      )}
    </section>
  );
}
