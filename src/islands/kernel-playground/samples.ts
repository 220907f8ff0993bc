/** The images this site ships for the playground (public/samples, made by scripts/make-samples.ts). */
import samples from '../../../public/samples/samples.json';
import { sitePath } from '../../lib/paths';

export interface Sample {
  id: string;
  /** Its path under public/ ('/samples/shapes.png'): where the build-time figures read it. */
  file: string;
  /** Its address on the site, under the base path ('/blog/samples/shapes.png'). */
  src: string;
  title: string;
  alt: string;
  credit: string;
}

export const SAMPLES: readonly Sample[] = samples.map((s) => ({ ...s, src: sitePath(s.file) }));
