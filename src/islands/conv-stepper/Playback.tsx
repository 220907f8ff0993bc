/** Step back, play or pause, step forward, speed, and the figure's link: one toolbar, one Tab stop. */
import { CopyFigureLink } from '../shared/CopyFigureLink';
import { Toolbar } from '../shared/Toolbar';

export interface PlaybackProps {
  id: (part: string) => string;
  playing: boolean;
  speed: number;
  atStart: boolean;
  atEnd: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: (delta: number) => void;
  onSpeed: (speed: number) => void;
  link: () => string;
  linkNotice: string;
}

export const SPEEDS = [0.5, 1, 2, 4];

export function Playback(props: PlaybackProps) {
  const { playing, speed, atStart, atEnd } = props;
  const nextSpeed = SPEEDS[(SPEEDS.indexOf(speed) + 1) % SPEEDS.length] ?? 1;
  return (
    <Toolbar label="Animation" class="stepper-playback">
      <button
        type="button"
        class="demo-button"
        data-testid="step-back"
        onClick={() => props.onStep(-1)}
        disabled={atStart}
      >
        <span aria-hidden="true">◀ </span>Back
      </button>
      {playing ? (
        <button type="button" class="demo-button stepper-play" data-testid="pause" onClick={props.onPause}>
          <span aria-hidden="true">❚❚ </span>Pause
        </button>
      ) : (
        <button type="button" class="demo-button stepper-play" data-testid="play" onClick={props.onPlay}>
          <span aria-hidden="true">▶ </span>Play
        </button>
      )}
      <button
        type="button"
        class="demo-button"
        data-testid="step-forward"
        onClick={() => props.onStep(1)}
        disabled={atEnd}
      >
        Next<span aria-hidden="true"> ▶</span>
      </button>
      <button
        type="button"
        class="demo-button"
        data-testid="speed"
        aria-label={`Speed ${speed}×; change to ${nextSpeed}×`}
        onClick={() => props.onSpeed(nextSpeed)}
      >
        {speed}×
      </button>
      <CopyFigureLink id={props.id('copy-link')} link={props.link} notice={props.linkNotice} />
    </Toolbar>
  );
}
