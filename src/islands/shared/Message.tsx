/**
 * A message beside the control that caused it. It never moves the layout: the live region is a
 * zero-height anchor and the text appears in a bubble that overlays what is below (place the
 * Message inside the control's wrapper, which demo.css makes `position: relative`). role=status
 * (polite), so errors are announced without interrupting. Give the control
 * `aria-describedby={messageId}` so the sentence is read with it.
 *
 *   <div class="demo-anchor"><input aria-describedby="x-msg" …/><Message id="x-msg" text={error} /></div>
 */
export interface MessageProps {
  id?: string;
  /** The sentence; empty for none. */
  text: string;
  /** 'error' (default) or 'notice' (information, not a problem). */
  tone?: 'error' | 'notice';
  /** 'below' (default) overlays under the control; 'above' over it; 'inline' takes its own line (reserved). */
  placement?: 'below' | 'above' | 'inline';
  testId?: string;
}

export function Message({
  id,
  text,
  tone = 'error',
  placement = 'below',
  testId = 'demo-message',
}: MessageProps) {
  return (
    <p
      id={id}
      class={`demo-message demo-message--${placement} demo-message--${tone}`}
      role="status"
      data-testid={testId}
    >
      {text && <span class="demo-message__bubble">{text}</span>}
    </p>
  );
}
