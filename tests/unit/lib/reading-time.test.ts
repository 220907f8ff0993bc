import type { Root } from 'mdast';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { readingTime } from '~/lib/reading-time';

const words = (mdx: string) => readingTime(mdx).words;

describe('readingTime: hand-counted snippets', () => {
  test.each([
    ['plain prose', 'One two three four.', 4],
    [
      'markdown syntax is not words',
      '## A heading\n\n**bold** and _em_ and `code`\n\n- item\n* other\n> quoted',
      10,
    ],
    ['ordered list numbers and task boxes are markers', '1. first\n2) second\n\n- [ ] todo\n- [x] done', 4],
    [
      'frontmatter dropped',
      '---\ntitle: "Ten words here do not count at all, none of them"\n---\nOnly these three.',
      3,
    ],
    [
      'import and export blocks dropped',
      "import { Figure } from '~/mdx';\nimport cover from './c.svg';\n\nexport const x = {\n  a: 1,\n};\n\nTwo words.",
      2,
    ],
    ['text between tags counts, tags do not', '<cite>Deep Learning</cite>[@goodfellow2016]', 2],
    [
      'attributes do not count',
      '<Figure src={cover} alt="five words of alt text" caption="three more words" />\n\nHello.',
      1,
    ],
    [
      'multi-line tag with braces and > in attributes',
      '<Demo\n  credit={{ text: "a > b", href: \'x\' }}\n  title="t"\n>\n\nInside text.\n\n</Demo>',
      2,
    ],
    ['expressions dropped, comments too', "Before {props.name} after {/* it's a note */} end.", 3],
    ['citations dropped, locators included', 'As shown [@goodfellow2016, ch. 9] and [@a; @b].', 3],
    ['footnote references dropped', 'A claim[^1] here.', 3],
    [
      'link text kept, URL dropped',
      'See [the guide](https://example.org/a-very-long-url "Title words") now.',
      4,
    ],
    [
      'reference links: text kept, label and definition dropped',
      'See [the guide][g] now.\n\n[g]: https://example.org',
      4,
    ],
    ['images dropped entirely', '![a picture of a cat](cat.png) Caption.', 1],
    ['inline math is one word each', 'For $x$ and $w(t - a)$ here.', 5],
    ['display math block is five words', 'Sum:\n\n$$\n\\sum_{a} x(a)\\, w(t - a)\n$$\n\nDone.', 7],
    ['inline $$..$$ in a sentence is one word', 'Inline $$x^2$$ math.', 3],
    ['a lone dollar is not math', 'It costs $5 today.', 4],
    ['escaped dollars are not math', 'From \\$5 to \\$10.', 4],
    [
      'fenced code counts its words, not the fence or language',
      'Code:\n\n```python\nfor i in range(3):\n    print(i)\n```\n\nEnd.',
      7,
    ],
    ['markup inside code is code', '```\n<b>{x}</b> $y$\n```', 2],
    ['inline code keeps its words, even with braces', 'Call `f({a: 1})` now.', 4],
    ['HTML comments and entities dropped', 'One <!-- hidden words here --> two&nbsp;three &amp; four.', 4],
    ['hyphenated, numbers and symbols', 'A grid-like 3×3 kernel, 26% better — really.', 7],
    ['nothing readable', '', 0],
  ])('%s', (_name, mdx, expected) => {
    expect(words(mdx)).toBe(expected);
  });

  test('minutes: words / 230, plus 1 per interactive demo and 0.25 per display formula, rounded, at least 1', () => {
    const prose = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(readingTime('')).toEqual({ words: 0, demos: 0, formulas: 0, minutes: 1 });
    expect(readingTime(prose(344)).minutes, '344 / 230 = 1.496').toBe(1);
    expect(readingTime(prose(345)).minutes, '345 / 230 = 1.5').toBe(2);
    expect(readingTime(prose(1150)).minutes).toBe(5);
    expect(readingTime(prose(1000), 100).minutes).toBe(10);
    // 230 words (1 min) + a stepper and a playground (2 min) + two display formulas (0.5 min): 3.5 -> 4.
    const withFigures = `${prose(230)}\n\n<ConvolutionStepper caption="a" />\n\n<KernelPlayground\n  preset="sobel-x"\n/>\n\n$$\nx\n$$\n\n$$\ny\n$$\n`;
    expect(readingTime(withFigures)).toMatchObject({ demos: 2, formulas: 2, minutes: 4 });
  });

  test('which figures count: demos in prose and in live examples; not static figures, code or comments', () => {
    const demos = (mdx: string) => readingTime(mdx).demos;
    expect(demos('<ConvolutionFigure />\n\n<Figure src={a} alt="b" />')).toBe(0);
    expect(demos('```mdx live\n<ConvolutionStepper\n  stride={2}\n/>\n```')).toBe(1);
    expect(demos('```mdx\n<KernelPlayground />\n```'), 'a code example that is not rendered').toBe(0);
    expect(demos('{/* FEATURE-MAPS: <FeatureMaps relu={true} /> */}'), 'a commented-out demo').toBe(0);
    expect(demos('<FeatureMaps relu={true} pool={{ mode: "max", size: 2 }} />')).toBe(1);
    expect(demos('<KernelPlaygroundHelp />'), 'another component whose name starts the same').toBe(0);
    expect(
      demos('<DigitNetwork caption="A 7" />\n\n<TextConvolution text="The cat" />'),
      'parts 3 and 4',
    ).toBe(2);
  });

  test('CRLF line endings read the same', () => {
    const mdx = '---\ntitle: x\n---\nimport a from "a";\n\nTwo words.\n\n$$\nx\n$$\n';
    expect(words(mdx.replace(/\n/g, '\r\n'))).toBe(words(mdx));
    expect(words(mdx)).toBe(7);
  });
});

