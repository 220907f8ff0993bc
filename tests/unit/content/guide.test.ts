/**
 * The authoring guide (content/posts/writing-a-post) must cover the authors' whole API: every
 * component that ~/mdx exports, shown live, with every prop it accepts, and the current lists of
 * presets and sample pictures. A new component or prop without a line in the guide fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KERNELS } from '~/compute';
import { SAMPLES } from '~/islands/kernel-playground/samples';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const guide = read('content/posts/writing-a-post/index.mdx');
const components = [
  ...read('src/mdx/index.ts').matchAll(/export \{ default as (\w+) \} from '\.\/(\w+)\.astro'/g),
];

/** Prop names declared in a component's `interface Props { … }`. */
function props(file: string): string[] {
  const body = /interface Props \{([\s\S]*?)\n\}/.exec(read(file))?.[1] ?? '';
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1] ?? '');
}

describe('the authoring guide covers every component authors can use', () => {
  test('the barrel exports components', () => {
    expect(components.length).toBeGreaterThanOrEqual(5);
  });
  for (const [, name, file] of components) {
    test(`${name}: shown in a live example, every prop documented`, () => {
      const live = [...guide.matchAll(/```mdx live\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
      expect(
        live.some((code) => code.includes(`<${name}`)),
        `a live example uses <${name}>`,
      ).toBe(true);
      for (const prop of props(`src/mdx/${file}.astro`)) {
        expect(guide, `${name}'s prop "${prop}" is described`).toContain(`\`${prop}\``);
      }
    });
  }
  test('the playground presets and sample pictures listed are the current ones', () => {
    for (const kernel of KERNELS) expect(guide).toContain(kernel.id);
    for (const sample of SAMPLES) expect(guide).toContain(sample.id);
  });
});
