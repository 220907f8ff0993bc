/**
 * A real `astro build` of a post that gives a demo a prop it cannot take: the build fails naming
 * the post's file and line and the prop, not "Caught error rendering /rss.xml" with a stack into
 * the prerender chunks.
 */
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('a demo with a wrong prop fails the build naming the post, the line and the prop', () => {
  const { status, output } = astroBuild({ POSTS_DIR: './tests/fixtures/bad-demo-props' });
  expect(status, 'the build fails').not.toBe(0);
  expect(output).toContain(
    'tests/fixtures/bad-demo-props/2026-01-01-wrong-stride/index.mdx:11: <ConvolutionStepper>: stride must be a whole number from 1 to 3, got 7.',
  );
  expect(output).not.toContain('Caught error rendering');
}, 150_000);