/**
 * An independent count of the same thing from a real MDX parse (remark-parse + remark-mdx +
 * remark-math): text, inlineCode and code nodes are counted, ESM, expressions, images and JSX
 * attributes never reach a text node, citation markers are cut from text, and math nodes are
 * weighted as readingTime weighs them.
 */
function countFromAst(mdx: string): number {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(body) as Root;
  const count = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let total = 0;
  visit(tree, (node) => {
    if (node.type === 'image' || node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression') return SKIP;
    if (node.type === 'mdxTextExpression') return SKIP;
    // Citation markers are plain text to remark until remark-citations runs; in code they are code.
    if (node.type === 'text') total += count(node.value.replace(/\[@[^\]\n]+\]/g, ' '));
    if (node.type === 'inlineCode' || node.type === 'code') total += count(node.value);
    if (node.type === 'inlineMath') total += 1;
    if (node.type === 'math') total += 5;
    return undefined;
  });
  return total;
}

describe('readingTime: the seed post', () => {
  const seed = readFileSync('content/posts/understanding-convolutional-neural-networks/index.mdx', 'utf8');

  test('agrees with a count from a real MDX parse', () => {
    // Text nodes split words at inline markup (**convolution**, <cite>) the same way the
    // scanner does, so the two counts match exactly, not just roughly.
    expect(words(seed)).toBe(countFromAst(seed));
  });

  test('is in the range a hand count gives, and reads in about 5 minutes with its figures', () => {
    // Hand check: each prose paragraph cut out with sed, <cite> tags and [@...] markers removed,
    // each $...$ replaced by one letter, then `wc -w`, and the tokens with no letter or digit
    // subtracted (a ":" after a citation, the "##"):
    //   opening paragraph (with its <cite> title)          148
    //   second paragraph (with its <cite> title)           124
    //   first EditorNote, 5 paragraphs, 19 inline formulas 22 + 19 + 28 + 33 + 22 = 124
    //   second EditorNote                                   61
    //   "## References"                                      1
    //   4 display formulas x 5                              20   -> 478
    // Not counted: attribute text (the Figure's alt/caption/credit, the demos' captions and credits,
    // the EditorNote titles: 132 words by grep + wc -w), which would make it 610.
    // 478 words at 230 a minute (2.08) + 2 demos (2) + 4 display formulas (1): 5 minutes.
    const { words: n, minutes } = readingTime(seed);
    expect(n).toBeGreaterThan(420);
    expect(n).toBeLessThan(520);
    expect(minutes).toBe(5);
    expect(n).toMatchInlineSnapshot(`478`);
  });
});

test.each(readdirSync('content/posts').filter((f) => existsSync(`content/posts/${f}/index.mdx`)))(
  'readingTime of content/posts/%s is within 2%% of a real MDX parse',
  (folder) => {
    // Today every post agrees exactly (the guide, with tables, code and live examples: 1253 both ways);
    // the tolerance only lets a future post use a construct the two read slightly differently.
    const mdx = readFileSync(`content/posts/${folder}/index.mdx`, 'utf8');
    const expected = countFromAst(mdx);
    expect(Math.abs(words(mdx) - expected)).toBeLessThanOrEqual(Math.ceil(expected * 0.02));
  },
);
