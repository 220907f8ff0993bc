/**
 * A real `astro build` of a fixture post whose figure file does not exist: the build must fail,
 * naming the post's file, the line, and the missing image.
 */
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('a post importing an image that is not there fails the build, naming the file and the image', () => {
  const { status, output } = astroBuild({ POSTS_DIR: './tests/fixtures/missing-image' });
  expect(status, 'the build fails').not.toBe(0);
  // The import is line 8 of the fixture; the sentence says what to do.
  expect(output).toContain(
    "tests/fixtures/missing-image/2026-01-01-no-image/index.mdx:8: an import of './missing.png', which is not there: put the file beside the post",
  );
}, 150_000);
