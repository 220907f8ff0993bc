/**
 * A real `astro build` of a fixture post that cites an unknown key: the build must fail, and say
 * which file, which line and which key, and what to do.
 */
import { expect, test } from 'vitest';
import { astroBuild } from './astro-build';

test('a post citing an unknown key fails the build, naming the file, the line and the key', () => {
  const { status, output } = astroBuild({ POSTS_DIR: './tests/fixtures/bad-citation' });
  expect(status, 'the build fails').not.toBe(0);
  expect(output).toContain(
    'tests/fixtures/bad-citation/bad-key/index.mdx:7: the citation key "goodfelow2016" is not in the bibliography. ' +
      'Add an entry with that key to content/references.bib',
  );
}, 150_000);
