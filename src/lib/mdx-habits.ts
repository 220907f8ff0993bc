/**
 * Jekyll habits in an MDX post, named in words. MDX reads `{` as JavaScript and `<` as JSX, so
 * kramdown's `{: .class}`, Liquid's `{% … %}` and `{{ … }}`, a "<3" in a sentence or an HTML
 * comment stop the build with "Could not parse expression with acorn" and a position. Other habits
 * build and are wrong on the page: MathJax's `\\( … \\)` shows as text, an indented code block
 * becomes a run-on paragraph, a one-line `$$ … $$` paragraph renders inline. Pure: the Vite plugin
 * in src/lib/vite-mdx-habits.ts reads the file and throws or warns with these sentences.
 */
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface Habit {
  line: number;
  /** What it is, and what to write instead. */
  message: string;
}

const LIQUID_TAG: [RegExp, string][] = [
  [
    /\{%-?\s*highlight\s+(\w*)/,
    'a Liquid {% highlight %} block: write a fenced code block, ```$1 … ```, instead',
  ],
  [
    /\{%-?\s*(end)?raw\b/,
    'a Liquid {% raw %} tag: remove it (MDX has no Liquid; inside code braces are fine, in text write \\{ and \\})',
  ],
  [
    /\{%-?\s*post_url\s+\d{4}-\d\d-\d\d-([\w-]+)/,
    'a Liquid {% post_url %} tag: write the post’s address instead, /$1/',
  ],
  [
    /\{%-?\s*include\b/,
    'a Liquid {% include %} tag: MDX has no includes; write what it showed, or use a component from ~/mdx',
  ],
];

/** The habit on one line of source, when it has one MDX cannot read. */
export function lineHabit(text: string): string | undefined {
  if (/\{:\s*toc\s*\}/.test(text)) {
    return 'a kramdown table of contents, {:toc}: remove it and its "* TOC" line (posts with three or more sections get a table of contents)';
  }
  if (/\{:[^}]*\}/.test(text)) {
    return 'a kramdown attribute list, {: …}: MDX reads "{" as the start of JavaScript; remove it (to style a block, wrap it in <div class="…">)';
  }
  if (/\{%/.test(text)) {
    for (const [pattern, message] of LIQUID_TAG) {
      const match = pattern.exec(text);
      if (match) return message.replace('$1', match[1] ?? '');
    }
    return 'a Liquid tag, {% … %}: MDX has no Liquid; write the text or address it made';
  }
  if (/(^|[^=])\{\{/.test(text)) {
    return /\{\{\s*site\.(baseurl|url)/.test(text)
      ? 'Liquid {{ site.baseurl }}: remove it (addresses on this site start at /)'
      : 'Liquid output, {{ … }}: MDX has no Liquid; write the value itself (for braces in text, \\{ and \\})';
  }
  if (/\\\\[([]/.test(text)) return mathjaxMessage;
  if (/<[\d=-]/.test(text)) return lessThanMessage;
  if (/<!--/.test(text))
    return 'an HTML comment, <!-- … -->: MDX does not read them; write {/* … */} or remove it';
  return undefined;
}

const lessThanMessage = 'a "<" in a sentence: MDX reads "<" as the start of a tag; write \\< (or &lt;)';

const mathjaxMessage =
  'MathJax delimiters, \\\\( … \\\\) or \\\\[ … \\\\]: write $…$ for inline math and $$ on lines of their own for display, without kramdown’s escapes (\\_ is _)';

/** When MDX failed on this line: what in it is the likely cause. */
function failedLineHabit(text: string, previous: string | undefined): string | undefined {
  const habit = lineHabit(text);
  if (habit) return habit;
  if (/^( {4}|\t)\S/.test(text) && (previous === undefined || previous.trim() === '')) {
    return 'an indented code block: MDX has no indented code (its lines are read as text, JSX and JavaScript); put ``` lines above and below it instead';
  }
  if (/<(?![A-Za-z/!])|\S<[A-Za-z]/.test(text)) {
    return lessThanMessage;
  }
  if (/\{/.test(text))
    return 'a "{" in a sentence: MDX reads it as the start of JavaScript; write \\{ and \\}';
  return undefined;
}

/** The body of an .mdx file with its frontmatter blanked out, so line numbers stay the file's. */
export function blankFrontmatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(source);
  return match ? match[0].replace(/[^\n]/g, '') + source.slice(match[0].length) : source;
}

/** Lines outside fenced code, with their numbers (1-based). */
function proseLines(source: string): { line: number; text: string; previous?: string }[] {
  const out: { line: number; text: string; previous?: string }[] = [];
  let fence = '';
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = '';
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    const previous = lines[index - 1];
    out.push({
      line: index + 1,
      text: text.replace(/`[^`]*`/g, ''),
      ...(previous === undefined ? {} : { previous }),
    });
  });
  return out;
}

export interface HabitReport {
  /** Habits that fail the build (MDX cannot read them, or they show wrong). */
  errors: Habit[];
  /** Habits that build but probably not as meant. */
  warnings: Habit[];
  /** MDX's own message when it could not parse the file and no habit explains it. */
  parseError?: { line: number; message: string };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

/**
 * Relative imports (`import pic from './figure.png'`) whose file is not there, by the line of the
 * import. `exists` answers for a path as written, relative to the post; a path without an extension
 * is left to Vite, which resolves those.
 */
function missingImports(tree: Root, exists: (path: string) => boolean): Habit[] {
  const out: Habit[] = [];
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm') continue;
    const start = node.position?.start.line ?? 1;
    node.value.split('\n').forEach((text, offset) => {
      for (const [, path] of text.matchAll(/(?:\bfrom|^\s*import)\s*['"](\.\.?\/[^'"]+\.\w+)['"]/g)) {
        if (path && !exists(path)) {
          out.push({
            line: start + offset,
            message: `an import of '${path}', which is not there: put the file beside the post, or correct the path (it is read from the post's folder)`,
          });
        }
      }
    });
  }
  return out;
}

/**
 * Every habit in one MDX file (its whole text, frontmatter included). With `exists`, relative
 * imports of files that are not there are errors too.
 */
export function findHabits(file: string, exists?: (path: string) => boolean): HabitReport {
  const source = blankFrontmatter(file.replace(/\r\n?/g, '\n'));
  const lines = proseLines(source);
  let tree: Root;
  try {
    tree = parser.parse(source);
  } catch (error) {
    const { line: at, message: said } = error as { line?: number; message: string };
    const line = at ?? Number(/\((\d+):\d+/.exec(said)?.[1] ?? 1);
    const errors: Habit[] = [];
    for (const entry of lines) {
      const message =
        entry.line === line ? failedLineHabit(entry.text, entry.previous) : lineHabit(entry.text);
      if (message) errors.push({ line: entry.line, message });
    }
    if (errors.length === 0 || !errors.some((e) => e.line === line)) {
      const reason = said.replace(/^\d+:\d+: /, '');
      return { errors, warnings: [], parseError: { line, message: reason } };
    }
    return { errors, warnings: [] };
  }
  const errors: Habit[] = exists ? missingImports(tree, exists) : [];
  const warnings: Habit[] = [];
  visit(tree, 'text', (node) => {
    if (/\\[([][\s\S]*?\\[)\]]/.test(node.value))
      errors.push({ line: node.position?.start.line ?? 1, message: mathjaxMessage });
  });
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const line = node.position?.start.line ?? 1;
    const first = source.split('\n')[line - 1] ?? '';
    if (/^( {4}|\t)/.test(first)) {
      warnings.push({
        line,
        message:
          'an indented block: MDX has no indented code, so these lines show as one paragraph; if it is code, put ``` lines above and below it',
      });
    }
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type === 'inlineMath' && /^\s*\$\$/.test(first)) {
      warnings.push({
        line,
        message:
          'a one-line $$ … $$ paragraph renders as inline math here (kramdown showed it as display): put each $$ on a line of its own',
      });
    }
  }
  return { errors: errors.sort((a, b) => a.line - b.line), warnings };
}

/** The build error: every habit of the file, one per line, "path:line: what, and what to write". */
export function formatHabits(
  path: string,
  habits: readonly Habit[],
  parseError?: HabitReport['parseError'],
): string {
  const lines = habits.map((h) => `${path}:${h.line}: ${h.message}.`);
  if (parseError)
    lines.push(`${path}:${parseError.line}: MDX could not read this line: ${parseError.message}`);
  const count = lines.length;
  const head =
    count === 1 ? '' : `${count} problems MDX cannot read in ${path} (habits from Jekyll and kramdown):\n`;
  return head + lines.join('\n');
}
