/**
 * A labelled number or text field with its own message beside it. Controlled: the demo keeps the
 * text (a draft while the reader types) and decides when it is valid; the field marks itself
 * invalid and shows the sentence. Ids come from useDemoIds, so two demos never share one.
 *
 *   <Field id={id('stride')} label="Stride" type="number" min={1} max={3} value={text}
 *          onInput={setText} invalid={!ok} message={problem} testId="stride" />
 */
import { Message } from './Message';

export interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (text: string) => void;
  onBlur?: () => void;
  type?: 'number' | 'text';
  min?: number;
  max?: number;
  step?: number;
  inputMode?: 'text' | 'numeric' | 'decimal';
  invalid?: boolean;
  /** A sentence shown beside the field (and read with it); empty for none. */
  message?: string;
  testId?: string;
  /** Label and field on one line. */
  inline?: boolean;
  disabled?: boolean;
}

export function Field(props: FieldProps) {
  const messageId = `${props.id}-message`;
  return (
    <div class={`demo-field demo-anchor${props.inline ? ' demo-field--inline' : ''}`}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        class="demo-input"
        type={props.type ?? 'text'}
        min={props.min}
        max={props.max}
        step={props.step}
        inputMode={props.inputMode ?? (props.type === 'number' ? 'numeric' : undefined)}
        autoComplete="off"
        spellcheck={false}
        value={props.value}
        aria-invalid={props.invalid ? 'true' : undefined}
        aria-describedby={props.message ? messageId : undefined}
        data-testid={props.testId}
        disabled={props.disabled}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onBlur={props.onBlur}
      />
      <Message id={messageId} text={props.message ?? ''} />
    </div>
  );
}
