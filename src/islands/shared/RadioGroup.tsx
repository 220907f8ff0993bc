/**
 * A labelled group of radio buttons. Its `name` is the group's id, so two demos on one page (two
 * playgrounds, say) each keep their own choice: pass an id from useDemoIds.
 *
 *   <RadioGroup id={id('mode')} label="Colour" value={mode} onChange={setMode}
 *               options={[{ value: 'gray', label: 'Grayscale' }, { value: 'rgb', label: 'RGB' }]} />
 */
import { Message } from './Message';
import type { SelectOption } from './Select';

export interface RadioGroupProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly (SelectOption & { value: T })[];
  onChange: (value: T) => void;
  message?: string;
  /** data-testid of each radio input is `${testId}-${value}`. */
  testId?: string;
  /** Hide the label visually (it is still the group's accessible name). */
  hideLabel?: boolean;
}

export function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const labelId = `${props.id}-label`;
  return (
    <div class="demo-radios demo-anchor" role="radiogroup" aria-labelledby={labelId}>
      <span id={labelId} class={props.hideLabel ? 'visually-hidden' : 'demo-radios__label'}>
        {props.label}
      </span>
      {props.options.map((o) => (
        <label key={o.value} class="demo-radio">
          <input
            type="radio"
            name={props.id}
            value={o.value}
            checked={props.value === o.value}
            data-testid={props.testId ? `${props.testId}-${o.value}` : undefined}
            onChange={() => props.onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
      <Message id={`${props.id}-message`} text={props.message ?? ''} />
    </div>
  );
}
