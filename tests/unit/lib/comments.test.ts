import { describe, expect, test } from 'vitest';
import {
  giscusAttributes,
  giscusFromDataset,
  giscusFromEnv,
  giscusScriptAttributes,
  giscusTheme,
  giscusThemeMessage,
  showComments,
  type GiscusConfig,
} from '~/lib/comments';
import { commentOrigins, policy } from '~/lib/csp';

const ENV = {
  GISCUS_REPO: 'octocat/blog-comments',
  GISCUS_REPO_ID: 'R_kgDOexample',
  GISCUS_CATEGORY: 'Comments',
  GISCUS_CATEGORY_ID: 'DIC_kwDOexample',
};

const config: GiscusConfig = {
  repo: 'octocat/blog-comments',
  repoId: 'R_kgDOexample',
  category: 'Comments',
  categoryId: 'DIC_kwDOexample',
  mapping: 'pathname',
  origin: 'https://giscus.app',
};

const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected it to throw');
};

describe('giscusFromEnv', () => {
  test('no variable set: comments are off (undefined)', () => {
    expect(giscusFromEnv({})).toBeUndefined();
    expect(giscusFromEnv({ GISCUS_REPO: '  ', PATH: '/usr/bin' })).toBeUndefined();
  });

  test('all four set: a config with mapping pathname and origin https://giscus.app', () => {
    expect(giscusFromEnv(ENV)).toEqual(config);
  });

  test('GISCUS_ORIGIN (the e2e harness) replaces the origin; a trailing slash is dropped', () => {
    expect(giscusFromEnv({ ...ENV, GISCUS_ORIGIN: 'http://127.0.0.1:4392/' })?.origin).toBe(
      'http://127.0.0.1:4392',
    );
  });

  test('some set: the build fails naming what is set, what is missing and what to do', () => {
    expect(
      message(() => giscusFromEnv({ GISCUS_REPO: ENV.GISCUS_REPO, GISCUS_CATEGORY: 'Comments' })),
    ).toMatchInlineSnapshot(
      `"Comments are half configured: GISCUS_REPO and GISCUS_CATEGORY are set but GISCUS_REPO_ID and GISCUS_CATEGORY_ID are not. Set all four (https://giscus.app shows the values once you enter your repository and pick a category), or unset them all to build the site without comments."`,
    );
    expect(message(() => giscusFromEnv({ ...ENV, GISCUS_CATEGORY_ID: '' }))).toMatchInlineSnapshot(
      `"Comments are half configured: GISCUS_REPO, GISCUS_REPO_ID and GISCUS_CATEGORY are set but GISCUS_CATEGORY_ID is not. Set all four (https://giscus.app shows the values once you enter your repository and pick a category), or unset them all to build the site without comments."`,
    );
  });

  test('a repository that is not owner/name fails the build', () => {
    expect(
      message(() => giscusFromEnv({ ...ENV, GISCUS_REPO: 'https://github.com/octocat/blog' })),
    ).toMatchInlineSnapshot(
      `"GISCUS_REPO must be a GitHub repository written as owner/name, for example octocat/blog-comments; got "https://github.com/octocat/blog"."`,
    );
  });

  test.each([
    'giscus.app',
    'https://giscus.app/client.js',
    'javascript:alert(1)',
    "https://a.b 'unsafe-inline'",
  ])('GISCUS_ORIGIN=%s is not an origin: the build fails', (origin) => {
    expect(message(() => giscusFromEnv({ ...ENV, GISCUS_ORIGIN: origin }))).toContain(
      'GISCUS_ORIGIN must be an origin such as https://giscus.app',
    );
  });
});

describe('showComments', () => {
  test.each([
    [false, false, false],
    [false, true, false],
    [true, false, false],
    [true, true, true],
  ])('configured=%s post.comments=%s -> %s', (configured, comments, shown) => {
    expect(showComments(configured ? config : undefined, { comments })).toBe(shown);
  });
});

