// npm run budget: page weight of the built site (dist/). For every page: the JavaScript that runs
// before any demo is near the viewport (inline scripts and eagerly loaded modules), each island's
// own chunk with what it imports statically, and CSS and font totals. Fails when a page loads more
// than 8 KB (gzip) of JavaScript up front (40 KB on the search page, whose script is the search),
// or any TensorFlow.js before a demo is near.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const EAGER_JS_BUDGET = 8 * 1024;
/** The search page is itself the tool: Pagefind's UI (~31 KB gzip) is what the reader came for. */
const PAGE_BUDGETS: Record<string, number> = { '/search/': 40 * 1024 };
/**
 * An island's own code before TensorFlow.js: its chunk and what it imports statically, less the
 * framework every island shares (Preact, its hooks and JSX runtime, Astro's Preact client).
 */
// src/compute declares itself free of import-time side effects (src/lib/vite-pure-compute.ts), so an
// island's chunks carry only the maths it calls, not every module behind the compute index.
const ISLAND_BUDGETS: Record<string, number> = {
  /** The feature-maps issue's limit. */
  FeatureMaps: 25 * 1024,
  /** The text-convolution demo: the reference conv1d, the tokeniser and the toolkit; no TensorFlow.js. */
  TextConv: 16 * 1024,
  DigitNetwork: 30 * 1024,
  /** The text classifier: the reference forward pass, the tokeniser and the toolkit; TensorFlow.js only in its worker. */
  TextClassifier: 20 * 1024,
};
const FRAMEWORK = /\/(preact|hooks|jsxRuntime|signals)\.module\.[\w-]+\.js$|\/client\.[\w-]+\.js$/;

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const read = (url: string) => readFileSync(join(DIST, url));
const isTf = (code: string) => /tfjs|@tensorflow/.test(code);

/** A module and every module it imports statically (dynamic import() is lazy, so left out). */
function closure(url: string, seen = new Set<string>()): Set<string> {
  if (seen.has(url) || !existsSync(join(DIST, url))) return seen;
  seen.add(url);
  const code = read(url).toString();
  for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
    closure(posix.join(posix.dirname(url), spec ?? ''), seen);
  }
  return seen;
}

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.html') ? [path] : [];
  });
}

const rows: string[][] = [];
const failures: string[] = [];
for (const file of pages(DIST)) {
  const html = readFileSync(file, 'utf8');
  const page = `/${relative(DIST, file).split(sep).join('/')}`.replace(/index\.html$/, '');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs]) => !/application\/(ld\+)?json/.test(attrs ?? ''))
    .map(([, , body]) => body ?? '');
  const eagerModules = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) closure(src ?? '', eagerModules);
  for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    closure(href ?? '', eagerModules);
  const eagerBytes =
    inline.reduce((n, s) => n + gz(s), 0) + [...eagerModules].reduce((n, u) => n + gz(read(u)), 0);
  const eagerTf = [...eagerModules].some((u) => isTf(read(u).toString())) || inline.some(isTf);
  rows.push([
    page,
    'JS before any demo is near',
    kb(eagerBytes),
    `${inline.length} inline, ${eagerModules.size} modules`,
  ]);
  const budget = PAGE_BUDGETS[page] ?? EAGER_JS_BUDGET;
  if (eagerBytes > budget)
    failures.push(`${page}: ${kb(eagerBytes)} of JavaScript up front (budget ${kb(budget)})`);
  if (eagerTf) failures.push(`${page}: TensorFlow.js loads before any demo is near`);

  for (const [, attrs] of html.matchAll(/<astro-island([^>]*)>/g)) {
    const component = /component-url="([^"]+)"/.exec(attrs ?? '')?.[1] ?? '';
    const renderer = /renderer-url="([^"]+)"/.exec(attrs ?? '')?.[1] ?? '';
    const modules = closure(renderer, closure(component));
    const bytes = [...modules].reduce((n, u) => n + gz(read(u)), 0);
    const name = posix.basename(component).replace(/\.[\w-]+\.js$/, '');
    rows.push([page, `island ${name}, when near`, kb(bytes), `${modules.size} modules`]);
    const islandBudget = ISLAND_BUDGETS[name];
    if (islandBudget !== undefined) {
      const own = [...modules].filter((u) => !FRAMEWORK.test(u)).reduce((n, u) => n + gz(read(u)), 0);
      rows.push([page, `  of which ${name}'s own code (no Preact)`, kb(own), `budget ${kb(islandBudget)}`]);
      if (own > islandBudget)
        failures.push(
          `${page}: island ${name}'s own code is ${kb(own)} before TensorFlow.js (budget ${kb(islandBudget)})`,
        );
    }
    // What the island imports dynamically once it runs (TensorFlow.js for the playground).
    const lazy = new Set<string>();
    const queue = [...modules];
    while (queue.length) {
      const url = queue.pop() ?? '';
      for (const [, spec] of read(url)
        .toString()
        .matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]\s*\)/g)) {
        const before = new Set(lazy);
        closure(posix.join(posix.dirname(url), spec ?? ''), lazy);
        queue.push(...[...lazy].filter((u) => !before.has(u) && !modules.has(u)));
      }
    }
    for (const url of modules) lazy.delete(url);
    if (lazy.size) {
      const lazyBytes = [...lazy].reduce((n, u) => n + gz(read(u)), 0);
      const tf = [...lazy].some((u) => isTf(read(u).toString())) ? ', TensorFlow.js' : '';
      rows.push([
        page,
        `  then, at most, loaded by ${name} when it runs`,
        kb(lazyBytes),
        `${lazy.size} modules${tf}${tf ? ' (every backend; a reader gets one)' : ''}`,
      ]);
    }
    // What it starts in a Web Worker (the digit network trains there): fetched only when it starts.
    const workers = new Set<string>();
    for (const url of modules)
      for (const [, src] of read(url)
        .toString()
        .matchAll(/new Worker\(\s*new URL\(\s*["'`](\/_astro\/[^"'`]+\.js)["'`]/g))
        workers.add(src ?? '');
    for (const url of workers) {
      if (!existsSync(join(DIST, url))) continue;
      const tf = isTf(read(url).toString()) ? ', TensorFlow.js' : '';
      rows.push([page, `  then, in ${name}'s worker when it starts`, kb(gz(read(url))), `1 module${tf}`]);
    }
  }

  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(([, h]) => h ?? '');
  const cssText = css.map((u) => read(u).toString()).join('\n');
  const fonts = new Set([...cssText.matchAll(/url\((\/_astro\/[^)]+\.woff2)\)/g)].map(([, u]) => u ?? ''));
  const fontBytes = [...fonts].reduce((n, u) => n + read(u).length, 0);
  rows.push([page, 'CSS', kb(gz(cssText)), `${css.length} files`]);
  if (fonts.size)
    rows.push([page, 'fonts available (woff2, fetched only if used)', kb(fontBytes), `${fonts.size} files`]);
}

for (const name of existsSync(join(DIST, '_astro')) ? readdirSync(join(DIST, '_astro')) : []) {
  if (name.endsWith('.wasm')) {
    rows.push([
      '(any page with the playground)',
      `WASM binary ${name}`,
      kb(gz(read(`/_astro/${name}`))),
      'one is fetched: SIMD where supported',
    ]);
  }
}

const header = ['page', 'what', 'gzip', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
rows.forEach((r) => console.log(line(r)));
if (failures.length) {
  console.error(`\nOver budget:\n${failures.map((f) => `  ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `\nWithin budget: at most ${kb(EAGER_JS_BUDGET)} of JavaScript before a demo is near, and no TensorFlow.js.`,
);
