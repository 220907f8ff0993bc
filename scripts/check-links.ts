// Postbuild: every internal link of the built site must open a built file, and every #fragment an
// element on its page. Each broken link is printed as a sentence naming the source file (the post's
// index.mdx or the .astro page when known, else the built page) and what to fix; any fails the build.
//   node scripts/check-links.ts [dist]
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASE_PATH, SITE_URL } from '../src/consts.ts';
import { linkReport } from '../src/lib/link-check.ts';
import type { LinkProblem } from '../src/lib/link-check.ts';

export interface DistCheck {
  problems: LinkProblem[];
  /** Internal links checked (one per distinct address per page). */
  links: number;
  /** Built HTML pages read. */
  pages: number;
  /** Pages with at least one problem. */
  brokenPages: number;
}

export interface DistCheckOptions {
  /** The project folder holding content/posts and src/pages; the working directory unless told. */
  root?: string;
  /** The posts folder, relative to root; POSTS_DIR or content/posts unless told. */
  postsDir?: string;
}

/** Every file under dir, relative to it, with '/' separators. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, path)).isDirectory() ? listFiles(dir, path) : [path];
  });
}

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-(.+)$/;

/**
 * '/slug/' -> '<posts>/<folder>/index.mdx' where the folder is the slug, or the slug after a
 * YYYY-MM-DD- date; other routes -> 'src/pages/<name>.astro' (or <name>/index.astro) if it exists.
 */
export function sourceFinder(root: string, postsDir: string): (route: string) => string | undefined {
  const postsPath = resolve(root, postsDir);
  const postsLabel = relative(root, postsPath).split(sep).join('/');
  const folders = existsSync(postsPath)
    ? readdirSync(postsPath).filter((name) => statSync(join(postsPath, name)).isDirectory())
    : [];
  return (route) => {
    const slug = /^\/([^/]+)\/$/.exec(route)?.[1];
    if (slug !== undefined) {
      const folder = folders.find((name) => name === slug || DATE_PREFIX.exec(name)?.[1] === slug);
      if (folder !== undefined) return `${postsLabel}/${folder}/index.mdx`;
    }
    const name = route.replace(/^\/|\/$/g, '') || 'index';
    const page = [`src/pages/${name}.astro`, `src/pages/${name}/index.astro`].find((file) =>
      existsSync(join(root, file)),
    );
    if (page !== undefined) return page;
    // A page made by a nested dynamic route, such as /tags/cnn/ from src/pages/tags/[tag].astro.
    if (!name.includes('/')) return undefined;
    const folder = `src/pages/${name.split('/').slice(0, -1).join('/')}`;
    const dynamic = existsSync(join(root, folder))
      ? readdirSync(join(root, folder)).filter((file) => /^\[.+\]\.astro$/.test(file))
      : [];
    return dynamic.length === 1 ? `${folder}/${dynamic[0]}` : undefined;
  };
}

/** Reads a built site and checks its internal links. */
export function checkDist(dir: string, options: DistCheckOptions = {}): DistCheck {
  const root = options.root ?? process.cwd();
  const postsDir = options.postsDir ?? process.env['POSTS_DIR'] ?? 'content/posts';
  const pages = new Map<string, string>();
  const extraFiles = new Set<string>();
  for (const file of listFiles(dir)) {
    if (file.endsWith('.html')) pages.set(file, readFileSync(join(dir, file), 'utf8'));
    else extraFiles.add(file);
  }
  // Pagefind indexes after the build: until it has run, its files cannot be there to check.
  const hasPagefind = existsSync(join(dir, 'pagefind'));
  const distLabel = relative(process.cwd(), resolve(dir)).split(sep).join('/') || '.';
  const { problems, checked } = linkReport(pages, {
    siteOrigin: SITE_URL,
    basePath: BASE_PATH,
    sourceOf: sourceFinder(root, postsDir),
    extraFiles,
    distLabel: distLabel.startsWith('..') ? resolve(dir) : distLabel,
    ...(hasPagefind ? {} : { ignore: (path: string) => path.startsWith('/pagefind/') }),
  });
  return {
    problems,
    links: checked,
    pages: pages.size,
    brokenPages: new Set(problems.map((p) => p.page)).size,
  };
}

function main(): void {
  const dir = process.argv[2] ?? 'dist';
  const { problems, links, pages, brokenPages } = checkDist(dir);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem.message);
    console.error(
      `links: ${problems.length} broken internal link${problems.length === 1 ? '' : 's'} in ${brokenPages} page${brokenPages === 1 ? '' : 's'}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`links: checked ${links} internal links in ${pages} pages, none broken`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href) main();
