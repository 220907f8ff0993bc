/**
 * A button that copies a text to the clipboard and says so. Without JavaScript it is not shown:
 * the text beside it can be selected and copied by hand.
 */
import { useEffect, useState } from 'preact/hooks';

export interface CopyButtonProps {
  text: string;
  /** The button's name, e.g. "Copy the BibTeX". */
  label: string;
  testId?: string;
}

export default function CopyButton({ text, label, testId }: CopyButtonProps) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setReady(true), []);
  if (!ready) return <span class="copy-button" />;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      setStatus('Your browser did not allow copying: select the text and copy it by hand.');
    }
  };
  return (
    <span class="copy-button">
      <button type="button" data-testid={testId} onClick={() => void copy()}>
        {label}
      </button>
      <span class="copy-button__status" role="status">
        {status}
      </span>
    </span>
  );
}