describe('the container and the script tag', () => {
  test('container attributes carry the config, and read back to it', () => {
    const attributes = giscusAttributes(config);
    expect(attributes).toEqual({
      'data-giscus-origin': 'https://giscus.app',
      'data-giscus-repo': 'octocat/blog-comments',
      'data-giscus-repo-id': 'R_kgDOexample',
      'data-giscus-category': 'Comments',
      'data-giscus-category-id': 'DIC_kwDOexample',
      'data-giscus-mapping': 'pathname',
    });
    // What `element.dataset` gives for those attributes.
    const dataset = Object.fromEntries(
      Object.entries(giscusAttributes(config, 'my-post')).map(([name, value]) => [
        name.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
        value,
      ]),
    );
    expect(giscusFromDataset(dataset)).toEqual({ config, term: 'my-post' });
  });

  test('a container without its attributes is refused with a sentence', () => {
    expect(message(() => giscusFromDataset({ giscusRepo: 'a/b' }))).toMatchInlineSnapshot(
      `"comments: the container lacks its data-giscus-* attributes; render it with Comments.astro."`,
    );
  });

  test("giscus's script: client.js from the origin, mapping pathname, the theme asked for", () => {
    expect(giscusScriptAttributes(config, 'dark')).toEqual({
      src: 'https://giscus.app/client.js',
      'data-repo': 'octocat/blog-comments',
      'data-repo-id': 'R_kgDOexample',
      'data-category': 'Comments',
      'data-category-id': 'DIC_kwDOexample',
      'data-mapping': 'pathname',
      'data-reactions-enabled': '1',
      'data-emit-metadata': '0',
      'data-input-position': 'top',
      'data-theme': 'dark',
      'data-lang': 'en',
      'data-loading': 'lazy',
      crossorigin: 'anonymous',
    });
  });

  test('a term names the discussion: mapping specific', () => {
    const attributes = giscusScriptAttributes(config, 'light', 'my-post');
    expect([attributes['data-mapping'], attributes['data-term']]).toEqual(['specific', 'my-post']);
  });

  test.each([
    ['dark', 'dark'],
    ['light', 'light'],
    [undefined, 'preferred_color_scheme'],
    ['sepia', 'preferred_color_scheme'],
  ] as const)('site theme %s -> giscus theme %s', (site, theme) => {
    expect(giscusTheme(site)).toBe(theme);
  });

  test('a theme change is posted as setConfig', () => {
    expect(giscusThemeMessage('light')).toEqual({ giscus: { setConfig: { theme: 'light' } } });
  });
});

describe('the policy of a page with comments', () => {
  const page = (origin: string) =>
    `<section><h2>Comments</h2><div class="comments__thread" data-testid="comments" data-giscus-origin="${origin}" data-giscus-repo="a/b"></div></section>`;

  test('commentOrigins: the origin of the comments container', () => {
    expect(commentOrigins(page('https://giscus.app'))).toEqual(['https://giscus.app']);
  });

  test('commentOrigins: none on a page without comments, nor in a code sample showing the attribute', () => {
    expect(commentOrigins('<main><p>No comments here.</p></main>')).toEqual([]);
    expect(
      commentOrigins(
        '<pre><code>&lt;div data-giscus-origin="https://evil.example"&gt;</code></pre><p>data-giscus-origin="https://evil.example"</p>',
      ),
    ).toEqual([]);
  });

  test('commentOrigins: a value that is not an origin fails instead of reaching the policy', () => {
    expect(() => commentOrigins(page("https://giscus.app 'unsafe-inline'"))).toThrow(
      /is not an origin such as https:\/\/giscus\.app/,
    );
  });

  test('policy: unchanged without comments; with them, the origin may run, style and be framed', () => {
    expect(policy(['sha256-abc'])).toMatchInlineSnapshot(
      `"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"`,
    );
    expect(policy(['sha256-abc'], ['https://giscus.app'])).toMatchInlineSnapshot(
      `"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' https://giscus.app 'sha256-abc'; style-src 'self' 'unsafe-inline' https://giscus.app; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; media-src 'self' blob:; worker-src 'self' blob:; frame-src https://giscus.app; object-src 'none'; base-uri 'self'; form-action 'self'"`,
    );
  });
});
