import { Message } from '../shared/Message';
import { Select } from '../shared/Select';
import type { Sample } from './samples';

export interface ImagePickerProps {
  id: (part: string) => string;
  samples: readonly Sample[];
  sample: string;
  /** The name of the reader's own file, once one is chosen. */
  fileName: string;
  webcamOn: boolean;
  /** A problem with the picture, or a notice about it (shown beside these controls). */
  message: string;
  notice: string;
  onSample: (id: string) => void;
  onFile: (file: File) => void;
  onWebcam: () => void;
}

/** Where the picture comes from: a shipped sample, the reader's own file, or the webcam. */
export function ImagePicker(props: ImagePickerProps) {
  const { id, samples, sample, fileName, webcamOn, message, notice } = props;
  const options = [
    ...samples.map((s) => ({ value: s.id, label: s.title })),
    ...(sample === 'own' ? [{ value: 'own', label: 'Your picture' }] : []),
  ];
  return (
    <fieldset class="playground-source">
      <legend>Picture</legend>
      <Select
        id={id('sample')}
        label="Sample"
        value={sample}
        options={options}
        testId="sample-image"
        onChange={(value) => props.onSample(value)}
      />
      <div class="playground-file demo-anchor">
        <input
          id={id('upload')}
          class="playground-file__input"
          type="file"
          accept="image/*"
          data-testid="image-upload"
          aria-describedby={`${id('upload')}-name ${id('picture')}-message`}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onFile(file);
            e.currentTarget.value = '';
          }}
        />
        <label class="demo-button" for={id('upload')}>
          Your own picture…
        </label>
        <span class="playground-file__name" id={`${id('upload')}-name`} data-testid="file-name">
          {fileName || 'It stays in your browser.'}
        </span>
      </div>
      <div class="demo-anchor">
        <button
          type="button"
          class="demo-button"
          data-testid="webcam"
          aria-pressed={webcamOn}
          aria-describedby={`${id('picture')}-message`}
          onClick={props.onWebcam}
        >
          {webcamOn ? 'Stop the webcam' : 'Use the webcam'}
        </button>
        <Message
          id={`${id('picture')}-message`}
          text={message || notice}
          tone={message ? 'error' : 'notice'}
          placement="inline"
        />
      </div>
    </fieldset>
  );
}
