import type { Sample } from './samples';

export interface ImagePickerProps {
  /** Prefix of this playground's element ids (unique on the page). */
  uid: string;
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
  const { uid, samples, sample, fileName, webcamOn, message, notice } = props;
  return (
    <fieldset class="playground-source">
      <legend>Picture</legend>
      <label class="playground-field" for={`${uid}-sample`}>
        <span>Sample</span>
        <select
          id={`${uid}-sample`}
          data-testid="sample-image"
          value={sample}
          onChange={(e) => props.onSample(e.currentTarget.value)}
        >
          {samples.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
          {sample === 'own' && <option value="own">Your image</option>}
        </select>
      </label>
      <div class="playground-file">
        <input
          id={`${uid}-upload`}
          class="playground-file__input"
          type="file"
          accept="image/*"
          data-testid="image-upload"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) props.onFile(file);
            e.currentTarget.value = '';
          }}
        />
        <label class="playground-button" for={`${uid}-upload`}>
          Your own picture…
        </label>
        <span class="playground-file__name" data-testid="file-name">
          {fileName ? fileName : 'stays in your browser'}
        </span>
      </div>
      <button
        type="button"
        class="playground-button"
        data-testid="webcam"
        aria-pressed={webcamOn}
        onClick={props.onWebcam}
      >
        {webcamOn ? 'Stop the webcam' : 'Use the webcam'}
      </button>
      <p
        class={`demo-message${message ? '' : ' demo-message--notice'}`}
        data-testid="demo-message"
        data-for="image"
        role="status"
      >
        {message || notice}
      </p>
    </fieldset>
  );
}
