import { useState } from 'preact/hooks';
import type { EngineState } from './use-engine';

const BACKEND_WORDS = { wasm: 'WebAssembly', webgl: 'WebGL on the graphics card', cpu: 'plain JavaScript' };

const formatMs = (ms: number) => (ms < 10 ? `${Math.max(1, Math.round(ms))} ms` : `${Math.round(ms)} ms`);

export interface StatusProps {
  engineState: EngineState;
  /** How long the last update took, from kernel to pixels. */
  ms: number | null;
  live: boolean;
  /** A sentence about a link whose settings could not be read. */
  linkNotice: string;
  /** The address of this exact figure. */
  link: () => string;
}

/** One line in words: how the picture was computed, the link to this figure, and why this engine. */
export function Status({ engineState, ms, live, linkNotice, link }: StatusProps) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    const href = link();
    try {
      await navigator.clipboard.writeText(href);
      setCopied('Link copied.');
    } catch {
      setCopied(`Copy this link: ${href}`);
    }
    history.replaceState(history.state, '', href);
  };
  return (
    <div class="playground-status">
      <p class="playground-status__line">
        {engineState.status === 'ready' ? (
          <>
            {live && ms !== null ? (
              <>
                Computed in <span data-testid="update-time">{formatMs(ms)}</span> with{' '}
              </>
            ) : (
              'Computing with '
            )}
            <span data-testid="backend" data-backend={engineState.report.name}>
              {BACKEND_WORDS[engineState.report.name]}
            </span>
            , in your browser.
          </>
        ) : engineState.status === 'failed' ? (
          <span class="demo-message" data-testid="backend" role="alert">
            {engineState.message} The picture above was computed when this page was built.
          </span>
        ) : (
          <span data-testid="backend">
            The picture above was computed when this page was built; the live demo is loading.
          </span>
        )}
      </p>
      <button
        type="button"
        class="playground-button playground-button--small"
        data-testid="copy-figure-link"
        onClick={() => void copy()}
      >
        Copy link to this figure
      </button>
      <p class="playground-status__notes" role="status">
        {linkNotice && (
          <span class="demo-message" data-testid="link-message">
            {linkNotice}
          </span>
        )}
        {copied && <span>{copied}</span>}
      </p>
      {engineState.status === 'ready' && (
        <details class="playground-why">
          <summary>Why this engine?</summary>
          <p>{engineState.report.reason}</p>
          {engineState.report.renderer && <p>Graphics driver: {engineState.report.renderer.renderer}</p>}
        </details>
      )}
    </div>
  );
}
