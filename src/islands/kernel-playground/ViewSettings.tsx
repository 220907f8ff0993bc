import type { ComponentChildren } from 'preact';
import type { ChannelMode, Scaling } from '../../compute';
import { RadioGroup } from '../shared/RadioGroup';

export interface ViewSettingsProps {
  id: (part: string) => string;
  mode: ChannelMode;
  scaling: Scaling;
  /** The current settings in a few words, shown while the disclosure is closed. */
  summary: string;
  onMode: (mode: ChannelMode) => void;
  onScaling: (scaling: Scaling) => void;
  /** The picture's source controls. */
  children: ComponentChildren;
}

/** The picture and how the output is drawn, behind one disclosure so the demo stays compact. */
export function ViewSettings({ id, mode, scaling, summary, onMode, onScaling, children }: ViewSettingsProps) {
  return (
    <details class="playground-settings">
      <summary>
        Picture and colours: <span class="playground-settings__now">{summary}</span>
      </summary>
      <div class="playground-settings__body">
        {children}
        <fieldset class="playground-view">
          <legend>Colours</legend>
          <RadioGroup
            id={id('mode')}
            label="Channels"
            value={mode}
            options={[
              { value: 'gray', label: 'Grayscale' },
              { value: 'rgb', label: 'RGB, per channel' },
            ]}
            onChange={onMode}
          />
          <RadioGroup
            id={id('scaling')}
            label="Scale"
            value={scaling}
            options={[
              { value: 'auto', label: 'Automatic' },
              { value: 'clip', label: 'Clip to 0–255' },
              { value: 'normalize', label: 'Stretch to the range' },
            ]}
            onChange={onScaling}
          />
        </fieldset>
      </div>
    </details>
  );
}
