/**
 * One Jekyll post → one MDX post: frontmatter, then blocks (code, math, paragraphs), then the
 * inline pass over each paragraph. Pure: the caller says which site files exist and copies the
 * pictures this returns.
 */
import { splitBlocks, showBraces, type Item } from './blocks.ts';
import { convertFrontmatter, fileNameParts, formatFrontmatter, splitFrontmatter } from './frontmatter.ts';
import { resolveImage, ImageNames } from './images.ts';
import { convertInline } from './inline.ts';
import {
  headerId,
  isAbbreviation,
  isAttributeLine,
  isDefinition,
  isIndented,
  isListItem,
  isTocLine,
  isTocMarker,
  outdent,
} from './kramdown.ts';
import { displayMath, displayParagraph } from './mathjax.ts';
import { Findings } from './report.ts';

export interface ConvertInput {
  /** The Jekyll file's text. */
  source: string;
  /** Its name (for the date and slug): "2016-03-02-my-post.md". */
  fileName: string;
  /** Its folder inside the Jekyll site, "_posts": relative pictures resolve from there. */
  postDir?: string;
  /** Whether a file exists in the Jekyll site (a path relative to its root). */
  exists?: (sitePath: string) => boolean;
  /** The site's excerpt_separator (_config.yml), when the post sets none. */
  excerptSeparator?: string;
}

export interface ConvertOutput {
  /** The post's folder: "2016-03-02-my-post". */
  folder: string;
  /** The post's index.mdx. */
  mdx: string;
  /** Pictures to copy beside it: from the site path to the new name. */
  images: { sitePath: string; name: string }[];
  findings: Findings;
}

const CSP_IMAGE =
  'the site’s security policy shows pictures from this site only, so readers see nothing there';

