/**
 * Jekyll habits in an MDX post: the sentence an author reads when the build stops (file, line,
 * what it is, what to write instead), every habit of a file at once, and warnings for what builds
 * but shows wrong.
 */
import { describe, expect, test } from 'vitest';
import { findHabits, formatHabits } from '~/lib/mdx-habits';

const FRONT = '---\ntitle: T\ndate: 2020-01-01\nexcerpt: E\n---\n\n';
/** The build error for a post whose body is `body` (its first line is line 7). */
const error = (body: string) => {
  const report = findHabits(FRONT + body);
  return report.errors.length > 0
    ? formatHabits('posts/p/index.mdx', report.errors, report.parseError)
    : undefined;
};

describe('habits MDX cannot read fail the build with a sentence', () => {
  test('a kramdown attribute list and {:toc}', () => {
    expect(error('A paragraph.\n{: .lead}\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:8: a kramdown attribute list, {: …}: MDX reads "{" as the start of JavaScript; remove it (to style a block, wrap it in <div class="…">)."`,
    );
    expect(error('* TOC\n{:toc}\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:8: a kramdown table of contents, {:toc}: remove it and its "* TOC" line (posts with three or more sections get a table of contents)."`,
    );
  });

  test('Liquid tags and output', () => {
    expect(error('{% highlight python %}\nx = 1\n{% endhighlight %}\n')).toMatchInlineSnapshot(`
      "2 problems MDX cannot read in posts/p/index.mdx (habits from Jekyll and kramdown):
      posts/p/index.mdx:7: a Liquid {% highlight %} block: write a fenced code block, \`\`\`python … \`\`\`, instead.
      posts/p/index.mdx:9: a Liquid tag, {% … %}: MDX has no Liquid; write the text or address it made."
    `);
    expect(error('See [it]({% post_url 2016-01-02-max-pooling %}).\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: a Liquid {% post_url %} tag: write the post’s address instead, /max-pooling/."`,
    );
    expect(error('![A]({{ site.baseurl }}/assets/a.png)\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: Liquid {{ site.baseurl }}: remove it (addresses on this site start at /)."`,
    );
    expect(error('{% include figure.html %}\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: a Liquid {% include %} tag: MDX has no includes; write what it showed, or use a component from ~/mdx."`,
    );
  });

  test('a "<" or a "{" in a sentence, an HTML comment, an indented code block', () => {
    expect(error('Jekyll <3 kernels.\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: a "<" in a sentence: MDX reads "<" as the start of a tag; write \\< (or &lt;)."`,
    );
    expect(error('A set {a b} of two.\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: a "{" in a sentence: MDX reads it as the start of JavaScript; write \\{ and \\}."`,
    );
    expect(error('<!--more-->\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: an HTML comment, <!-- … -->: MDX does not read them; write {/* … */} or remove it."`,
    );
    expect(error('Code:\n\n    if (a < b) { swap(a, b); }\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:9: an indented code block: MDX has no indented code (its lines are read as text, JSX and JavaScript); put \`\`\` lines above and below it instead."`,
    );
  });

  test('MathJax delimiters fail even though MDX reads them (they would show as text)', () => {
    expect(error('The kernel \\\\( G\\_x \\\\) is small.\n')).toMatchInlineSnapshot(
      `"posts/p/index.mdx:7: MathJax delimiters, \\\\( … \\\\) or \\\\[ … \\\\]: write $…$ for inline math and $$ on lines of their own for display, without kramdown’s escapes (\\_ is _)."`,
    );
  });

  test('every habit of the file is named in the one error, in line order', () => {
    const message = error('Intro <3.\n\nA {: .x}\n\nSee \\\\( a \\\\).\n\nUse {{ page.title }}.\n') ?? '';
    expect(message.split('\n').map((line) => line.replace(/:( .*)?$/, ''))).toEqual([
      '4 problems MDX cannot read in posts/p/index.mdx (habits from Jekyll and kramdown)',
      'posts/p/index.mdx:7',
      'posts/p/index.mdx:9',
      'posts/p/index.mdx:11',
      'posts/p/index.mdx:13',
    ]);
  });

  test('MDX’s own message is kept when no habit explains the failing line', () => {
    const report = findHabits(`${FRONT}<div>\n\nNot closed.\n`);
    expect(report.errors).toEqual([]);
    expect(report.parseError).toEqual({ line: 7, message: 'Expected a closing tag for `<div>` (7:1-7:6)' });
    expect(formatHabits('p.mdx', report.errors, report.parseError)).toBe(
      'p.mdx:7: MDX could not read this line: Expected a closing tag for `<div>` (7:1-7:6)',
    );
  });

  test('an import of a file beside the post that is not there, by the line of the import', () => {
    const body =
      "import { Figure } from '~/mdx';\nimport a from './here.png';\nimport b from '../gone.svg';\n\n<Figure src={a} />\n";
    const asked: string[] = [];
    const report = findHabits(FRONT + body, (path) => {
      asked.push(path);
      return path === './here.png';
    });
    // '~/mdx' is not a file beside the post: only the two relative paths are looked up.
    expect(asked).toEqual(['./here.png', '../gone.svg']);
    expect(report.errors).toEqual([
      {
        line: 9,
        message:
          "an import of '../gone.svg', which is not there: put the file beside the post, or correct the path (it is read from the post's folder)",
      },
    ]);
    // Without a way to look, nothing is reported (the pure checks stay pure).
    expect(findHabits(FRONT + body).errors).toEqual([]);
  });
});

describe('what builds but shows wrong is a warning; correct MDX is quiet', () => {
  test('a one-line $$ paragraph and an indented block', () => {
    const report = findHabits(`${FRONT}$$ x^2 $$\n\nWords.\n\n    four spaces in\n`);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toMatchInlineSnapshot(`
      [
        {
          "line": 7,
          "message": "a one-line $$ … $$ paragraph renders as inline math here (kramdown showed it as display): put each $$ on a line of its own",
        },
        {
          "line": 11,
          "message": "an indented block: MDX has no indented code, so these lines show as one paragraph; if it is code, put \`\`\` lines above and below it",
        },
      ]
    `);
  });

  test('the site’s idioms are not habits: JSX props with {{ }}, math, code, escapes, lists', () => {
    const body = [
      "import { Figure } from '~/mdx';",
      '',
      '<Figure credit={{ text: "x" }} />',
      '',
      'Inline $\\frac{1}{2}$ and a \\{ brace \\}, and `{{ liquid }}` in code.',
      '',
      '$$',
      'a_{ij}',
      '$$',
      '',
      '- a list',
      '    continued',
      '',
      '```liquid',
      '{% raw %}{{ x }}{% endraw %} \\\\( kept \\\\)',
      '```',
    ].join('\n');
    expect(findHabits(FRONT + body)).toEqual({ errors: [], warnings: [] });
  });
});
