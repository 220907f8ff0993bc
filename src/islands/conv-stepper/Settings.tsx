import { LIMITS, PADDINGS, type LimitName } from './model';

export interface SettingsProps {
  values: Record<LimitName, number>;
  padding: string;
  drafts: Partial<Record<LimitName, string>>;
  /** Drafts that were not applied (out of range, or no output). */
  invalid: Partial<Record<LimitName, string>>;
  onSetting: (name: LimitName, text: string) => void;
  onSettingBlur: (name: LimitName) => void;
  /** The select is passed so that a refused choice can be put back. */
  onPadding: (text: string, control: HTMLSelectElement) => void;
}

const TEST_IDS: Record<LimitName, string> = {
  inputSize: 'input-size',
  kernelSize: 'kernel-size',
  stride: 'stride',
  dilation: 'dilation',
};

/** Sizes, stride, padding and dilation: each a labelled control that keeps its last good value. */
export function Settings({
  values,
  padding,
  drafts,
  invalid,
  onSetting,
  onSettingBlur,
  onPadding,
}: SettingsProps) {
  const field = (name: LimitName) => {
    const { min, max, label } = LIMITS[name];
    const id = `stepper-${TEST_IDS[name]}`;
    return (
      <label class="stepper-field" for={id} key={name}>
        <span>{label}</span>
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          step={1}
          inputMode="numeric"
          data-testid={TEST_IDS[name]}
          aria-invalid={invalid[name] !== undefined}
          value={drafts[name] ?? String(values[name])}
          onInput={(e) => onSetting(name, e.currentTarget.value)}
          onBlur={() => onSettingBlur(name)}
        />
      </label>
    );
  };
  return (
    <fieldset class="stepper-settings">
      <legend class="visually-hidden">Settings</legend>
      {field('inputSize')}
      {field('kernelSize')}
      {field('stride')}
      <label class="stepper-field" for="stepper-padding">
        <span>Padding</span>
        <select
          id="stepper-padding"
          data-testid="padding"
          value={padding}
          onChange={(e) => onPadding(e.currentTarget.value, e.currentTarget)}
        >
          {PADDINGS.map((p) => (
            <option key={p} value={p}>
              {p === 'valid' || p === 'same' ? p : `${p} cell${p === '1' ? '' : 's'}`}
            </option>
          ))}
        </select>
      </label>
      {field('dilation')}
    </fieldset>
  );
}
