import { CopyFigureLink } from '../shared/CopyFigureLink';
import type { EngineState } from './use-engine';

const BACKEND_WORDS = { wasm: 'WebAssembly', webgl: 'WebGL on the graphics card', cpu: 'plain JavaScript' };

const formatMs = (ms: number) => `${Math.max(1, Math.round(ms))} ms`;

export interface StatusProps {
  id: (part: string) => string;
  engineState: EngineState;
  /** How long the last update took, from kernel to pixels. */
  ms: number | null;
  live: boolean;
  /** A sentence about a link whose settings could not be read. */
  linkNotice: string;
  /** The address of this exact figure. */
  link: () => string;
}

/** One line in words: how the picture was computed; the link to this figure; why this engine. */
export function Status({ id, engineState, ms, live, linkNotice, link }: StatusProps) {
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
          <span class="playground-status__error" data-testid="backend" role="alert">
            {engineState.message} The picture shown was computed when this page was built.
          </span>
        ) : (
          <span data-testid="backend">The feature map shown was computed when this page was built.</span>
        )}
      </p>
      {engineState.status === 'ready' && (
        <details class="playground-why">
          <summary>Why this engine?</summary>
          <p>{engineState.report.reason}</p>
          {engineState.report.renderer && <p>Graphics driver: {engineState.report.renderer.renderer}</p>}
        </details>
      )}
      <CopyFigureLink id={id('copy-link')} link={link} notice={linkNotice} />
    </div>
  );
}
