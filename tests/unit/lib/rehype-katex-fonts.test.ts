import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Root } from 'hast';
import { rehypeKatex } from '~/lib/rehype-katex';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import {
  CLASS_FONTS,
  KATEX_FACES,
  KATEX_FONTS,
  fontFile,
  katexFontsOf,
  rehypeKatexFonts,
} from '~/lib/rehype-katex-fonts';

const katexDist = dirname(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'));

const fontsOf = (markdown: string): string[] => {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatex);
  return katexFontsOf(processor.runSync(processor.parse(markdown)) as Root);
};

describe('which KaTeX fonts a post draws with (worked from what KaTeX prints)', () => {
  test('a letter is drawn in Math italic; digits and operators in Main', () => {
    expect(fontsOf('$x$')).toEqual(['Math-Italic']);
    expect(fontsOf('$1 + 2$')).toEqual(['Main-Regular']);
    expect(fontsOf('$x = 1$')).toEqual(['Main-Regular', 'Math-Italic']);
  });

  test('a sum is the small operator inline (Size1) and the large one on its own line (Size2)', () => {
    expect(fontsOf('$\\sum_i 1$')).toEqual(['Main-Regular', 'Math-Italic', 'Size1-Regular']);
    expect(fontsOf('$$\n\\sum_i 1\n$$')).toEqual(['Main-Regular', 'Math-Italic', 'Size2-Regular']);
  });

  test('font commands pick their faces: blackboard, bold, bold italic, calligraphic, upright text', () => {
    expect(fontsOf('$\\mathbb{R}$')).toEqual(['AMS-Regular']);
    expect(fontsOf('$\\mathbf{W}$')).toEqual(['Main-Bold']);
    expect(fontsOf('$\\boldsymbol{x}$')).toEqual(['Math-BoldItalic']);
    expect(fontsOf('$\\mathcal{L}$')).toEqual(['Caligraphic-Regular']);
    expect(fontsOf('$\\text{ReLU}$')).toEqual(['Main-Regular']);
    expect(fontsOf('$\\textit{ReLU}$')).toEqual(['Main-Italic']);
  });

  test('a tall bracket takes a Size face; the hidden MathML copy and plain prose take none', () => {
    // \big, \Big, \bigg and \Bigg are TeX's four fixed sizes: Size1 to Size4.
    expect(fontsOf('$\\Big( x$')).toEqual(['Math-Italic', 'Size2-Regular']);
    expect(fontsOf('$\\Bigg( x$')).toEqual(['Math-Italic', 'Size4-Regular']);
    expect(fontsOf('No formulas here, only $ signs kept as text.')).toEqual([]);
  });

  test('the plugin leaves the list in the post’s remark-plugin frontmatter, for the layout', () => {
    const file = new VFile('$x$');
    const processor = unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex)
      .use(rehypeKatexFonts);
    processor.runSync(processor.parse(file), file);
    const data = file.data as { astro: { frontmatter: Record<string, unknown> } };
    expect(data.astro.frontmatter[KATEX_FONTS]).toEqual(['Math-Italic']);
  });
});

describe('fontFile: the face a browser falls back to when a family lacks the style asked for', () => {
  test('exact faces, and the nearest where KaTeX ships none', () => {
    expect(fontFile({ family: 'Main', italic: true, bold: true })).toBe('Main-BoldItalic');
    // KaTeX_Math has italic faces only: an upright request still gets the italic file.
    expect(fontFile({ family: 'Math', italic: false, bold: false })).toBe('Math-Italic');
    // AMS has one face: bold is synthesised from it.
    expect(fontFile({ family: 'AMS', italic: false, bold: true })).toBe('AMS-Regular');
    expect(fontFile({ family: 'SansSerif', italic: true, bold: true })).toBe('SansSerif-Italic');
  });
});

describe('the tables agree with the installed KaTeX', () => {
  test('KATEX_FACES is exactly the woff2 files katex/dist/fonts ships', () => {
    const files = readdirSync(join(katexDist, 'fonts'))
      .filter((f) => f.endsWith('.woff2'))
      .map((f) => f.replace(/^KaTeX_/, '').replace(/\.woff2$/, ''));
    expect(new Set(files)).toEqual(KATEX_FACES);
  });

  test('every katex.css rule that sets a family, style or weight under .katex is in CLASS_FONTS', () => {
    const css = readFileSync(join(katexDist, 'katex.min.css'), 'utf8');
    const expected: string[] = [];
    for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const family = /font-family:KaTeX_(\w+)/.exec(body!)?.[1];
      const style = /font-style:(\w+)/.exec(body!)?.[1];
      const weight = /font-weight:(\w+)/.exec(body!)?.[1];
      if (!family && !style && !weight) continue;
      for (const selector of selectors!.split(',')) {
        // Rules for the root (.katex itself) and for other elements are outside these tables.
        const match = /^\.katex \.([\w.-]+)(?: \.([\w-]+)>span)?$/.exec(selector.trim());
        if (!match) continue;
        const classes = match[2] ? [match[2]] : match[1]!.split('.');
        const change = {
          ...(family && { family }),
          ...(style && { italic: style === 'italic' }),
          ...(weight && { bold: weight === '700' || weight === 'bold' }),
        };
        expected.push(JSON.stringify([classes, change]));
      }
    }
    expect(expected.length).toBeGreaterThan(30);
    expect(new Set(CLASS_FONTS.map((entry) => JSON.stringify(entry)))).toEqual(new Set(expected));
  });
});
