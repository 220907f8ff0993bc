import { rehypeKatex } from '~/lib/rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { feedHtml } from '~/lib/feed-html';
import { rehypeMathScroll } from '~/lib/rehype-math-scroll';

const render = (markdown: string): string =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex)
      .use(rehypeMathScroll)
      .use(rehypeStringify)
      .processSync(markdown),
  );

test('rehype-math-scroll: each display formula sits in one focusable, named scroll box; inline math does not', () => {
  const html = render('Inline $x^2$ here.\n\n$$\na + b\n$$\n\nThen\n\n$$\n\\sum_m c\n$$\n');
  const boxes = [
    ...html.matchAll(
      /<span class="math-scroll" tabindex="0" role="group" aria-label="([^"]+)"><span class="katex-display">/g,
    ),
  ];
  expect(boxes).toHaveLength(2);
  expect(boxes[0]?.[1]).toMatch(/^Formula/);
  expect(html.match(/class="katex-display"/g)).toHaveLength(2);
  expect(html.match(/class="katex"/g), 'two display and one inline formula').toHaveLength(3);
  expect(html.indexOf('math-scroll'), 'the inline formula is not wrapped').toBeGreaterThan(
    html.indexOf('x^2'),
  );
});

test('feedHtml: the scroll box is unwrapped, the feed keeps only the MathML', () => {
  const out = feedHtml(render('$$\na + b\n$$\n'), new URL('https://example.org/p/'));
  expect(out).not.toContain('math-scroll');
  expect(out).not.toContain('tabindex');
  expect(out).not.toContain('aria-label');
  expect(out.startsWith('<math')).toBe(true);
  expect(out).toContain('<annotation encoding="application/x-tex">a + b</annotation>');
});

test('feedHtml: what the page marks data-feed="omit" is left out of the feed', () => {
  const out = feedHtml(
    '<figure><svg class="wide"><text>A</text></svg><svg class="narrow" data-feed="omit"><text>B</text></svg></figure>',
    new URL('https://example.org/p/'),
  );
  expect(out).toBe('<figure><svg class="wide"><text>A</text></svg></figure>');
});
