import type { Sample } from './samples';

export interface ImagePickerProps {
  samples: readonly Sample[];
  sample: string;
  webcamOn: boolean;
  onSample: (id: string) => void;
  onFile: (file: File) => void;
  onWebcam: () => void;
}

/** Where the picture comes from: a shipped sample, the reader's own file, or the webcam. */
export function ImagePicker({ samples, sample, webcamOn, onSample, onFile, onWebcam }: ImagePickerProps) {
  return (
    <fieldset class="playground-source">
      <legend>Image</legend>
      <label class="stepper-field" for="playground-sample">
        <span>Sample</span>
        <select
          id="playground-sample"
          data-testid="sample-image"
          value={sample}
          onChange={(e) => onSample(e.currentTarget.value)}
        >
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          {sample === 'own' && <option value="own">Your image</option>}
        </select>
      </label>
      <label class="stepper-field" for="playground-upload">
        <span>Your own image (stays in your browser)</span>
        <input
          id="playground-upload"
          type="file"
          accept="image/*"
          data-testid="image-upload"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <button
        type="button"
        class="playground-button"
        data-testid="webcam"
        aria-pressed={webcamOn}
        onClick={onWebcam}
      >
        {webcamOn ? 'Stop the webcam' : 'Use the webcam'}
      </button>
    </fieldset>
  );
}
