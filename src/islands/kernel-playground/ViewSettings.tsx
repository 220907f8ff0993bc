import type { ComponentChildren } from 'preact';
import type { ChannelMode, Scaling } from '../../compute';

export interface ViewSettingsProps {
  uid: string;
  mode: ChannelMode;
  scaling: Scaling;
  /** The current settings in a few words, shown while the disclosure is closed. */
  summary: string;
  onMode: (mode: ChannelMode) => void;
  onScaling: (scaling: Scaling) => void;
  /** The picture's source controls. */
  children: ComponentChildren;
}

const SCALE_LABELS: Record<Scaling, string> = {
  auto: 'Automatic',
  clip: 'Clip to 0–255',
  normalize: 'Stretch to the range',
};

/** The picture and how the output is drawn, behind one disclosure so the demo stays compact. */
export function ViewSettings({
  uid,
  mode,
  scaling,
  summary,
  onMode,
  onScaling,
  children,
}: ViewSettingsProps) {
  return (
    <details class="playground-settings">
      <summary>
        Picture and colours <span class="playground-settings__now">{summary}</span>
      </summary>
      <div class="playground-settings__body">
        {children}
        <fieldset class="playground-view">
          <legend>Colours</legend>
          <div class="playground-radios" role="radiogroup" aria-label="Channels">
            {(['gray', 'rgb'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name={`${uid}-mode`}
                  value={m}
                  checked={mode === m}
                  onChange={() => onMode(m)}
                />
                {m === 'gray' ? 'Grayscale' : 'RGB, per channel'}
              </label>
            ))}
          </div>
          <div class="playground-radios" role="radiogroup" aria-label="Output scale">
            {(['auto', 'clip', 'normalize'] as const).map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name={`${uid}-scaling`}
                  value={s}
                  checked={scaling === s}
                  onChange={() => onScaling(s)}
                />
                {SCALE_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    </details>
  );
}
