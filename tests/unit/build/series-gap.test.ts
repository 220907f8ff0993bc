/**
 * A real `astro build` of a series with a gap (parts 1 and 3): the build must fail with the
 * sentence an author needs, naming the file and the number to write.
 */
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('a series with part 1 and part 3 but no part 2 fails the build, naming the file and the fix', () => {
  const { status, output } = astroBuild({ POSTS_DIR: './tests/fixtures/series-gap' });
  expect(status, 'the build fails').not.toBe(0);
  expect(output).toContain(
    'the series "A broken series" has no part 2, but tests/fixtures/series-gap/2026-01-02-third/index.mdx is part 3: write part: 2 in it',
  );
}, 150_000);
