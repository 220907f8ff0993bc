/**
 * Reader comments through giscus (GitHub Discussions), off unless the site author configures it.
 * The configuration comes from four environment variables read at build time; the component carries
 * it to the browser in data attributes, and the island turns those into giscus's own script tag.
 * No Node, no DOM: the build, the island and the unit tests all call these functions.
 */

export const GISCUS_DEFAULT_ORIGIN = 'https://giscus.app';

/** The attribute that marks a page as loading comments, and says from where (read by scripts/csp.ts). */
export const GISCUS_ORIGIN_ATTRIBUTE = 'data-giscus-origin';

export interface GiscusConfig {
  /** The GitHub repository whose Discussions hold the comments, as owner/name. */
  repo: string;
  repoId: string;
  /** The Discussions category new threads go into. */
  category: string;
  categoryId: string;
  /** One discussion per page path. */
  mapping: 'pathname';
  /** Where client.js and the comments frame come from: https://giscus.app unless GISCUS_ORIGIN says otherwise. */
  origin: string;
}

/** The colour theme giscus is asked for: the reader's choice on this site, or the system's. */
export type GiscusTheme = 'dark' | 'light' | 'preferred_color_scheme';

const REQUIRED = ['GISCUS_REPO', 'GISCUS_REPO_ID', 'GISCUS_CATEGORY', 'GISCUS_CATEGORY_ID'] as const;

const listed = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The giscus configuration from the environment: undefined (no comments anywhere) when none of the
 * four variables is set. Half a configuration, a repository that is not owner/name, or an origin
 * that is not an http(s) origin fails the build with a sentence that says what to do.
 */
export function giscusFromEnv(env: Record<string, string | undefined>): GiscusConfig | undefined {
  const value = (name: string) => env[name]?.trim() || undefined;
  const missing = REQUIRED.filter((name) => value(name) === undefined);
  if (missing.length === REQUIRED.length) return undefined;
  if (missing.length > 0) {
    const set = REQUIRED.filter((name) => !missing.includes(name));
    throw new Error(
      `Comments are half configured: ${listed(set)} ${set.length > 1 ? 'are' : 'is'} set but ` +
        `${listed(missing)} ${missing.length > 1 ? 'are' : 'is'} not. Set all four ` +
        `(https://giscus.app shows the values once you enter your repository and pick a category), ` +
        `or unset them all to build the site without comments.`,
    );
  }
  const repo = value('GISCUS_REPO') as string;
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new Error(
      `GISCUS_REPO must be a GitHub repository written as owner/name, for example octocat/blog-comments; got ${JSON.stringify(repo)}.`,
    );
  const originText = value('GISCUS_ORIGIN') ?? GISCUS_DEFAULT_ORIGIN;
  let origin: string | undefined;
  try {
    const url = new URL(originText);
    if (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin === originText.replace(/\/$/, '')
    )
      origin = url.origin;
  } catch {
    // reported below
  }
  if (origin === undefined)
    throw new Error(
      `GISCUS_ORIGIN must be an origin such as ${GISCUS_DEFAULT_ORIGIN} (scheme and host, no path); ` +
        `got ${JSON.stringify(originText)}. Unset it to use ${GISCUS_DEFAULT_ORIGIN}.`,
    );
  return {
    repo,
    repoId: value('GISCUS_REPO_ID') as string,
    category: value('GISCUS_CATEGORY') as string,
    categoryId: value('GISCUS_CATEGORY_ID') as string,
    mapping: 'pathname',
    origin,
  };
}

/** A post shows comments only when the site configures giscus and the post asks for them. */
export function showComments(config: GiscusConfig | undefined, post: { comments: boolean }): boolean {
  return config !== undefined && post.comments;
}

/**
 * The data attributes of the comments container (Comments.astro), which carry the configuration to
 * the island. `term`, when given, names the discussion outright (giscus's "specific" mapping)
 * instead of deriving it from the page's path.
 */
export function giscusAttributes(config: GiscusConfig, term?: string): Record<string, string> {
  return {
    [GISCUS_ORIGIN_ATTRIBUTE]: config.origin,
    'data-giscus-repo': config.repo,
    'data-giscus-repo-id': config.repoId,
    'data-giscus-category': config.category,
    'data-giscus-category-id': config.categoryId,
    'data-giscus-mapping': config.mapping,
    ...(term === undefined ? {} : { 'data-giscus-term': term }),
  };
}

/** Reads back what giscusAttributes wrote, from an element's `dataset`. */
export function giscusFromDataset(dataset: Record<string, string | undefined>): {
  config: GiscusConfig;
  term: string | undefined;
} {
  const { giscusOrigin, giscusRepo, giscusRepoId, giscusCategory, giscusCategoryId, giscusMapping } = dataset;
  if (!giscusOrigin || !giscusRepo || !giscusRepoId || !giscusCategory || !giscusCategoryId)
    throw new Error(
      'comments: the container lacks its data-giscus-* attributes; render it with Comments.astro.',
    );
  if (giscusMapping !== 'pathname')
    throw new Error(
      `comments: data-giscus-mapping must be "pathname"; got ${JSON.stringify(giscusMapping)}.`,
    );
  return {
    config: {
      origin: giscusOrigin,
      repo: giscusRepo,
      repoId: giscusRepoId,
      category: giscusCategory,
      categoryId: giscusCategoryId,
      mapping: giscusMapping,
    },
    term: dataset['giscusTerm'],
  };
}

/** The site's theme attribute (`<html data-theme>`, set once the reader chooses) as a giscus theme. */
export function giscusTheme(siteTheme: string | undefined): GiscusTheme {
  return siteTheme === 'dark' || siteTheme === 'light' ? siteTheme : 'preferred_color_scheme';
}

/** The attributes of giscus's own `<script>` tag, in the order giscus.app lists them. */
export function giscusScriptAttributes(
  config: GiscusConfig,
  theme: GiscusTheme,
  term?: string,
): Record<string, string> {
  return {
    src: `${config.origin}/client.js`,
    'data-repo': config.repo,
    'data-repo-id': config.repoId,
    'data-category': config.category,
    'data-category-id': config.categoryId,
    ...(term === undefined
      ? { 'data-mapping': config.mapping }
      : { 'data-mapping': 'specific', 'data-term': term }),
    'data-reactions-enabled': '1',
    'data-emit-metadata': '0',
    'data-input-position': 'top',
    'data-theme': theme,
    'data-lang': 'en',
    'data-loading': 'lazy',
    crossorigin: 'anonymous',
  };
}

/** What the page posts to the giscus frame to change its theme. */
export function giscusThemeMessage(theme: GiscusTheme): { giscus: { setConfig: { theme: GiscusTheme } } } {
  return { giscus: { setConfig: { theme } } };
}
