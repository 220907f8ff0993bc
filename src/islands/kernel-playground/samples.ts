/** The images this site ships for the playground (public/samples, made by scripts/make-samples.ts). */
import samples from '../../../public/samples/samples.json';

export interface Sample {
  id: string;
  file: string;
  title: string;
  alt: string;
  credit: string;
}

export const SAMPLES: readonly Sample[] = samples;
