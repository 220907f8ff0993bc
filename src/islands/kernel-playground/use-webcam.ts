/**
 * The webcam as a stream of pictures: while `on`, each animation frame that finds the playground
 * idle and the picture on screen is handed to `onFrame`, scaled to at most 320 pixels. Scrolled
 * away, the camera stays on but no frame is taken. Stops the camera when turned off or unmounted.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { pixelsOf } from './load-image';
import { fitImage } from './model';

export interface WebcamHandlers {
  /** A new frame, as RGBA pixels. */
  onFrame(frame: { rgba: Uint8ClampedArray; width: number; height: number }): void;
  /** True while the playground is still busy with the previous frame: this one is skipped. */
  busy(): boolean;
  onStarted(): void;
  /** The camera could not start: a sentence for the reader. */
  onFailed(message: string): void;
}

export function useWebcam(on: boolean, watched: RefObject<HTMLElement>, handlers: WebcamHandlers): void {
  useEffect(() => {
    if (!on) return undefined;
    let stop = false;
    let onScreen = true;
    let stream: MediaStream | null = null;
    const target = watched.current;
    const observer =
      target && 'IntersectionObserver' in window
        ? new IntersectionObserver(([entry]) => {
            onScreen = entry?.isIntersecting ?? true;
          })
        : null;
    if (target) observer?.observe(target);
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    const frame = () => {
      if (stop) return;
      const fit = fitImage(video.videoWidth, video.videoHeight, 320);
      if (fit.ok && onScreen && !handlers.busy()) {
        handlers.onFrame({
          rgba: pixelsOf(video, fit.width, fit.height),
          width: fit.width,
          height: fit.height,
        });
      }
      requestAnimationFrame(frame);
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('this browser offers no camera here');
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 640 } },
          audio: false,
        });
        if (stop) return;
        video.srcObject = stream;
        await video.play();
        handlers.onStarted();
        frame();
      } catch (error) {
        const why =
          error instanceof DOMException && error.name === 'NotAllowedError'
            ? 'permission was refused'
            : (error as Error).message;
        handlers.onFailed(`The webcam could not start (${why}). Pick a sample or upload an image instead.`);
      }
    })();
    return () => {
      stop = true;
      observer?.disconnect();
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [on]);
}
