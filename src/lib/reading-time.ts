/**
 * Reading time of an MDX post: the words a reader reads, not the characters an author types.
 * A small scanner, not an MDX parser, so it runs anywhere (pages, feeds, scripts) with no
 * pipeline; tests/unit/lib/reading-time.test.ts checks it against a real remark-mdx parse.
 *
 * Counted: prose, text between JSX/HTML tags, link text, inline code, fenced code blocks.
 * Dropped: frontmatter, import/export blocks, the tags themselves with their attributes (alt,
 * caption), {expressions}, citation markers [@key, ch. 9], footnote references, images, link URLs,
 * HTML comments and entities, and Markdown punctuation (#, *, _, >, list markers).
 * Math: each inline $...$ counts as 1 word, each display $$...$$ block as 5 (a reader pauses on it).
 *
 * Time, not only words: a reader also spends time with the figures. The rule:
 *   minutes = words / 230 + 1 per interactive demo + 0.25 per display formula,
 * rounded, at least 1. Interactive demos are the tags in INTERACTIVE_DEMOS, in the prose or in a
 * ```mdx live example (which the site renders too); a demo inside an {/* MDX comment *\/} is not
 * on the page and does not count.
 */

/** A word is a whitespace-separated run holding at least one letter or digit ("26%", "3×3", "it's"). */
const WORDLIKE = /[\p{L}\p{N}]/u;
const DISPLAY_MATH_WORDS = 5;
export const WORDS_PER_MINUTE = 230;
export const MINUTES_PER_DEMO = 1;
export const MINUTES_PER_FORMULA = 0.25;
/** The demos a reader plays with (src/mdx); static figures are read like text. */
export const INTERACTIVE_DEMOS = [
  'ConvolutionStepper',
  'KernelPlayground',
  'FeatureMaps',
  'TextConvolution',
  'TextClassifier',
  'DigitNetwork',
] as const;
const DEMO_TAG = new RegExp(`<(?:${INTERACTIVE_DEMOS.join('|')})(?=[\\s/>]|$)`, 'g');

export interface ReadingTime {
  words: number;
  /** Interactive demos on the page. */
  demos: number;
  /** Display formulas ($$ … $$ blocks). */
  formulas: number;
  minutes: number;
}
const INLINE_MATH_WORDS = 1;

const countWords = (text: string): number => text.split(/\s+/).filter((w) => WORDLIKE.test(w)).length;

const FRONTMATTER = /^\uFEFF?---[ \t]*\n[\s\S]*?\n---[ \t]*(?:\n|$)/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const ESM = /^(?:import|export)(?=[\s{*])/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S/;
/** "1. " / "2) " list markers: digits, but not words. Also task-list boxes "- [x] ". */
const ORDERED_MARKER = /^(\s*(?:>\s*)*)\d+[.)](?=\s|$)/;
const TASK_BOX = /^(\s*(?:>\s*)*[-*+]\s+)\[[ xX]\](?=\s)/;
const ENTITY = /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;

export function readingTime(mdxBody: string, wordsPerMinute = WORDS_PER_MINUTE): ReadingTime {
  const { prose, codeWords, liveDemos } = splitBlocks(
    mdxBody.replace(/\r\n?/g, '\n').replace(FRONTMATTER, ''),
  );
  const { text, mathWords, demos, formulas } = scanInline(prose);
  const words = countWords(text) + codeWords + mathWords;
  const allDemos = demos + liveDemos;
  const minutes = words / wordsPerMinute + allDemos * MINUTES_PER_DEMO + formulas * MINUTES_PER_FORMULA;
  return { words, demos: allDemos, formulas, minutes: Math.max(1, Math.round(minutes)) };
}

