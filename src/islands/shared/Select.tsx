/**
 * A labelled select with its message beside it.
 *
 *   <Select id={id('padding')} label="Padding" value={p} options={[{ value: 'same', label: 'same' }]}
 *           onChange={setP} testId="padding" />
 */
import { Message } from './Message';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  /** The select is passed so that a refused choice can be put back. */
  onChange: (value: string, control: HTMLSelectElement) => void;
  message?: string;
  testId?: string;
  inline?: boolean;
  disabled?: boolean;
}

export function Select(props: SelectProps) {
  const messageId = `${props.id}-message`;
  return (
    <div class={`demo-field demo-anchor${props.inline ? ' demo-field--inline' : ''}`}>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        class="demo-select"
        value={props.value}
        data-testid={props.testId}
        aria-describedby={props.message ? messageId : undefined}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value, e.currentTarget)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Message id={messageId} text={props.message ?? ''} />
    </div>
  );
}