export function convertPost(input: ConvertInput): ConvertOutput {
  const findings = new Findings();
  const { yaml, body, bodyLine } = splitFrontmatter(input.source);
  const fm = convertFrontmatter(yaml, input.fileName, findings);
  const separator = fm.excerptSeparator ?? input.excerptSeparator ?? '<!--more-->';
  const items = splitBlocks(body, bodyLine, findings, { separator });

  const names = new ImageNames();
  const imports = new Map<string, string>();
  const math = { used: false };
  const image = (url: string, line: number, html: boolean): string | undefined => {
    const target = resolveImage(url, input.postDir ?? '_posts');
    if (target.kind === 'external') {
      findings.need(
        line,
        `picture from another site: ${url} (${CSP_IMAGE})`,
        'download it into the post’s folder and link it as ./name.png, or add its host to EMBED_HOSTS in src/consts.ts (the build fails until one is done)',
      );
      return undefined;
    }
    if (target.kind !== 'local') return undefined;
    if (input.exists && !input.exists(target.sitePath)) {
      findings.need(
        line,
        `picture ${url} not found in the Jekyll site (${target.sitePath})`,
        'copy it into the post’s folder and link it as ./name.png',
      );
      return undefined;
    }
    const name = names.name(target.sitePath, target.name);
    findings.did('picture copied beside the post');
    if (!html) return `./${name}`;
    let id = imports.get(name);
    if (id === undefined) {
      id = `picture${imports.size + 1}`;
      imports.set(name, id);
    }
    return `{${id}.src}`;
  };
  const ctx = { findings, image, math };

  const blocks: string[] = [];
  /** Plain paragraphs, in order, with whether each came before the excerpt separator. */
  const paragraphs: { text: string; beforeMore: boolean }[] = [];
  let beforeMore = true;
  let sawMore = false;
  let listContext = false;
  let previousCode: { lines: string[] } | undefined;
  let group: Extract<Item, { kind: 'text' }>[] = [];

  const flush = () => {
    const lines = group;
    group = [];
    if (lines.length === 0) return;
    const anchors: string[] = [];
    const kept: typeof lines = [];
    for (const entry of lines) {
      if (isTocLine(entry.text)) {
        if (kept.length > 0 && isTocMarker(kept.at(-1)?.text ?? '')) kept.pop();
        findings.did('kramdown {:toc} removed (posts with three or more sections get a table of contents)');
        continue;
      }
      if (isAttributeLine(entry.text)) {
        const id = /#([\w-]+)/.exec(entry.text)?.[1];
        if (id) anchors.push(`<a id="${id}"></a>`);
        findings.did('kramdown attribute list removed');
        continue;
      }
      if (isAbbreviation(entry.text)) {
        findings.need(
          entry.line,
          `kramdown abbreviation ${entry.text.trim()} removed (MDX has no abbreviations)`,
          'spell the term out where it first appears, or write <abbr title="…">…</abbr>',
        );
        continue;
      }
      if (isDefinition(entry.text)) {
        findings.need(
          entry.line,
          'kramdown definition list: MDX shows it as a plain paragraph',
          'write it as **Term**: definition, or as a list',
        );
      }
      const header = headerId(entry.text);
      if (header) {
        anchors.push(`<a id="${header.id}"></a>`);
        findings.did('kramdown header id {#id} → an anchor before the heading');
        kept.push({ ...entry, text: header.heading });
        continue;
      }
      kept.push(entry);
    }
    if (anchors.length > 0) {
      blocks.push(anchors.join('\n'));
      previousCode = undefined;
    }
    if (kept.length === 0) return;
    const first = kept[0]?.text ?? '';
    if (!listContext && kept.every((entry) => isIndented(entry.text))) {
      const code = kept.map((entry) => showBraces(outdent(entry.text)));
      if (previousCode) previousCode.lines.push('', ...code);
      else {
        previousCode = { lines: code };
        blocks.push('');
        const at = blocks.length - 1;
        const holder = previousCode;
        // Filled in at the end, when every indented paragraph of the block has been read.
        finishers.push(() => (blocks[at] = fenced('', holder.lines)));
        findings.did('indented code → fenced code block (MDX has no indented code)');
      }
      return;
    }
    previousCode = undefined;
    if (isListItem(first)) listContext = true;
    else if (!/^\s/.test(first)) listContext = false;
    const joined = kept.map((entry) => entry.text).join('\n');
    const display = displayParagraph(joined);
    if (display !== undefined) {
      math.used = true;
      findings.did(
        joined.trim().startsWith('$$')
          ? 'one-line $$ paragraph → display math'
          : 'MathJax \\\\[ \\\\] → $$ display $$',
      );
      blocks.push(displayMath(showBraces(display)));
      return;
    }
    const text = convertInline(joined, kept[0]?.line ?? 1, ctx);
    blocks.push(text);
    paragraphs.push({ text, beforeMore });
  };
  const finishers: (() => void)[] = [];

  for (const item of items) {
    if (item.kind === 'text') {
      group.push(item);
      continue;
    }
    flush();
    if (item.kind === 'more') {
      beforeMore = false;
      sawMore = true;
    } else if (item.kind === 'code') {
      previousCode = undefined;
      blocks.push(item.indent + fenced(item.lang, item.lines).replace(/\n/g, `\n${item.indent}`));
    }
  }
  flush();
  for (const finish of finishers) finish();

  fm.math = math.used || fm.mathjax;
  if (fm.excerpt === undefined) {
    const prose = paragraphs.filter((p) => isProse(p.text));
    const chosen = sawMore ? prose.filter((p) => p.beforeMore) : prose.slice(0, 1);
    fm.excerpt = excerptOf(chosen.map((p) => p.text).join(' '));
    findings.did(
      sawMore
        ? 'excerpt taken from the text before the excerpt separator'
        : 'excerpt taken from the first paragraph',
    );
    if (fm.excerpt === '') {
      fm.excerpt = fm.title;
      findings.need(
        1,
        'no excerpt, and no paragraph to take one from',
        'write one or two sentences as excerpt: in the frontmatter',
      );
    }
  }
  const header = formatFrontmatter(fm);
  const importLines = [...imports].map(([name, id]) => `import ${id} from './${name}';`);
  const parts = [
    header,
    ...(importLines.length > 0 ? [importLines.join('\n')] : []),
    ...blocks.filter((b) => b.trim() !== ''),
  ];
  const { date, slug } = fileNameParts(input.fileName);
  const day = /^\d{4}-\d{2}-\d{2}/.exec(fm.date)?.[0] ?? date;
  return {
    folder: day ? `${day}-${slug}` : slug,
    mdx: `${parts.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`,
    images: [...names.byPath].map(([sitePath, name]) => ({ sitePath, name })),
    findings,
  };
}

function fenced(lang: string, lines: string[]): string {
  const longest = Math.max(2, ...lines.map((l) => /^\s*(`+)/.exec(l)?.[1]?.length ?? 0));
  const fence = '`'.repeat(longest + 1);
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  return `${fence}${lang}\n${lines.map(showBraces).join('\n')}\n${fence}`;
}

/** A paragraph of words, not a heading, list, quote, table, picture or tag on its own. */
const isProse = (text: string): boolean =>
  !/^\s*(#|[-*+] |\d+\. |>|\||!\[|<|\[[^\]]+\]:|\$\$)/.test(text) && plain(text).length > 0;

/** Markdown → the words a reader sees (for the excerpt). */
export function plain(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most about 300 characters, cut at the end of a sentence where there is one. */
export function excerptOf(markdown: string): string {
  const text = plain(markdown);
  if (text.length <= 300) return text;
  const cut = text.slice(0, 300);
  const sentence = cut.search(/[.!?](?=\s)[^.!?]*$/);
  if (sentence > 80) return cut.slice(0, sentence + 1);
  return `${cut.replace(/\s+\S*$/, '')}…`;
}
