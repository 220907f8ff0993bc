/**
 * "Copy link to this figure": copies an address that restores the demo exactly as the reader sees
 * it (use-url-state.ts gives `link`). Says what happened beside itself; where the clipboard is not
 * available it shows the link to copy by hand.
 */
import { useState } from 'preact/hooks';
import { Message } from './Message';

export interface CopyFigureLinkProps {
  id: string;
  link: () => string;
  /** For a roving toolbar: -1 when another button holds the Tab stop. */
  tabIndex?: number;
  /** A sentence from the URL state (a link that could not be used), shown beside the button. */
  notice?: string;
}

export function CopyFigureLink({ id, link, tabIndex, notice = '' }: CopyFigureLinkProps) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    const address = link();
    try {
      await navigator.clipboard.writeText(address);
      setStatus('Link copied: it opens this figure as it is now.');
    } catch {
      setStatus(`Copy this link by hand: ${address}`);
    }
  };
  return (
    <span class="demo-anchor demo-copy-link">
      <button
        type="button"
        id={id}
        class="demo-button"
        data-testid="copy-figure-link"
        tabIndex={tabIndex}
        aria-describedby={`${id}-message`}
        onClick={() => void copy()}
        onBlur={() => setStatus('')}
      >
        <span aria-hidden="true">🔗 </span>Copy link
        <span class="visually-hidden"> to this figure</span>
      </button>
      <Message id={`${id}-message`} text={status || notice} tone={status ? 'notice' : 'error'} />
    </span>
  );
}
