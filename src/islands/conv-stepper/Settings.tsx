/**
 * Sizes, stride, padding and dilation, folded into one <details> whose summary states them all
 * (one Tab stop while closed, so the grids stay in view on a phone). Each field keeps the
 * reader's text as a draft and shows its own message beside it.
 */
import { Field } from '../shared/Field';
import { Select } from '../shared/Select';
import { LIMITS, PADDINGS, paddingLabel, type LimitName } from './model';

export type SettingName = LimitName | 'padding';

export interface SettingsProps {
  id: (part: string) => string;
  values: Record<LimitName, number>;
  padding: string;
  drafts: Partial<Record<SettingName, string>>;
  /** The message for one setting (the one that cannot be used), or null. */
  problem: { name: SettingName; message: string } | null;
  summary: string;
  onSetting: (name: SettingName, text: string) => void;
}

const TEST_IDS: Record<LimitName, string> = {
  inputSize: 'input-size',
  kernelSize: 'kernel-size',
  stride: 'stride',
  dilation: 'dilation',
};

export function Settings({ id, values, padding, drafts, problem, summary, onSetting }: SettingsProps) {
  const field = (name: LimitName) => {
    const { min, max, label } = LIMITS[name];
    return (
      <Field
        key={name}
        id={id(TEST_IDS[name])}
        label={label}
        type="number"
        min={min}
        max={max}
        step={1}
        value={drafts[name] ?? String(values[name])}
        invalid={drafts[name] !== undefined}
        message={problem?.name === name ? problem.message : ''}
        testId={TEST_IDS[name]}
        onInput={(text) => onSetting(name, text)}
      />
    );
  };
  return (
    <details class="stepper-settings" data-testid="stepper-settings">
      <summary>
        <span class="stepper-settings__title">Settings</span>{' '}
        <span class="stepper-settings__now" data-testid="settings-summary">
          {summary}
        </span>
      </summary>
      <div class="stepper-settings__fields">
        {field('inputSize')}
        {field('kernelSize')}
        {field('stride')}
        <Select
          id={id('padding')}
          label="Padding"
          value={drafts.padding ?? padding}
          options={PADDINGS.map((p) => ({ value: p, label: paddingLabel(p) }))}
          message={problem?.name === 'padding' ? problem.message : ''}
          testId="padding"
          onChange={(value) => onSetting('padding', value)}
        />
        {field('dilation')}
      </div>
    </details>
  );
}
