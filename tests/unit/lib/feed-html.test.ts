import katex from 'katex';
import { expect, test } from 'vitest';
import { feedHtml } from '~/lib/feed-html';

const page = new URL('https://example.org/a-post/');

test('feedHtml: a KaTeX formula becomes its MathML, with the TeX kept as an annotation', () => {
  const inline = katex.renderToString('x^2', { output: 'htmlAndMathml' });
  const display = katex.renderToString('\\frac{a}{b}', { output: 'htmlAndMathml', displayMode: true });
  const out = feedHtml(`<p>Let ${inline} be.</p>${display}`, page);
  expect(out).not.toContain('katex');
  expect(out.match(/<math /g)).toHaveLength(2);
  expect(out).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  expect(out).toContain('display="block"');
  expect(out.startsWith('<p>Let <math')).toBe(true);
});

test('feedHtml: citation cards and scripts go, the marker stays as an absolute link', () => {
  const html =
    '<p>Text<sup><a href="#ref-a" aria-describedby="card-1" data-x="1">1</a>' +
    '<span class="cite-card" id="card-1" role="tooltip">Long reference</span></sup></p>' +
    '<script>alert(1)</script><style>p{}</style><p style="color:red" onclick="x()">After</p>';
  expect(feedHtml(html, page)).toBe(
    '<p>Text<sup><a href="https://example.org/a-post/#ref-a">1</a></sup></p><p>After</p>',
  );
});

test('feedHtml: relative, root-relative and srcset addresses become absolute; others stay', () => {
  const html =
    '<a href="../other/">o</a><a href="https://elsewhere.net/x">e</a><a href="mailto:a@b.c">m</a>' +
    '<img src="/_astro/cover.svg" srcset="/a.png 1x, b.png 2x" alt="c">';
  expect(feedHtml(html, page)).toBe(
    '<a href="https://example.org/other/">o</a><a href="https://elsewhere.net/x">e</a>' +
      '<a href="mailto:a@b.c">m</a>' +
      '<img src="https://example.org/_astro/cover.svg" srcset="https://example.org/a.png 1x, https://example.org/a-post/b.png 2x" alt="c">',
  );
});
