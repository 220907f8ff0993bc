export interface PlaybackProps {
  playing: boolean;
  speed: number;
  atStart: boolean;
  atEnd: boolean;
  onPlay: () => void;
  onPause: () => void;
  onStep: (delta: number) => void;
  onSpeed: (speed: number) => void;
}

export const SPEEDS = [0.5, 1, 2, 4];

export function Playback({
  playing,
  speed,
  atStart,
  atEnd,
  onPlay,
  onPause,
  onStep,
  onSpeed,
}: PlaybackProps) {
  return (
    <div class="stepper-playback" role="group" aria-label="Animation">
      <button type="button" data-testid="step-back" onClick={() => onStep(-1)} disabled={atStart}>
        <span aria-hidden="true">◀ </span>Step back
      </button>
      {playing ? (
        <button type="button" data-testid="pause" onClick={onPause}>
          <span aria-hidden="true">❚❚ </span>Pause
        </button>
      ) : (
        <button type="button" data-testid="play" onClick={onPlay}>
          <span aria-hidden="true">▶ </span>Play
        </button>
      )}
      <button type="button" data-testid="step-forward" onClick={() => onStep(1)} disabled={atEnd}>
        Step forward<span aria-hidden="true"> ▶</span>
      </button>
      <label class="stepper-field stepper-field--inline" for="stepper-speed">
        <span>Speed</span>
        <select
          id="stepper-speed"
          data-testid="speed"
          value={String(speed)}
          onChange={(e) => onSpeed(Number(e.currentTarget.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