/** Line by line: fenced code counted apart, ESM blocks and link definitions dropped, list markers cleaned. */
function splitBlocks(body: string): { prose: string; codeWords: number; liveDemos: number } {
  const prose: string[] = [];
  let codeWords = 0;
  let liveDemos = 0;
  let fence: { char: string; length: number; live: boolean } | undefined;
  let inEsm = false;
  let previousBlank = true;
  for (const line of body.split('\n')) {
    const blank = line.trim() === '';
    if (fence) {
      const close = FENCE.exec(line);
      const marker = close?.[1];
      if (marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
      } else {
        codeWords += countWords(line);
        if (fence.live) liveDemos += line.match(DEMO_TAG)?.length ?? 0;
      }
    } else if (inEsm) {
      inEsm = !blank;
    } else if (FENCE.test(line)) {
      const marker = FENCE.exec(line)?.[1] ?? '```';
      const live = /^\s*(`{3,}|~{3,})\s*mdx\s+live\b/.test(line);
      fence = { char: marker[0] ?? '`', length: marker.length, live };
      prose.push('');
    } else if (previousBlank && ESM.test(line)) {
      inEsm = true;
    } else if (LINK_DEFINITION.test(line)) {
      prose.push('');
    } else {
      prose.push(line.replace(ORDERED_MARKER, '$1').replace(TASK_BOX, '$1'));
    }
    previousBlank = blank;
  }
  return { prose: prose.join('\n'), codeWords, liveDemos };
}

/** Index of the `close` that balances the `open` at `from`, skipping quoted strings; -1 if none. */
function balanced(s: string, from: number, open: string, close: string, quotes: string): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (quotes !== '' && c === '/' && (s[i + 1] === '*' || s[i + 1] === '/')) {
      // A JS comment inside an expression: {/* it's a note */} has no string in it.
      const end = s[i + 1] === '*' ? s.indexOf('*/', i + 2) + 1 : s.indexOf('\n', i + 2);
      if (end <= 0) return -1;
      i = end;
    } else if (quotes.includes(c ?? '')) {
      quote = c ?? '';
    } else if (c === open) {
      depth++;
    } else if (c === close && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** The end (exclusive) of a JSX/HTML tag starting at `from`: quotes and {attribute expressions} skipped. */
function tagEnd(s: string, from: number): number {
  let quote = '';
  let depth = 0;
  for (let i = from + 1; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
    } else if (c === '>' && depth === 0) {
      return i + 1;
    }
  }
  return -1;
}

/** True when only whitespace (or blockquote markers) precede `index` on its line: a display math block. */
function startsLine(s: string, index: number): boolean {
  const lineStart = s.lastIndexOf('\n', index - 1) + 1;
  return /^[\s>]*$/.test(s.slice(lineStart, index));
}

/** Closing `$` of inline math opened at `from`, in the same paragraph; -1 if none. */
function inlineMathEnd(s: string, from: number): number {
  for (let i = from + 1; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '\n' && s[i + 1] === '\n') return -1;
    else if (c === '$') return i > from + 1 ? i : -1;
  }
  return -1;
}

/** Replaces markup by spaces and keeps the words a reader sees; math is counted, not kept. */
function scanInline(s: string): { text: string; mathWords: number; demos: number; formulas: number } {
  let out = '';
  let mathWords = 0;
  let demos = 0;
  let formulas = 0;
  let i = 0;
  const skipTo = (end: number) => {
    out += ' ';
    i = end;
  };
  while (i < s.length) {
    const c = s[i] ?? '';
    const next = s[i + 1] ?? '';
    if (c === '\\' && next !== '') {
      out += next === '\n' ? '\n' : next;
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(s.slice(i))?.[0] ?? '`';
      const close = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      close.lastIndex = i + run.length;
      const match = close.exec(s);
      if (match) {
        out += ` ${s.slice(i + run.length, match.index)} `;
        i = match.index + run.length;
      } else {
        out += run;
        i += run.length;
      }
      continue;
    }
    if (c === '$' && next === '$') {
      const close = s.indexOf('$$', i + 2);
      if (close !== -1) {
        const display = startsLine(s, i);
        mathWords += display ? DISPLAY_MATH_WORDS : INLINE_MATH_WORDS;
        if (display) formulas++;
        skipTo(close + 2);
        continue;
      }
    } else if (c === '$') {
      const close = inlineMathEnd(s, i);
      if (close !== -1) {
        mathWords += INLINE_MATH_WORDS;
        skipTo(close + 1);
        continue;
      }
    }
    if (c === '<') {
      if (s.startsWith('<!--', i)) {
        const close = s.indexOf('-->', i + 4);
        skipTo(close === -1 ? s.length : close + 3);
        continue;
      }
      if (/[A-Za-z/>]/.test(next)) {
        const end = tagEnd(s, i);
        if (end !== -1) {
          DEMO_TAG.lastIndex = 0;
          if (DEMO_TAG.exec(s.slice(i, end))?.index === 0) demos++;
          skipTo(end);
          continue;
        }
      }
    }
    if (c === '{') {
      const close = balanced(s, i, '{', '}', '"\'`');
      if (close !== -1) {
        skipTo(close + 1);
        continue;
      }
    }
    if (c === '&') {
      const entity = ENTITY.exec(s.slice(i, i + 12));
      if (entity) {
        skipTo(i + entity[0].length);
        continue;
      }
    }
    if ((c === '!' && next === '[') || c === '[') {
      const open = c === '!' ? i + 1 : i;
      const close = balanced(s, open, '[', ']', '');
      if (close !== -1) {
        const inner = s.slice(open + 1, close);
        let end = close + 1;
        if (s[end] === '(') {
          const paren = balanced(s, end, '(', ')', '');
          if (paren !== -1) end = paren + 1;
        } else if (s[end] === '[') {
          const label = balanced(s, end, '[', ']', '');
          if (label !== -1) end = label + 1;
        }
        const dropped = c === '!' || /^\s*[@^]/.test(inner);
        if (!dropped) {
          const link = scanInline(inner);
          out += ` ${link.text}`;
          mathWords += link.mathWords;
        }
        skipTo(end);
        continue;
      }
    }
    out += c;
    i++;
  }
  return { text: out, mathWords, demos, formulas };
}
