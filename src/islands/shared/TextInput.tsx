/**
 * The text demos' box for a sentence: one line, its direction taken from what is typed (dir=auto,
 * so Hebrew or Arabic reads right to left), its message on its own line under it and read with
 * it, marked invalid while that message is an error. Read-only until the island is live, so what is
 * typed before hydration is never lost silently. Controlled, like Field: the demo keeps the draft.
 *
 *   <TextInput id={id('text')} label="Your sentence" value={draft} live={hydrated}
 *              message={problem} tone="error" onInput={onText} class="tc-text" />
 */
import type { Ref } from 'preact';
import { Message } from './Message';

export interface TextInputProps {
  id: string;
  label: string;
  value: string;
  /** False until the island has hydrated: the box is then read-only. */
  live: boolean;
  /** A sentence under the box; empty for none. */
  message: string;
  tone: 'error' | 'notice';
  onInput: (text: string) => void;
  /** The wrapper's own class (beside demo-anchor); the input gets `<class>__input`. */
  class: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextInput(props: TextInputProps) {
  const messageId = `${props.id}-message`;
  return (
    <div class={`${props.class} demo-anchor`}>
      <label for={props.id}>{props.label}</label>
      <input
        ref={props.inputRef ?? null}
        id={props.id}
        class={`demo-input ${props.class}__input`}
        type="text"
        dir="auto"
        autoComplete="off"
        spellcheck={false}
        value={props.value}
        readOnly={!props.live}
        data-testid="text-input"
        aria-describedby={messageId}
        aria-invalid={props.tone === 'error' && props.message !== '' ? 'true' : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <Message
        id={messageId}
        text={props.message}
        tone={props.tone}
        placement="inline"
        testId="text-message"
      />
    </div>
  );
}
